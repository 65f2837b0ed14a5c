using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Replies;
using MlMentorBot.Core.Scheduling;
using MlMentorBot.Core.Storage;
using MlMentorBot.Core.Telemetry;

namespace MlMentorBot.Core.Moderation;

/// <summary>
/// Once a minute (on the injected <see cref="TimeProvider"/>): writes usage counts to SQLite and, when a moderators' channel
/// is configured and this week's digest time (<see cref="ModerationOptions.DigestDay"/>, <see cref="ModerationOptions.DigestHourUtc"/>)
/// has passed, posts the week's most frequent unanswered questions once (nothing when there were none). Which weeks were posted is kept in the database, so a
/// restart neither repeats nor skips a digest, and replicas sharing the database post it once between them: the week's row is
/// claimed with a lease (<see cref="ScheduledClaims"/>) before posting and marked sent after, and a claim whose replica died
/// in between is taken over once the lease has run out.
/// </summary>
internal sealed class ModerationScheduler(
    UsageStats usage,
    AnswerGapStore gaps,
    ModeratorAlerts alerts,
    IDatabase database,
    ScheduledClaims claims,
    IOptions<ModerationOptions> options,
    TimeProvider time,
    ILogger<ModerationScheduler> logger) : BackgroundService
{
    public const int DigestSize = 10;

    public static readonly SchemaMigration[] Migrations =
    [
        new(203, "weekly gap digests posted", """
            CREATE TABLE gap_digests (
                week_start TEXT PRIMARY KEY,
                posted_at  TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
        {
            Postgres = """
                CREATE TABLE gap_digests (
                    week_start text PRIMARY KEY,
                    posted_at  timestamptz NOT NULL
                );
                """,
        },
        // posted_at is when the week was claimed. Rows from before this migration have no lease and count as sent.
        new(204, "leases on weekly gap digests", """
            ALTER TABLE gap_digests ADD COLUMN claimed_by TEXT;
            ALTER TABLE gap_digests ADD COLUMN lease_until TEXT;
            ALTER TABLE gap_digests ADD COLUMN sent_at TEXT;
            """)
        {
            Postgres = """
                ALTER TABLE gap_digests ADD COLUMN claimed_by text;
                ALTER TABLE gap_digests ADD COLUMN lease_until timestamptz;
                ALTER TABLE gap_digests ADD COLUMN sent_at timestamptz;
                """,
        },
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            do
            {
                try
                {
                    await RunDueWorkAsync(stoppingToken);
                }
                catch (StorageUnavailableException ex)
                {
                    // The database has logged the fault once at Error; a line a minute is enough here.
                    logger.LogWarning("Moderation housekeeping skipped, trying again in a minute: {Problem}", ex.Message);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Moderation housekeeping failed; trying again in a minute");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await usage.FlushAsync(cancellationToken); // keep the last minute's counts
        }
        catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException)
        {
            // Shutting down must still succeed (exit 0 on SIGTERM) when the database cannot be written; only the counts are lost.
            logger.LogWarning("The last usage counts were not saved at shutdown: {Problem}", ex.Message);
        }
    }

    /// <summary>Flushes usage counts and posts this week's gap digest when it is due. Returns true when a digest was posted.</summary>
    public async Task<bool> RunDueWorkAsync(CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        var now = time.GetUtcNow();
        var week = UsageStats.WeekStart(now);
        if (!alerts.IsConfigured || now < DigestTime(week))
        {
            return false;
        }

        var weekText = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var claimed = await database.WriteAsync(write => write.ExecuteAsync("""
            INSERT INTO gap_digests (week_start, posted_at, claimed_by, lease_until) VALUES (@weekText, @at, @replica, @until)
            ON CONFLICT (week_start) DO UPDATE SET posted_at = excluded.posted_at, claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
                WHERE gap_digests.sent_at IS NULL AND gap_digests.lease_until <= excluded.posted_at
            """, new { weekText, at = SqliteProgressStore.Timestamp(now), replica = claims.ReplicaId, until = SqliteProgressStore.Timestamp(claims.LeaseUntil()) }),
            cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        BotTelemetry.JobRan("moderation.gap_digest");
        var claim = $"gap-digest/{weekText}";
        var posted = await claims.HoldWhileAsync(claim,
            async (until, ct) => await database.WriteAsync(write => write.ExecuteAsync(
                "UPDATE gap_digests SET lease_until = @until WHERE week_start = @weekText AND claimed_by = @replica AND sent_at IS NULL",
                new { weekText, replica = claims.ReplicaId, until = SqliteProgressStore.Timestamp(until) }), ct) == 1,
            async ct =>
            {
                // A week without gaps is marked done without a post: moderators hear about problems, not about their absence.
                var top = await gaps.TopAsync(now.AddDays(-7), DigestSize, ct);
                return top.Count > 0 && await alerts.PostAsync(Digest(top), ScheduledClaims.IdempotencyKey(claim), ct);
            }, cancellationToken);
        await database.WriteAsync(write => write.ExecuteAsync(
            "UPDATE gap_digests SET sent_at = @at WHERE week_start = @weekText",
            new { weekText, at = SqliteProgressStore.Timestamp(time.GetUtcNow()) }), CancellationToken.None);
        return posted;
    }

    /// <summary>When the digest of the week starting <paramref name="weekStart"/> (a Monday) is due, UTC.</summary>
    public DateTimeOffset DigestTime(DateOnly weekStart) =>
        new DateTimeOffset(weekStart.AddDays(((int)options.Value.DigestDay + 6) % 7).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            .AddHours(options.Value.DigestHourUtc);

    private static BotReply Digest(IReadOnlyList<AnswerGapSummary> top) => new()
    {
        Title = "Weekly digest: questions the bot could not answer",
        Sections =
        [
            new ReplySection(null, "The most frequent /ask questions of the last 7 days without a confident answer. " +
                "Consider adding an entry, an alias or a synonym for them (knowledge/README.md)."),
            new ReplySection(null, string.Join("\n", top.Select(g => $"- {g.Count}× “{g.Question}”"))),
        ],
        Actions = [new SuggestedAction("All gaps (30 days)", "/kb gaps")],
    };
}
