using System.Globalization;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// When a group's check-in opens, is reminded and closes. <paramref name="Time"/> is local wall-clock time in
/// <paramref name="TimeZoneId"/> (an IANA id); <paramref name="WindowHours"/> is wall-clock hours from opening to close, so a
/// Monday 09:00 + 48 h window closes Wednesday 09:00 local even when a DST change falls in between.
/// </summary>
public sealed record GroupSchedule(DayOfWeek Day, TimeOnly Time, string TimeZoneId, int WindowHours);

/// <summary>
/// One check-in week of a group. <paramref name="Key"/> is the local date the check-in opens (<c>yyyy-MM-dd</c> in the group's
/// time zone), which identifies the week in storage; the instants are UTC. The window is [<paramref name="OpensAt"/>,
/// <paramref name="ClosesAt"/>).
/// </summary>
public sealed record CheckInWeek(string Key, DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    /// <summary>Whether <paramref name="now"/> (any offset; compared as an instant) falls in [<see cref="OpensAt"/>, <see cref="ClosesAt"/>).</summary>
    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
}

/// <summary>
/// Week arithmetic in a group's time zone with <see cref="TimeZoneInfo"/> on IANA ids (read from the system's tz database,
/// <c>/usr/share/zoneinfo</c> on Linux, so it works with <c>InvariantGlobalization</c>). Local times that do not exist (the
/// spring-forward gap) move forward by the gap; ambiguous ones (fall-back) take the first occurrence.
/// </summary>
internal static class CheckInCalendar
{
    /// <summary>The week whose check-in opened most recently at or before <paramref name="now"/> (it may already be closed).</summary>
    public static CheckInWeek Current(GroupSchedule schedule, DateTimeOffset now)
    {
        var zone = FindZone(schedule.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var candidate = today.AddDays(-(((int)today.DayOfWeek - (int)schedule.Day + 7) % 7));
        var week = WeekOf(schedule, zone, candidate);
        return week.OpensAt <= now ? week : WeekOf(schedule, zone, candidate.AddDays(-7));
    }

    /// <summary>The week after <paramref name="week"/> (or before it, for a negative <paramref name="weeks"/>).</summary>
    public static CheckInWeek Shift(GroupSchedule schedule, CheckInWeek week, int weeks) =>
        WeekOf(schedule, FindZone(schedule.TimeZoneId), ParseKey(week.Key).AddDays(7 * weeks));

    /// <summary>The week that opens on <paramref name="localDate"/> (which should fall on the schedule's day).</summary>
    public static CheckInWeek WeekOf(GroupSchedule schedule, DateOnly localDate) => WeekOf(schedule, FindZone(schedule.TimeZoneId), localDate);

    /// <summary>When to remind: <paramref name="leadHours"/> of local wall-clock time before close; null when that is not after opening.</summary>
    public static DateTimeOffset? ReminderAt(GroupSchedule schedule, CheckInWeek week, int leadHours)
    {
        var zone = FindZone(schedule.TimeZoneId);
        var closeLocal = ParseKey(week.Key).ToDateTime(schedule.Time).AddHours(schedule.WindowHours);
        var at = ToUtc(closeLocal.AddHours(-leadHours), zone);
        return leadHours > 0 && at > week.OpensAt && at < week.ClosesAt ? at : null;
    }

    /// <summary>Converts local wall-clock time in <paramref name="zone"/> to UTC (gap: moved forward; overlap: first occurrence).</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap, applied to the wall-clock time, lands the right distance after the jump
            // (02:30 on a spring-forward night becomes 03:30).
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The zone for an IANA id; throws <see cref="TimeZoneNotFoundException"/> when the system does not know it.</summary>
    /// <remarks>Cached: a digest computes a streak per member, and each lookup would otherwise read the tz file again.</remarks>
    public static TimeZoneInfo FindZone(string ianaId) => Zones.GetOrAdd(ianaId, TimeZoneInfo.FindSystemTimeZoneById);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="ianaId"/> names a zone this machine knows (for validating settings).</summary>
    public static bool TryFindZone(string ianaId, out TimeZoneInfo? zone)
    {
        try
        {
            zone = FindZone(ianaId.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = null;
            return false;
        }
    }

    /// <summary>Local date-time of an instant in the group's zone, formatted for members, e.g. <c>Mon 23 Nov 09:00 (Europe/Berlin)</c>.</summary>
    public static string Describe(DateTimeOffset instant, string timeZoneId)
    {
        var local = TimeZoneInfo.ConvertTime(instant, FindZone(timeZoneId));
        return local.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture) + $" ({timeZoneId})";
    }

    public static DateOnly ParseKey(string key) => DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>HH:mm</c> (24 h, also <c>9:00</c>).</summary>
    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static CheckInWeek WeekOf(GroupSchedule schedule, TimeZoneInfo zone, DateOnly date)
    {
        var opensLocal = date.ToDateTime(schedule.Time);
        return new CheckInWeek(FormatKey(date), ToUtc(opensLocal, zone), ToUtc(opensLocal.AddHours(schedule.WindowHours), zone));
    }
}
