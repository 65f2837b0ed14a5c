namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// What a Gateway close code means for the next connection: fatal (with what the operator must fix), a new session (4007
/// invalid seq, 4009 session timed out), or resume (everything else).
/// https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
/// </summary>
internal static class GatewayCloseCodes
{
    /// <summary>The operator's fix for a fatal close code, or null when reconnecting can help.</summary>
    public static string? FatalFix(int? code) => code switch
    {
        4004 => "Authentication failed: Discord:BotToken is wrong or was reset. Copy a fresh token from Developer Portal → Bot → Reset Token.",
        4010 => "Invalid shard sent when identifying: Discord:ShardIds must lie within 0 to Discord:ShardCount − 1, and ShardCount must be the same in every replica.",
        4011 => "Sharding required: a shard holds too many guilds (Discord allows 2,500 each). Raise Discord:ShardCount (or set it to auto when one process runs every shard); see docs/discord.md.",
        4012 => "Invalid API version: this adapter speaks Gateway v10; Discord no longer accepts it. Update MlMentorBot.",
        4013 => "Invalid intents: the identify intents value is not valid. This adapter sends 0; report it as a bug.",
        4014 => "Disallowed intents: a privileged intent was requested without being enabled (Developer Portal → Bot → Privileged Gateway Intents).",
        _ => null,
    };

    /// <summary>For a code that is not fatal: whether the session is gone (identify again) or may be resumed.</summary>
    public static ConnectionOutcome AfterClose(int? code) => code is 4007 or 4009 ? ConnectionOutcome.NewSession : ConnectionOutcome.Resume;
}
