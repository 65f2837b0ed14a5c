using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MlMentorBot.Discord.Gateway;

namespace MlMentorBot.Discord;

/// <summary>How interactions reach the bot. https://discord.com/developers/docs/interactions/receiving-and-responding#receiving-an-interaction</summary>
public enum DiscordMode
{
    /// <summary>A Gateway WebSocket delivers <c>INTERACTION_CREATE</c>; no public URL needed (the default).</summary>
    Gateway,

    /// <summary>Discord POSTs signed interactions to <c>/discord/interactions</c> (the portal's "Interactions Endpoint URL").</summary>
    Http,
}

/// <summary>
/// The <c>Discord</c> configuration section. Values come from the Developer Portal (https://discord.com/developers/applications):
/// the application's "General Information" page holds the application id and public key, the "Bot" page the token.
/// </summary>
public sealed class DiscordOptions
{
    /// <summary>Configuration section bound to these options; <c>Discord__BotToken</c> and the like set it from the environment.</summary>
    public const string SectionName = "Discord";

    /// <summary>When false (the default) the adapter connects nowhere and the HTTP endpoint answers 404.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// <see cref="DiscordMode.Gateway"/> (default) or <see cref="DiscordMode.Http"/>. Once the portal's "Interactions Endpoint
    /// URL" is set, interactions stop arriving over the Gateway (https://discord.com/developers/docs/interactions/receiving-and-responding).
    /// </summary>
    public DiscordMode Mode { get; set; } = DiscordMode.Gateway;

    /// <summary>Application id (a snowflake), "General Information" → "Application ID".</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Ed25519 public key as 64 hex characters, "General Information" → "Public Key". Required in <see cref="DiscordMode.Http"/> mode.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Bot token, "Bot" → "Reset Token". Required in <see cref="DiscordMode.Gateway"/> mode and for <c>register-commands</c>. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Optional guild (server) id: <c>register-commands</c> registers there (instant, for development) instead of globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>
    /// Optional: the operators' home guild (right-click the server with Developer Mode on → Copy Server ID). Manage Server or
    /// Administrator there makes a member an operator of the deployment (<c>/kb status|reload|history</c>); in other guilds it
    /// makes them a moderator of that guild only. Unset: Manage Server anywhere makes an operator, right for a bot in one guild
    /// (issue #12, docs/communities.md).
    /// </summary>
    public string? OperatorGuildId { get; set; }

    /// <summary>REST base URL, absolute. Default API v10; only tests point it at a fake. https://discord.com/developers/docs/reference#api-versioning</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10/";

    /// <summary>
    /// How long a command may run before the adapter sends a deferred response (type 5) instead and follows up later, measured
    /// from when the interaction was received (a TimeSpan, e.g. <c>00:00:02</c>). Discord invalidates the token after 3 s without
    /// an initial response (https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction),
    /// so it must stay within 0–2.8 s. Default 2 s. The same idea and name as <c>Slack:AckBudget</c>.
    /// </summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// HTTP mode only: how often the bot lists its guilds (<c>GET /users/@me/guilds</c>) to resume the scheduled posts of a guild
    /// it had left and was invited back to, which the Gateway's <c>GUILD_CREATE</c> reports in Gateway mode (a TimeSpan, e.g.
    /// <c>00:15:00</c>; at least one minute). Discord is called only while some guild is marked left. Default 15 minutes.
    /// </summary>
    public TimeSpan GuildCheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// File that remembers the hash of the last registered command set, so unchanged sets are not PUT again (200 creates/day);
    /// a relative path is resolved against the working directory. Default <c>data/discord-commands.sha256</c>.
    /// </summary>
    public string RegistrationStateFile { get; set; } = "data/discord-commands.sha256";

    /// <summary>
    /// How many Gateway shards the bot has in all, across every replica: a whole number from 1 (the default) or <c>auto</c> for
    /// the count <c>GET /gateway/bot</c> recommends (<c>shards</c>), which is allowed only when this process runs every shard
    /// (<see cref="ShardIds"/> unset). Discord requires sharding from 2,500 guilds and closes a shard that holds too many with
    /// 4011. Gateway mode only; HTTP mode is stateless and ignores it. https://discord.com/developers/docs/events/gateway#sharding
    /// </summary>
    public string ShardCount { get; set; } = "1";

    /// <summary>
    /// The shards this replica runs, each from 0 to <see cref="ShardCount"/> − 1: ids separated by commas (<c>0,1</c>), ranges
    /// (<c>0-3</c>) or both (<c>0-3,8</c>). Unset or empty: all of them. Every shard must run in exactly one replica.
    /// Gateway mode only.
    /// </summary>
    public string? ShardIds { get; set; }
}

/// <summary>Checks <see cref="DiscordOptions"/> at start-up; values are only required when the adapter is enabled.</summary>
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!IsSnowflake(options.ApplicationId))
        {
            failures.Add("Discord:ApplicationId is missing or not a numeric id (Developer Portal → General Information → Application ID).");
        }

        if (options.Mode == DiscordMode.Http && (options.PublicKey is null || !PublicKeyHex().IsMatch(options.PublicKey)))
        {
            failures.Add("Discord:PublicKey is missing or not 64 hex characters (Developer Portal → General Information → Public Key).");
        }

        if (options.Mode == DiscordMode.Gateway && string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Discord:BotToken is missing; Gateway mode needs it (Developer Portal → Bot → Reset Token). Or set Discord:Mode to Http.");
        }

        if (!string.IsNullOrEmpty(options.GuildId) && !IsSnowflake(options.GuildId))
        {
            failures.Add("Discord:GuildId is not a numeric id (right-click the server with Developer Mode on → Copy Server ID).");
        }

        if (!string.IsNullOrEmpty(options.OperatorGuildId) && !IsSnowflake(options.OperatorGuildId))
        {
            failures.Add("Discord:OperatorGuildId is not a numeric id (right-click the server with Developer Mode on → Copy Server ID).");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add("Discord:ApiBaseUrl is not an absolute URL.");
        }

        if (options.AckBudget < TimeSpan.Zero || options.AckBudget > TimeSpan.FromMilliseconds(2800))
        {
            failures.Add("Discord:AckBudget must be between 00:00:00 and 00:00:02.8 (Discord's deadline is 3 s).");
        }

        if (options.GuildCheckInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add("Discord:GuildCheckInterval must be at least 00:01:00 (how often HTTP mode lists the bot's guilds).");
        }

        if (options.Mode == DiscordMode.Gateway)
        {
            failures.AddRange(ShardSettings.Problems(options.ShardCount, options.ShardIds));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSnowflake(string? value) => ulong.TryParse(value, out var id) && id > 0;

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex PublicKeyHex();
}
