using Microsoft.Extensions.Options;

namespace MlMentorBot.Slack;

/// <summary>How the adapter receives Slack traffic.</summary>
public enum SlackMode
{
    /// <summary>
    /// Outbound WebSocket opened with the app-level token; no public URL needed
    /// (https://docs.slack.dev/apis/events-api/using-socket-mode).
    /// </summary>
    SocketMode,

    /// <summary>Slack POSTs to <c>/slack/commands</c>, <c>/slack/interactivity</c> and <c>/slack/events</c>, signed with the signing secret.</summary>
    Http,
}

/// <summary>
/// The <c>Slack</c> configuration section. Values come from the Slack app's settings pages (https://api.slack.com/apps):
/// secrets belong in user secrets or environment variables (<c>Slack__BotToken</c>), never in a committed file.
/// </summary>
public sealed class SlackOptions
{
    /// <summary>Configuration section bound to these options; <c>Slack__BotToken</c> and the like set it from the environment.</summary>
    public const string SectionName = "Slack";

    /// <summary>Switches the adapter on. When false nothing connects to Slack and the <c>/slack/*</c> endpoints answer 404.</summary>
    public bool Enabled { get; set; }

    /// <summary><see cref="SlackMode.SocketMode"/> (default) or <see cref="SlackMode.Http"/>.</summary>
    public SlackMode Mode { get; set; } = SlackMode.SocketMode;

    /// <summary>
    /// "Basic Information → App Credentials → Signing Secret". Required in HTTP mode; used as a UTF-8 string, not hex-decoded
    /// (https://docs.slack.dev/authentication/verifying-requests-from-slack).
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>"OAuth &amp; Permissions → Bot User OAuth Token" (<c>xoxb-…</c>), issued when the app is installed. Always required.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// "Basic Information → App-Level Tokens" (<c>xapp-…</c>) with the <c>connections:write</c> scope. Required in Socket Mode
    /// (https://docs.slack.dev/reference/methods/apps.connections.open).
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>Slack user ids (<c>U…</c>/<c>W…</c>) treated as bot moderators (<see cref="MlMentorBot.Core.Commands.CommandRequest.IsModerator"/>).</summary>
    public string[] AdminUserIds { get; set; } = [];

    /// <summary>Web API root. Default <c>https://slack.com/api/</c>; only tests change it (to an in-process fake Slack).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Largest request body accepted on <c>/slack/*</c>, in bytes, 1024–1048576. Default 65536; larger bodies get 413 before any parsing.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How long a slash command's handler may run before the adapter acknowledges with "working on it" and posts the answer to
    /// <c>response_url</c> instead. Above 0 and below Slack's own 3 s deadline
    /// (https://api.slack.com/interactivity/slash-commands#responding_basic_receipt). Default 2.5 s.
    /// </summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>How many times a rate-limited (HTTP 429) or failed (5xx, network) Web API or <c>response_url</c> call is retried. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Longest <c>Retry-After</c> the client is willing to sleep; a longer one fails the call with <c>ratelimited</c>. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Minimum gap between two messages the bot posts to one channel. Default 1 s: <c>chat.postMessage</c> allows about one per
    /// second per channel (https://docs.slack.dev/apis/web-api/rate-limits).
    /// </summary>
    public TimeSpan ChannelMessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal bool IsAdmin(string userId) => Array.IndexOf(AdminUserIds, userId) >= 0;
}

/// <summary>
/// Start-up validation: a disabled adapter needs nothing; an enabled one needs the bot token and the secret its mode uses.
/// Each failure names the setting and the page it comes from, so the host stops with an actionable message.
/// </summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken is required when Slack:Enabled is true (OAuth & Permissions → Bot User OAuth Token, xoxb-…).");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token).");
        }

        if (options.Mode == SlackMode.Http && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add("Slack:SigningSecret is required when Slack:Mode is Http (Basic Information → App Credentials → Signing Secret).");
        }

        if (options.Mode == SlackMode.SocketMode)
        {
            if (string.IsNullOrWhiteSpace(options.AppToken))
            {
                failures.Add("Slack:AppToken is required when Slack:Mode is SocketMode (Basic Information → App-Level Tokens, xapp-… with connections:write).");
            }
            else if (!options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            {
                failures.Add("Slack:AppToken must be an app-level token starting with xapp- (Basic Information → App-Level Tokens).");
            }
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 1024 * 1024)
        {
            failures.Add("Slack:MaxRequestBodyBytes must be between 1024 and 1048576.");
        }

        if (options.AckBudget <= TimeSpan.Zero || options.AckBudget >= TimeSpan.FromSeconds(3))
        {
            failures.Add("Slack:AckBudget must be above 0 and below Slack's 3-second deadline.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
