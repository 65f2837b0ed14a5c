using System.ComponentModel.DataAnnotations;

namespace MlMentorBot.Core.Moderation;

/// <summary>Configuration section <c>Moderation</c> (issue #6).</summary>
public sealed class ModerationOptions
{
    /// <summary>Watch the knowledge folder and reload on change. Default true; <c>/kb reload</c> works either way.</summary>
    public bool IsWatchEnabled { get; set; } = true;

    /// <summary>Quiet time after the last file event before reloading, in milliseconds, 50–60000 (editors save in bursts). Default 500.</summary>
    [Range(50, 60_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 500;

    /// <summary>
    /// How often the folder is also checked by polling, in seconds (1–3600): the fallback for file systems that deliver no events
    /// (network shares, some container mounts) and for an overflowing watcher. Default 30.
    /// </summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 30;

    /// <summary>Where knowledge load failures and the weekly gap digest are posted; unset means nowhere (logs only).</summary>
    public AlertChannelOptions? AlertChannel { get; set; }

    /// <summary>Day of the weekly gap digest (UTC). Default Monday.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>Hour of the weekly gap digest, 0–23 UTC. Default 9.</summary>
    [Range(0, 23)]
    public int DigestHourUtc { get; set; } = 9;
}

/// <summary>
/// The moderators' channel: <see cref="Platform"/> is <c>discord</c>, <c>slack</c> or <c>local</c> (it picks the
/// <see cref="Messaging.IChannelMessenger"/> of that platform); <see cref="ChannelId"/> is the Discord channel snowflake
/// (Server Settings → right-click the channel → Copy Channel ID) or the Slack channel id (<c>C…</c>, from the channel's details).
/// </summary>
public sealed class AlertChannelOptions
{
    /// <summary>Required: <c>discord</c>, <c>slack</c> or <c>local</c>. From <c>Moderation:AlertChannel:Platform</c>.</summary>
    [Required]
    public string Platform { get; set; } = "";

    /// <summary>Required: the channel id on that platform (see the class remarks for where to copy it). From <c>Moderation:AlertChannel:ChannelId</c>.</summary>
    [Required]
    public string ChannelId { get; set; } = "";
}
