using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.CheckIns;

/// <summary>The check-in scheduler's posts and claims, run on each provider by the subclasses below.</summary>
public abstract class CheckInSchedulerTests(TestStorage storage) : IDisposable
{
    public void Dispose() => storage.Dispose();

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Checks nothing of <paramref name="kind"/> is posted a minute before <paramref name="due"/>, and exactly one at it.</summary>
    private static async Task AssertPostsAtAsync(CheckInHost host, string titlePrefix, DateTimeOffset due)
    {
        var before = host.Messenger.Titled(titlePrefix).Count;
        await host.AdvanceToAsync(due.AddMinutes(-1));
        Assert.Equal(before, host.Messenger.Titled(titlePrefix).Count);
        await host.AdvanceToAsync(due);
        var posts = host.Messenger.Titled(titlePrefix);
        Assert.Equal(before + 1, posts.Count);
        Assert.Equal(due, posts[^1].At);
    }

    [SkippableTheory]
    // Berlin in November is UTC+1: Monday 09:00 opens at 08:00Z; 48 h later Wednesday 09:00 closes; reminder 6 h before.
    [InlineData("Europe/Berlin", "monday", "09:00", 48, "2026-11-22T12:00Z", "2026-11-23T08:00Z", "2026-11-25T02:00Z", "2026-11-25T08:00Z")]
    // New York in November is UTC-5: Tuesday 18:30 opens at 23:30Z; a 24 h window closes Wednesday 18:30 local.
    [InlineData("America/New_York", "tuesday", "18:30", 24, "2026-11-22T12:00Z", "2026-11-24T23:30Z", "2026-11-25T17:30Z", "2026-11-25T23:30Z")]
    // DST starts in New York on 8 March 2026: a Saturday 09:00 (EST) window of 48 wall-clock hours closes Monday 09:00 EDT, 47 h later.
    [InlineData("America/New_York", "saturday", "09:00", 48, "2026-03-06T12:00Z", "2026-03-07T14:00Z", "2026-03-09T07:00Z", "2026-03-09T13:00Z")]
    // DST starts in Berlin on 29 March 2026.
    [InlineData("Europe/Berlin", "saturday", "10:00", 48, "2026-03-27T12:00Z", "2026-03-28T09:00Z", "2026-03-30T02:00Z", "2026-03-30T08:00Z")]
    // DST ends in New York on 1 November 2026: Saturday 09:00 EDT opens 13:00Z, Monday 09:00 EST closes 14:00Z (49 h later).
    [InlineData("America/New_York", "saturday", "09:00", 48, "2026-10-30T12:00Z", "2026-10-31T13:00Z", "2026-11-02T08:00Z", "2026-11-02T14:00Z")]
    public async Task Prompt_reminder_and_digest_post_at_the_groups_local_times(
        string zone, string day, string time, int hours, string createdAt, string prompt, string reminder, string digest)
    {
        var clock = new FakeTimeProvider(Utc(createdAt));
        using var host = new CheckInHost(clock, storage);
        await host.SayAsync("ada", $"/group create study day:{day} time:{time} timezone:{zone} hours:{hours}");
        await host.SayAsync("bob", "/group join study");

        await AssertPostsAtAsync(host, "Weekly check-in", Utc(prompt));
        await AssertPostsAtAsync(host, "Reminder", Utc(reminder));
        await AssertPostsAtAsync(host, "Check-in digest", Utc(digest));

        Assert.All(host.Messenger.Posts, p => Assert.Equal("c1", p.ChannelId));
        Assert.Equal(3, host.Messenger.Posts.Count);
    }

    [SkippableFact]
    public async Task Prompts_follow_local_time_across_the_spring_DST_change()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-01T12:00Z"));
        using var host = new CheckInHost(clock, storage);
        await host.SayAsync("ada", "/group create study day:monday time:09:00 timezone:America/New_York");

