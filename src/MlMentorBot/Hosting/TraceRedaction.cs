using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace MlMentorBot.Hosting;

/// <summary>
/// Removes credentials that live in URL paths from every finished activity before an exporter sees it: HTTP client spans
/// record the full URL (<c>url.full</c>), and for Discord's interaction routes
/// (<c>/interactions/{id}/{token}/callback</c>, <c>/webhooks/{application_id}/{token}/…</c>) and Slack's
/// <c>response_url</c> (<c>https://hooks.slack.com/commands/T…/…/secret</c>) the path is the credential. The token becomes
/// <c>{token}</c>, as in the route templates the logs show. Registered before any exporter, so exporters only ever read the
/// redacted value; working on the finished activity also catches tags the runtime's own HttpClient instrumentation sets after
/// the instrumentation's enrich callbacks.
/// </summary>
internal sealed partial class TraceRedaction : BaseProcessor<Activity>
{
    /// <summary>Tags whose values are URLs or paths (OpenTelemetry HTTP semantic conventions, current and older names).</summary>
    private static readonly string[] UrlTags = ["url.full", "url.path", "url.original", "http.url", "http.target"];

    public override void OnEnd(Activity activity)
    {
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string value && Redact(value) is var redacted && !ReferenceEquals(redacted, value))
            {
                activity.SetTag(tag, redacted);
            }
        }

        if (Redact(activity.DisplayName) is var name && !ReferenceEquals(name, activity.DisplayName))
        {
            activity.DisplayName = name;
        }
    }

    /// <summary>Returns <paramref name="url"/> with webhook/interaction tokens and Slack hook paths replaced, or the same instance when it holds none.</summary>
    internal static string Redact(string url)
    {
        if (url.Contains("/webhooks/", StringComparison.OrdinalIgnoreCase) || url.Contains("/interactions/", StringComparison.OrdinalIgnoreCase))
        {
            url = DiscordToken().Replace(url, "${prefix}{token}");
        }

        if (url.Contains("slack", StringComparison.OrdinalIgnoreCase))
        {
            url = SlackHook().Replace(url, "${prefix}{redacted}");
        }

        return url;
    }

    // https://discord.com/developers/docs/interactions/receiving-and-responding#endpoints: the token follows the id.
    [GeneratedRegex(@"(?<prefix>/(?:webhooks|interactions)/[^/?#]+/)[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiscordToken();

    // Any path on a Slack host except the Web API (whose token travels in the Authorization header): response_url
    // (hooks.slack.com/commands/…, /actions/…) and incoming webhooks (/services/…), GovSlack included.
    [GeneratedRegex(@"(?<prefix>^[a-z]+://[^/?#]*slack(?:-gov)?\.com/)(?!api/)[^#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlackHook();
}
