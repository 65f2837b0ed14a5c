using Dapper;
using MlMentorBot.Core.Progress;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.CheckIns;

// Scheduled check-in actions (prompts, reminders, digests): claimed once per fire time across replicas under a lease.
public sealed partial class CheckInStore
{
    /// <summary>
    /// Claims a scheduled action before it is sent, for <paramref name="claimedBy"/> until <paramref name="leaseUntil"/>: inserts
    /// it as <c>sending</c>, takes over a <c>failed</c> one with attempts left, or takes over a <c>sending</c> one whose lease ran
    /// out (its replica died before recording the post). Returns false when it is taken (sent, sending under a live lease,
    /// skipped, or out of attempts): the caller must not send.
    /// </summary>
    public async Task<bool> TryClaimAsync(
        long groupId, string weekKey, ScheduledKind kind, DateTimeOffset dueAt, string channelId, string claimedBy, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken)
    {
        var claimed = await database.WriteAsync(write => write.ExecuteAsync($"""
            INSERT INTO checkin_actions (group_id, week_key, kind, state, attempts, due_at, recorded_at, channel_id, claimed_by, lease_until)
            VALUES (@groupId, @weekKey, @kind, 'sending', 1, @dueAt, @now, @channelId, @claimedBy, @leaseUntil)
            ON CONFLICT (group_id, week_key, kind) DO UPDATE SET
                state = 'sending', attempts = checkin_actions.attempts + 1, recorded_at = excluded.recorded_at,
                claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
                WHERE (checkin_actions.state = 'failed' AND checkin_actions.attempts < {MaxAttempts})
                   OR (checkin_actions.state = 'sending' AND checkin_actions.lease_until <= excluded.recorded_at)
            """, ActionRow(groupId, weekKey, kind, dueAt, channelId, claimedBy, leaseUntil)), cancellationToken);
        return claimed == 1;
    }

    /// <summary>Extends <paramref name="claimedBy"/>'s claim to <paramref name="leaseUntil"/>; false when the claim is no longer theirs or no longer sending.</summary>
    public async Task<bool> RenewAsync(long groupId, string weekKey, ScheduledKind kind, string claimedBy, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        await database.WriteAsync(write => write.ExecuteAsync("""
            UPDATE checkin_actions SET lease_until = @leaseUntil
            WHERE group_id = @groupId AND week_key = @weekKey AND kind = @kind AND state = 'sending' AND claimed_by = @claimedBy
            """, new { groupId, weekKey, kind = KindText(kind), claimedBy, leaseUntil = SqliteProgressStore.Timestamp(leaseUntil) }), cancellationToken) == 1;

    /// <summary>
    /// Records an action that fell due while the bot was down and whose window has passed, so it is never sent; also closes a
    /// claim whose replica died and whose window passed before anyone took it over.
    /// </summary>
    public Task SkipAsync(long groupId, string weekKey, ScheduledKind kind, DateTimeOffset dueAt, string channelId, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync("""
            INSERT INTO checkin_actions (group_id, week_key, kind, state, due_at, recorded_at, channel_id)
            VALUES (@groupId, @weekKey, @kind, 'skipped', @dueAt, @now, @channelId)
            ON CONFLICT (group_id, week_key, kind) DO UPDATE SET state = 'skipped'
                WHERE checkin_actions.state = 'sending' AND checkin_actions.lease_until <= excluded.recorded_at
            """, ActionRow(groupId, weekKey, kind, dueAt, channelId, null, null)), cancellationToken);

    private object ActionRow(long groupId, string weekKey, ScheduledKind kind, DateTimeOffset dueAt, string channelId, string? claimedBy, DateTimeOffset? leaseUntil) => new
    {
        groupId,
        weekKey,
        kind = KindText(kind),
        dueAt = SqliteProgressStore.Timestamp(dueAt),
        now = SqliteProgressStore.Timestamp(time.GetUtcNow()),
        channelId,
        claimedBy,
        leaseUntil = leaseUntil is { } until ? SqliteProgressStore.Timestamp(until) : (DateTimeOffset?)null,
    };

    /// <summary>
    /// Marks a claimed action <c>sent</c> (with the platform's message id) or <c>failed</c>. A post that went out is recorded
    /// whoever holds the claim now; a failure only by the claim's holder, so it never undoes another replica's post.
    /// </summary>
    public Task CompleteAsync(long groupId, string weekKey, ScheduledKind kind, string? messageId, string claimedBy, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync("""
            UPDATE checkin_actions SET state = CASE WHEN @messageId IS NULL THEN 'failed' ELSE 'sent' END, message_id = @messageId
            WHERE group_id = @groupId AND week_key = @weekKey AND kind = @kind AND state = 'sending'
              AND (claimed_by = @claimedBy OR @messageId IS NOT NULL)
            """, new { groupId, weekKey, kind = KindText(kind), messageId, claimedBy }), cancellationToken);

    /// <summary>
    /// Actions recorded for weeks from <paramref name="fromWeekKey"/> on that nobody needs to look at again: sent, skipped, or
    /// being sent under a live lease. Failed ones (which may be retried) and claims whose lease ran out (which may be taken
    /// over) are left out.
    /// </summary>
    public async Task<IReadOnlySet<(long GroupId, string WeekKey, ScheduledKind Kind)>> RecordedSinceAsync(string fromWeekKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long GroupId, string WeekKey, string Kind)>(new CommandDefinition("""
            SELECT group_id, week_key, kind FROM checkin_actions
            WHERE week_key >= @fromWeekKey
              AND (state IN ('sent', 'skipped') OR (state = 'sending' AND (lease_until IS NULL OR lease_until > @now)))
            """, new { fromWeekKey, now = SqliteProgressStore.Timestamp(time.GetUtcNow()) }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.GroupId, r.WeekKey, Enum.Parse<ScheduledKind>(r.Kind, ignoreCase: true))).ToHashSet();
    }

    /// <summary>The recorded action, or null when it has not been claimed.</summary>
    public async Task<ScheduledAction?> GetActionAsync(long groupId, string weekKey, ScheduledKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string State, string? MessageId)?>(new CommandDefinition(
            "SELECT state, message_id FROM checkin_actions WHERE group_id = @groupId AND week_key = @weekKey AND kind = @kind",
            new { groupId, weekKey, kind = KindText(kind) }, cancellationToken: cancellationToken));
        return row is { } r ? new ScheduledAction(groupId, weekKey, kind, r.State, r.MessageId) : null;
    }
}