        await AssertPostsAtAsync(host, "Weekly check-in", Utc("2026-03-02T14:00Z")); // EST, UTC-5
        await AssertPostsAtAsync(host, "Weekly check-in", Utc("2026-03-09T13:00Z")); // EDT, UTC-4, after 8 March
    }

    [SkippableFact]
    public async Task A_restart_mid_week_neither_reposts_the_prompt_nor_misses_the_reminder_that_fell_due_while_down()
    {
        var clock = new FakeTimeProvider(Utc("2026-11-22T12:00Z"));
        var messenger = new RecordingMessenger(clock);
        using (var first = new CheckInHost(clock, storage, messenger))
        {
            await first.SayAsync("ada", "/group create study day:monday time:09:00 timezone:Europe/Berlin");
            await first.SayAsync("bob", "/group join study");
            await first.AdvanceToAsync(Utc("2026-11-23T08:00Z"));
            Assert.Single(messenger.Titled("Weekly check-in"));
        }

        // Down from Monday until Wednesday 05:00Z: the reminder (02:00Z) fell due meanwhile, the window closes at 08:00Z.
        using var second = new CheckInHost(clock, storage, messenger);
        await second.AdvanceToAsync(Utc("2026-11-25T05:00Z"));
        await second.AdvanceToAsync(Utc("2026-11-25T05:01Z"));

        Assert.Single(messenger.Titled("Weekly check-in"));
        var reminder = Assert.Single(messenger.Titled("Reminder"));
        Assert.Equal(Utc("2026-11-25T05:00Z"), reminder.At);
        Assert.Contains("@ada", reminder.Reply.Sections[0].Markdown);
    }

    [SkippableFact]
    public async Task A_prompt_whose_window_closed_while_the_bot_was_down_is_skipped_but_the_digest_still_posts()
    {
        var clock = new FakeTimeProvider(Utc("2026-11-22T12:00Z"));
        var messenger = new RecordingMessenger(clock);
        using (var first = new CheckInHost(clock, storage, messenger))
        {
            await first.SayAsync("ada", "/group create study day:monday time:09:00 timezone:Europe/Berlin");
        }

        // Down from Sunday until Thursday: the whole window (Mon 08:00Z – Wed 08:00Z) passed; the next week has not opened.
        using var second = new CheckInHost(clock, storage, messenger);
        await second.AdvanceToAsync(Utc("2026-11-26T10:00Z"));

        Assert.Empty(messenger.Titled("Weekly check-in"));
        Assert.Empty(messenger.Titled("Reminder"));
        Assert.Single(messenger.Titled("Check-in digest"));
        var recorded = await second.Services.GetRequiredService<CheckInStore>().GetActionAsync(1, "2026-11-23", ScheduledKind.Prompt, CancellationToken.None);
        Assert.Equal("skipped", recorded!.State);
    }

    [SkippableFact]
    public async Task Two_schedulers_on_one_database_post_each_groups_prompt_reminder_and_digest_once_per_week()
    {
        var clock = new FakeTimeProvider(Utc("2026-11-22T12:00Z"));
        var messenger = new RecordingMessenger(clock);
        using var first = new CheckInHost(clock, storage, messenger);
        using var second = new CheckInHost(clock, storage, messenger);
        await first.SayAsync("ada", "/group create study day:monday time:09:00 timezone:Europe/Berlin");
        await second.SayAsync("bob", "/group join study");
        await second.SayAsync("cyd", "/group create other day:monday time:09:00 timezone:Europe/Berlin", channel: "c2");

        // Every minute of two weeks around the opening (08:00Z), the reminder (Wednesday 02:00Z) and the close (08:00Z).
        foreach (var at in new[] { "2026-11-23T08:00Z", "2026-11-23T08:01Z", "2026-11-25T02:00Z", "2026-11-25T02:01Z", "2026-11-25T08:00Z", "2026-11-25T08:01Z", "2026-11-30T08:00Z" })
        {
            clock.SetUtcNow(Utc(at));
            await Task.WhenAll(first.Scheduler.RunDueAsync(CancellationToken.None), second.Scheduler.RunDueAsync(CancellationToken.None));
        }

        Assert.Equal(2, messenger.Titled("Weekly check-in — study").Count); // two weeks
        Assert.Equal(2, messenger.Titled("Weekly check-in — other").Count);
        Assert.Single(messenger.Titled("Reminder: check-in closes soon — study"));
        Assert.Single(messenger.Titled("Check-in digest — study"));
        Assert.Single(messenger.Titled("Check-in digest — other"));
    }

    [SkippableFact]
    public async Task An_action_claimed_before_a_crash_is_sent_once_by_another_replica_when_its_lease_runs_out()
    {
        var clock = new FakeTimeProvider(Utc("2026-11-22T12:00Z"));
        using var host = new CheckInHost(clock, storage);
        await host.SayAsync("ada", "/group create study day:monday time:09:00 timezone:Europe/Berlin");
        // Another replica claimed the prompt for 40 s and died before posting it: it never renews the lease.
        clock.SetUtcNow(Utc("2026-11-23T08:00Z"));
        Assert.True(await host.Services.GetRequiredService<CheckInStore>()
            .TryClaimAsync(1, "2026-11-23", ScheduledKind.Prompt, Utc("2026-11-23T08:00Z"), "c1", "dead-replica", Utc("2026-11-23T08:00:40Z"), CancellationToken.None));

        await host.AdvanceToAsync(Utc("2026-11-23T08:00:30Z"));
        Assert.Empty(host.Messenger.Titled("Weekly check-in"));

        await host.AdvanceToAsync(Utc("2026-11-23T08:01:00Z"));
        await host.AdvanceToAsync(Utc("2026-11-23T08:01:30Z"));
        Assert.Single(host.Messenger.Titled("Weekly check-in"));
        Assert.Equal("sent", (await host.Services.GetRequiredService<CheckInStore>().GetActionAsync(1, "2026-11-23", ScheduledKind.Prompt, CancellationToken.None))!.State);
    }

    [SkippableFact]
    public async Task A_failed_post_is_retried_on_the_next_tick_while_the_window_is_open()
    {
        var clock = new FakeTimeProvider(Utc("2026-11-22T12:00Z"));
        using var host = new CheckInHost(clock, storage);
        await host.SayAsync("ada", "/group create study day:monday time:09:00 timezone:Europe/Berlin");
        host.Messenger.FailNext = 1;

        await host.AdvanceToAsync(Utc("2026-11-23T08:00Z"));
        Assert.Empty(host.Messenger.Titled("Weekly check-in"));
        await host.AdvanceToAsync(Utc("2026-11-23T08:00:30Z"));

        Assert.Single(host.Messenger.Titled("Weekly check-in"));
    }

    [SkippableFact]
    public async Task The_background_service_posts_when_the_clock_reaches_the_prompt()
    {
        var clock = new FakeTimeProvider(Utc("2026-11-23T07:59Z"));
        using var host = new CheckInHost(clock, storage);
        await host.SayAsync("ada", "/group create study day:monday time:09:00 timezone:Europe/Berlin");
        using var stop = new CancellationTokenSource();
        await host.Scheduler.StartAsync(stop.Token);

        clock.Advance(TimeSpan.FromMinutes(1));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.Messenger.Titled("Weekly check-in").Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await host.Scheduler.StopAsync(CancellationToken.None);
        var prompt = Assert.Single(host.Messenger.Titled("Weekly check-in"));
        Assert.Contains(prompt.Reply.Actions, a => a.Label == "Check in" && a.CommandLine == "/checkin group:study");
    }

    [SkippableFact]
    public async Task A_paused_group_gets_no_prompt()
    {
        var clock = new FakeTimeProvider(Utc("2026-11-22T12:00Z"));
        using var host = new CheckInHost(clock, storage);
        await host.SayAsync("ada", "/group create study day:monday time:09:00 timezone:Europe/Berlin");
        await host.SayAsync("ada", "/group pause");

        await host.AdvanceToAsync(Utc("2026-11-23T08:00Z"));

        Assert.Empty(host.Messenger.Posts);
    }

    [SkippableFact]
    public async Task Quiet_mode_reminders_name_nobody()
    {
        var clock = new FakeTimeProvider(Utc("2026-11-22T12:00Z"));
        using var host = new CheckInHost(clock, storage);
        await host.SayAsync("ada", "/group create study day:monday time:09:00 timezone:Europe/Berlin");
        await host.SayAsync("bob", "/group join study");
        await host.SayAsync("ada", "/group settings quiet:yes");

        await host.AdvanceToAsync(Utc("2026-11-23T08:00Z"));
        await host.AdvanceToAsync(Utc("2026-11-25T02:00Z"));

        var reminder = Assert.Single(host.Messenger.Titled("Reminder")).Reply.Sections[0].Markdown;
        Assert.Contains("2 members have not checked in", reminder);
        Assert.DoesNotContain("@", reminder);
    }
}

public sealed class CheckInSchedulerOnSqliteTests() : CheckInSchedulerTests(TestStorage.Sqlite());

[Collection(PostgresCluster.Collection)]
public sealed class CheckInSchedulerOnPostgresTests(PostgresCluster cluster) : CheckInSchedulerTests(TestStorage.Postgres(cluster));
