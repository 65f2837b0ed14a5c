using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Scheduling;
using MlMentorBot.Core.Telemetry;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// Posts each running group's weekly prompt (at opening, with a "Check in" button), reminder (before close, to those who have
/// neither checked in nor said they are away) and digest (at close). Driven by the injected <see cref="TimeProvider"/>: every
/// <see cref="CheckInOptions.TickSeconds"/> it looks at the current and the previous week of each group.
/// Each action is claimed in the database (unique group + week + kind) <em>before</em> it is sent, so a restart never posts it
/// twice and replicas sharing the database post it once between them: the claim carries a lease (<see cref="ScheduledClaims"/>)
/// that the claimer renews while posting, and a claim whose replica died before recording the post is taken over once its
/// lease has run out. Posts carry the claim's idempotency key (Discord's <c>nonce</c>). An action that fell due while the bot was down is still sent while its window is open (prompt and reminder: until close;
/// digest: until the next week opens) and recorded as skipped otherwise. A failed post is retried on later ticks
/// (<see cref="CheckInStore.MaxAttempts"/> in all) while the window is open.
/// </summary>
public sealed class CheckInScheduler(
    StudyGroupStore groups,
    CheckInStore store,
    CheckInPublisher publisher,
    ScheduledClaims claims,
    IOptions<CheckInOptions> options,
    TimeProvider time,
    ILogger<CheckInScheduler> logger,
    CommunityStore? communities = null) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsSchedulerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickSeconds), time);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A broken tick (database busy, …) must not stop the schedule; the next tick catches up.
                logger.LogError(ex, "Check-in scheduler tick failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every action that is due now. Safe to call from several places (the local chat calls it after moving its clock).</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            // One read of what is already recorded keeps an idle tick to two queries, however many groups there are.
            var recorded = await store.RecordedSinceAsync(CheckInCalendar.FormatKey(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-16)), cancellationToken);
            foreach (var group in await groups.ListActiveAsync(cancellationToken))
            {
                var current = CheckInCalendar.Current(group.Schedule, now);
                await RunWeekAsync(group, CheckInCalendar.Shift(group.Schedule, current, -1), now, recorded, cancellationToken);
                await RunWeekAsync(group, current, now, recorded, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunWeekAsync(StudyGroup group, CheckInWeek week, DateTimeOffset now, IReadOnlySet<(long, string, ScheduledKind)> recorded, CancellationToken cancellationToken)
    {
        if (week.ClosesAt <= group.CreatedAt)
        {
            return; // the week was over before the group existed
        }

        Task ActAsync(ScheduledKind kind, DateTimeOffset dueAt, DateTimeOffset openUntil, Func<string, CancellationToken, Task<string>> send) =>
            recorded.Contains((group.Id, week.Key, kind)) ? Task.CompletedTask : this.ActAsync(group, week, kind, dueAt, openUntil, now, send, cancellationToken);

        await ActAsync(ScheduledKind.Prompt, week.OpensAt, week.ClosesAt,
            (key, ct) => publisher.PostAsync(group, CheckInMessages.Prompt(group, week), null, key, ct));

        if (group.HasReminder && CheckInCalendar.ReminderAt(group.Schedule, week, options.Value.ReminderLeadHours) is { } remindAt)
        {
            await ActAsync(ScheduledKind.Reminder, remindAt, week.ClosesAt, async (key, ct) =>
            {
                var data = await store.LoadWeekAsync(group, week, ct);
                var done = data.CheckIns.Select(c => c.MemberId).Concat(data.AwayMemberIds).ToHashSet();
                var missing = data.Members.Where(m => !done.Contains(m.MemberId)).ToList();
                // Nobody to remind: record it as sent without posting, so the channel stays quiet.
                return missing.Count == 0 ? "" : await publisher.PostAsync(group, CheckInMessages.Reminder(group, week, missing), null, key, ct);
            });
        }

        var next = CheckInCalendar.Shift(group.Schedule, week, 1);
        await ActAsync(ScheduledKind.Digest, week.ClosesAt, next.OpensAt,
            async (key, ct) => await publisher.PostAsync(group, await publisher.BuildDigestAsync(group, week, ct), null, key, ct));
    }

    private async Task ActAsync(
        StudyGroup group, CheckInWeek week, ScheduledKind kind, DateTimeOffset dueAt, DateTimeOffset openUntil, DateTimeOffset now,
        Func<string, CancellationToken, Task<string>> send, CancellationToken cancellationToken)
    {
        if (now < dueAt)
        {
            return;
        }

        if (now >= openUntil)
        {
            await store.SkipAsync(group.Id, week.Key, kind, dueAt, group.ChannelId, cancellationToken);
            return;
        }

        if (!await store.TryClaimAsync(group.Id, week.Key, kind, dueAt, group.ChannelId, claims.ReplicaId, claims.LeaseUntil(), cancellationToken))
        {
            return;
        }

        BotTelemetry.JobRan("checkin." + kind.ToString().ToLowerInvariant());
        string? messageId = null;
        var claim = $"checkin/{group.Id}/{week.Key}/{kind}";
        try
        {
            messageId = await claims.HoldWhileAsync(claim,
                (until, ct) => store.RenewAsync(group.Id, week.Key, kind, claims.ReplicaId, until, ct),
                ct => send(ScheduledClaims.IdempotencyKey(claim), ct), cancellationToken);
            logger.LogInformation("Posted {Kind} for group {GroupId} week {Week}", kind, group.Id, week.Key);
        }
        catch (CommunityUnreachableException ex)
        {
            await StopPostingAsync(group, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Posting {Kind} for group {GroupId} week {Week} failed", kind, group.Id, week.Key);
        }
        finally
        {
            await store.CompleteAsync(group.Id, week.Key, kind, messageId, claims.ReplicaId, CancellationToken.None);
        }
    }

    /// <summary>
    /// The platform says the bot cannot reach the group's channel any more (issue #12): a whole community the bot left is
    /// marked so (every group there stops until the bot is back); a deleted channel pauses its one group. One log line each.
    /// </summary>
    private async Task StopPostingAsync(StudyGroup group, CommunityUnreachableException ex)
    {
        try
        {
            if (ex.IsWholeCommunity && communities is not null)
            {
                var community = group.Community;
                if (await communities.MarkLeftAsync(community, $"a scheduled post was refused: {ex.Message}", CancellationToken.None))
                {
                    logger.LogWarning("The bot can no longer post in {Community} ({Error}); its study groups' scheduled posts stop until it is back", community, ex.Message);
                }
            }
            else
            {
                await groups.UpdateAsync(group with { IsPaused = true }, CancellationToken.None);
                logger.LogWarning("Study group {GroupId}'s channel {Channel} is gone ({Error}); the group is paused", group.Id, group.ChannelId, ex.Message);
            }
        }
        catch (Exception inner) when (inner is not OperationCanceledException)
        {
            logger.LogWarning(inner, "Could not stop the scheduled posts of group {GroupId}", group.Id);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
