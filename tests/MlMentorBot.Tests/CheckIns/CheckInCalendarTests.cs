using MlMentorBot.Core.CheckIns;

namespace MlMentorBot.Tests.CheckIns;

public sealed class CheckInCalendarTests
{
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    [InlineData("UTC")]
    public void IANA_time_zones_resolve_on_this_machine(string id) => Assert.True(CheckInCalendar.TryFindZone(id, out _));

    [Fact]
    public void An_unknown_time_zone_is_rejected() => Assert.False(CheckInCalendar.TryFindZone("Mars/Olympus_Mons", out _));

    [Fact]
    public void A_local_time_in_the_spring_forward_gap_moves_forward_by_the_gap()
    {
        // Berlin skips 02:00–03:00 on 29 March 2026; 02:30 becomes 03:30 CEST = 01:30Z.
        var at = CheckInCalendar.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), CheckInCalendar.FindZone("Europe/Berlin"));
        Assert.Equal(Utc("2026-03-29T01:30Z"), at);
    }

    [Fact]
    public void An_ambiguous_local_time_at_fall_back_takes_the_first_occurrence()
    {
        // New York repeats 01:00–02:00 on 1 November 2026; the first 01:30 is EDT (UTC-4).
        var at = CheckInCalendar.ToUtc(new DateTime(2026, 11, 1, 1, 30, 0), CheckInCalendar.FindZone("America/New_York"));
        Assert.Equal(Utc("2026-11-01T05:30Z"), at);
    }

    [Fact]
    public void The_current_week_is_the_last_one_opened_in_the_groups_zone()
    {
        var schedule = new GroupSchedule(DayOfWeek.Monday, new TimeOnly(9, 0), "Asia/Kolkata", 48);

        // 03:29Z Monday is 08:59 in Kolkata (UTC+5:30): this week has not opened, so the current week is last week's.
        Assert.Equal("2026-11-16", CheckInCalendar.Current(schedule, Utc("2026-11-23T03:29Z")).Key);
        Assert.Equal("2026-11-23", CheckInCalendar.Current(schedule, Utc("2026-11-23T03:30Z")).Key);
    }

    [Fact]
    public void Week_keys_are_local_dates_even_when_the_UTC_date_differs()
    {
        // Sunday 23:00 in New York is already Monday in UTC.
        var schedule = new GroupSchedule(DayOfWeek.Sunday, new TimeOnly(23, 0), "America/New_York", 24);
        var week = CheckInCalendar.Current(schedule, Utc("2026-11-23T04:30Z"));
        Assert.Equal("2026-11-22", week.Key);
        Assert.Equal(Utc("2026-11-23T04:00Z"), week.OpensAt);
    }
}
