using System.ComponentModel.DataAnnotations;

namespace MlMentorBot.Core.CheckIns;

/// <summary>Configuration section <c>CheckIns</c>.</summary>
public sealed class CheckInOptions
{
    /// <summary>Run the scheduler (prompts, reminders, digests). Default true; commands work either way.</summary>
    public bool IsSchedulerEnabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due actions, in seconds, 1–3600. Default 30; an action posts at most this late.</summary>
    [Range(1, 3600)]
    public int TickSeconds { get; set; } = 30;

    /// <summary>IANA time zone id (<c>Europe/Berlin</c>, from the system tz database) for groups created without one. Default <c>UTC</c>.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>The reminder goes out this many hours (local wall-clock) before a check-in closes, 1–72. Default 6.</summary>
    [Range(1, 72)]
    public int ReminderLeadHours { get; set; } = 6;
}
