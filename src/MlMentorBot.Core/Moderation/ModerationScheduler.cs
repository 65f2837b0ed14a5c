using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Replies;
using MlMentorBot.Core.Scheduling;
using MlMentorBot.Core.Storage;
using MlMentorBot.Core.Telemetry;

namespace MlMentorBot.Core.Moderation;

/// <summary>
/// Once a minute (on the injected <see cref="TimeProvider"/>): writes usage counts to the database and, per community (see
/// <see cref="RunDueWorkAsync"/>), when this week's digest time (<see cref="ModerationOptions.DigestDay"/>, <see cref="ModerationOptions.DigestHourUtc"/>)
/// has passed, posts the week's most frequent unanswered questions once (nothing when there were none). Which weeks were posted is kept in the database, so a
/// restart neither repeats nor skips a digest, and replicas sharing the database post it once between them: the week's row is
/// claimed with a lease (<see cref="ScheduledClaims"/>) before posting and marked sent after, and a claim whose replica died
/// in between is taken over once the lease has run out.
/// </summary>
internal sealed class ModerationScheduler(
    UsageStats usage,
    AnswerGapStore gaps,
    ModeratorAlerts alerts,
    CommunityStore communities,
    CommunityPermissions permissions,
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
        // Issue #12: one digest per community and week. gap_digests stays (expand-only) for the release before this one.
        new(607, "weekly gap digests per community", """
            CREATE TABLE community_gap_digests (
                community   TEXT NOT NULL,
                week_start  TEXT NOT NULL,
                posted_at   TEXT NOT NULL,
                claimed_by  TEXT,
                lease_until TEXT,
                sent_at     TEXT,
                PRIMARY KEY (community, week_start)
            ) WITHOUT ROWID;
            """)
        {
            Postgres = """
                CREATE TABLE community_gap_digests (
                    community   text NOT NULL,
                    week_start  text NOT NULL,
                    posted_at   timestamptz NOT NULL,
                    claimed_by  text,
                    lease_until timestamptz,
                    sent_at     timestamptz,
                    PRIMARY KEY (community, week_start)
                );
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

    /// <summary>
    /// Stops the loop and writes the last usage counts, once: a host stopped from two places at the same moment (the app's own
    /// <c>WaitForShutdownAsync</c> and a caller's <c>StopAsync</c>, as under <c>WebApplicationFactory</c>) awaits the same stop,
    /// so neither path disposes the database while the other is still flushing.
    /// </summary>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        var stop = new Lazy<Task>(() => StopOnceAsync(cancellationToken));
        return (Interlocked.CompareExchange(ref _stop, stop, null) ?? stop).Value;
    }

    private Lazy<Task>? _stop;

    private async Task StopOnceAsync(CancellationToken cancellationToken)
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

    /// <summary>
    /// Flushes usage counts and, when this week's digest time has passed, posts each community's digest of the last 7 days'
    /// unanswered questions (issue #12): to the community's own <c>gap-digest-channel</c> (<c>/community settings</c>), else to
    /// the operators' alert channel when the community is an operator home on that platform (a single-community deployment,
    /// as before), else nowhere. A community the bot has left gets none. Each community's week is claimed on its own row
    /// (<c>community_gap_digests</c>), so replicas post it once. Returns true when at least one digest was posted.
    /// </summary>
    public async Task<bool> RunDueWorkAsync(CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        var now = time.GetUtcNow();
        var week = UsageStats.WeekStart(now);
        if (now < DigestTime(week))
        {
            return false;
        }

        var withGaps = await gaps.CommunitiesAsync(now.AddDays(-7), cancellationToken);
        if (withGaps.Count == 0)
        {
            return false; // moderators hear about problems, not about their absence
        }

        var channels = await communities.DigestChannelsAsync(cancellationToken);
        var left = await communities.LeftAsync(cancellationToken);
        var posted = false;
        foreach (var community in withGaps)
        {
            if (left.Contains(community))
            {
                continue;
            }

            var platform = CommunityKeys.PlatformOf(community);
            if (channels.TryGetValue(community, out var own))
            {
                posted |= await PostDigestAsync(community, week, now, (reply, key, ct) =>
                {
                    // The community's own credentials (one Slack token per installed workspace).
                    using var scope = CommunityScope.Enter(ScopeOf(community));
                    return alerts.PostToAsync(platform, own, reply, key, ct);
                }, cancellationToken);
            }
            else if (alerts.IsConfigured && (community.Length == 0 || (platform == alerts.Platform && permissions.IsOperatorHome(community))))
            {
                // Rows from before communities were recorded (empty key) belong to the one community of that time.
                posted |= await PostDigestAsync(community, week, now, (reply, key, ct) => alerts.PostAsync(reply, key, ct), cancellationToken);
            }
        }

        return posted;
    }

    private async Task<bool> PostDigestAsync(
        string community, DateOnly week, DateTimeOffset now, Func<BotReply, string, CancellationToken, Task<bool>> post, CancellationToken cancellationToken)
    {
        var weekText = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var claimed = await database.WriteAsync(write => write.ExecuteAsync("""
            INSERT INTO community_gap_digests (community, week_start, posted_at, claimed_by, lease_until) VALUES (@community, @weekText, @at, @replica, @until)
            ON CONFLICT (community, week_start) DO UPDATE SET posted_at = excluded.posted_at, claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
                WHERE community_gap_digests.sent_at IS NULL AND community_gap_digests.lease_until <= excluded.posted_at
            """, new { community, weekText, at = SqliteProgressStore.Timestamp(now), replica = claims.ReplicaId, until = SqliteProgressStore.Timestamp(claims.LeaseUntil()) }),
            cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        BotTelemetry.JobRan("moderation.gap_digest");
        // The claim (and so the idempotency key) of the one-community era is kept for its rows, so a retry across the upgrade matches.
        var claim = community.Length == 0 ? $"gap-digest/{weekText}" : $"gap-digest/{community}/{weekText}";
        var posted = await claims.HoldWhileAsync(claim,
            async (until, ct) => await database.WriteAsync(write => write.ExecuteAsync(
                "UPDATE community_gap_digests SET lease_until = @until WHERE community = @community AND week_start = @weekText AND claimed_by = @replica AND sent_at IS NULL",
                new { community, weekText, replica = claims.ReplicaId, until = SqliteProgressStore.Timestamp(until) }), ct) == 1,
            async ct =>
            {
                var top = await gaps.TopAsync(community, now.AddDays(-7), DigestSize, ct);
                return top.Count > 0 && await post(Digest(top), ScheduledClaims.IdempotencyKey(claim), ct);
            }, cancellationToken);
        await database.WriteAsync(write => write.ExecuteAsync(
            "UPDATE community_gap_digests SET sent_at = @at WHERE community = @community AND week_start = @weekText",
            new { community, weekText, at = SqliteProgressStore.Timestamp(time.GetUtcNow()) }), CancellationToken.None);
        return posted;
    }

    /// <summary>The <see cref="Community"/> a key names, for picking credentials: a Slack <c>E…</c> key is an org-wide install.</summary>
    private static Community ScopeOf(string community)
    {
        var platform = CommunityKeys.PlatformOf(community);
        var id = CommunityKeys.IdOf(community);
        return platform == "slack" && id.StartsWith('E') ? new Community(platform, id, id) { IsOrgWide = true } : new Community(platform, id);
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
