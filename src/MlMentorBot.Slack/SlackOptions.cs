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

    /// <summary>
    /// "OAuth &amp; Permissions → Bot User OAuth Token" (<c>xoxb-…</c>), issued when the app is installed. Required unless
    /// <see cref="ClientId"/> and <see cref="ClientSecret"/> are set (then each workspace's token comes from its OAuth install,
    /// and this one, if set, is used only for posts that belong to no workspace, such as the operators' alert channel).
    /// </summary>
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

    /// <summary>
    /// "Basic Information → App Credentials → Client ID". With <see cref="ClientSecret"/> it switches on OAuth installs
    /// (<c>GET /slack/install</c>, https://docs.slack.dev/authentication/installing-with-oauth): every workspace that installs
    /// the app gets its own bot token. Unset: one workspace, <see cref="BotToken"/>.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>"Basic Information → App Credentials → Client Secret"; sent to <c>oauth.v2.access</c> as HTTP Basic credentials. A secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Key that signs the OAuth <c>state</c> (HMAC-SHA256), at least 32 characters; any random string you keep secret, the same
    /// on every replica (e.g. <c>openssl rand -hex 32</c>). Required with OAuth. A secret.
    /// </summary>
    public string? StateSecret { get; set; }

    /// <summary>
    /// The public URL of <c>GET /slack/oauth_redirect</c> (e.g. <c>https://bot.example.com/slack/oauth_redirect</c>), listed under
    /// "OAuth &amp; Permissions → Redirect URLs" (the generated manifest lists it). Required with OAuth; https, or http on loopback.
    /// </summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Slack's authorize page the "Add to Slack" button leads to. Only tests change it (to a fake Slack).</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>True when <see cref="ClientId"/> and <see cref="ClientSecret"/> are set: workspaces install through OAuth.</summary>
    public bool IsOAuthEnabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

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
        ValidateOAuth(options, failures);
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            if (!options.IsOAuthEnabled)
            {
                failures.Add("Slack:BotToken is required when Slack:Enabled is true (OAuth & Permissions → Bot User OAuth Token, xoxb-…), unless Slack:ClientId and Slack:ClientSecret are set for OAuth installs.");
            }
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

    private static void ValidateOAuth(SlackOptions options, List<string> failures)
    {
        var hasId = !string.IsNullOrWhiteSpace(options.ClientId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        if (hasId != hasSecret)
        {
            failures.Add(hasId
                ? "Slack:ClientSecret is required when Slack:ClientId is set (Basic Information → App Credentials → Client Secret)."
                : "Slack:ClientId is required when Slack:ClientSecret is set (Basic Information → App Credentials → Client ID).");
        }

        if (!options.IsOAuthEnabled)
        {
            return;
        }

        if (options.StateSecret is not { Length: >= 32 })
        {
            failures.Add("Slack:StateSecret must be at least 32 characters when OAuth is on (a random secret of your own, e.g. `openssl rand -hex 32`, the same on every replica).");
        }

        if (options.RedirectUri is not { IsAbsoluteUri: true } redirect
            || !(redirect.Scheme == Uri.UriSchemeHttps || (redirect.Scheme == Uri.UriSchemeHttp && redirect.IsLoopback)))
        {
            failures.Add("Slack:RedirectUri must be the public https URL of /slack/oauth_redirect (e.g. https://bot.example.com/slack/oauth_redirect) when OAuth is on.");
        }
        else if (!redirect.AbsolutePath.EndsWith("/slack/oauth_redirect", StringComparison.Ordinal))
        {
            failures.Add($"Slack:RedirectUri is '{redirect}', whose path is not /slack/oauth_redirect, where the bot receives installs.");
        }

        if (!options.AuthorizeUrl.IsAbsoluteUri || options.AuthorizeUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("Slack:AuthorizeUrl must be an absolute http(s) URL (default https://slack.com/oauth/v2/authorize).");
        }
    }
}
