using System.Text.Json;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// Every Gateway message: <c>{op, d, s, t}</c>; <c>s</c> and <c>t</c> are only set for op 0 (Dispatch).
/// https://discord.com/developers/docs/events/gateway-events#payload-structure
/// </summary>
internal sealed record GatewayPayload(int Op, JsonElement? D, int? S, string? T);

/// <summary><c>GET /gateway/bot</c>. https://discord.com/developers/docs/events/gateway#get-gateway-bot</summary>
internal sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

/// <summary>
/// Identify budget: <see cref="Remaining"/> of <see cref="Total"/> session starts left until <see cref="ResetAfter"/>
/// milliseconds from now; <see cref="MaxConcurrency"/> identifies per 5 s, one per bucket <c>shard_id % max_concurrency</c>.
/// https://discord.com/developers/docs/events/gateway#session-start-limit-object
/// </summary>
internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

/// <summary>Gateway opcodes. https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes</summary>
internal static class GatewayOp
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

/// <summary>
/// Delays the Gateway client uses between attempts. Defaults follow Discord's guidance and Discord.Net's reconnect backoff
/// (1 s doubling to 60 s); tests shorten them.
/// </summary>
internal sealed record GatewayTimings
{
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After op 9 <c>d:false</c>, wait a random 1–5 s before identifying again.</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Least time between two IDENTIFYs in one rate-limit bucket (<c>shard_id % max_concurrency</c>): Discord's 5 s.</summary>
    public TimeSpan IdentifySpacing { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Added to <see cref="IdentifySpacing"/> once an IDENTIFY is sent, for network jitter and replicas' clock differences.</summary>
    public TimeSpan IdentifyMargin { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a shard holds its bucket while it connects and waits for Hello, before it has identified.</summary>
    public TimeSpan IdentifyTurnLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a shard waiting for its bucket asks the database again.</summary>
    public TimeSpan IdentifyPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Send budget per connection: Discord allows 120 events per 60 s and disconnects beyond it.</summary>
    public int SendLimit { get; init; } = 120;

    public TimeSpan SendWindow { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>What ended one Gateway connection, and so what the next one does.</summary>
internal enum ConnectionOutcome
{
    /// <summary>Reconnect on <c>resume_gateway_url</c> and send Resume (op 6).</summary>
    Resume,

    /// <summary>Drop the session; reconnect on the cached Gateway URL and Identify.</summary>
    NewSession,

    /// <summary>A close code Discord says not to reconnect after (4004, 4010–4014).</summary>
    Fatal,

    /// <summary>The host is stopping.</summary>
    Stopped,
}
