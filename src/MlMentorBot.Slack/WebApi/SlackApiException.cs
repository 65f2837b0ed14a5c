namespace MlMentorBot.Slack.WebApi;

/// <summary>
/// A Slack Web API call that failed. <see cref="Error"/> is Slack's own error code from an <c>ok:false</c> body
/// (<c>channel_not_found</c>, <c>missing_scope</c>, <c>expired_trigger_id</c>, <c>ratelimited</c> …;
/// https://docs.slack.dev/apis/web-api/#responses), or <c>http_&lt;status&gt;</c> / <c>network_error</c> when Slack
/// could not be reached or answered without the envelope. The message never contains a token.
/// </summary>
internal sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error, string? needed = null, TimeSpan? retryAfter = null, Exception? inner = null)
        : base($"Slack {method} failed: {error}{(needed is null ? "" : $" (needs {needed})")}", inner)
    {
        Method = method;
        Error = error;
        Needed = needed;
        RetryAfter = retryAfter;
    }

    /// <summary>The Web API method, for example <c>chat.postMessage</c>, or <c>response_url</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code.</summary>
    public string Error { get; }

    /// <summary>For <c>missing_scope</c>: the scope the token lacks.</summary>
    public string? Needed { get; }

    /// <summary>For <c>ratelimited</c>: Slack's last <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; }
}
