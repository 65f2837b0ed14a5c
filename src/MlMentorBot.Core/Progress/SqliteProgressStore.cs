using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.Progress;

/// <summary>
/// <see cref="IProgressStore"/> on the bot's <see cref="IDatabase"/> (SQLite or PostgreSQL). Members live in <c>members</c> (unique platform, workspace, user); step rows in
/// <c>step_progress</c>, deleted with their member by cascade. Timestamps come from the injected clock, in UTC.
/// Reads go through a bounded in-memory cache (most recently used members, <see cref="CachedMembers"/> at most) that is
/// checked against <c>members.progress_version</c>, a stamp every write of a member's progress changes in the same
/// transaction. Several processes (replicas) may share the database: a read on one never serves what another has since
/// changed (issue #11). On PostgreSQL that costs one indexed single-row query per read. On SQLite a cheaper check comes
/// first: <see cref="SqliteCommitEpoch"/> tells whether anything at all was committed (by any connection or process) since
/// the member was last checked; if not, the cached entry is served without a query (<c>ProgressCacheBenchmarks</c> compares
/// the options).
/// </summary>
internal sealed partial class SqliteProgressStore(IDatabase database, TimeProvider time, IEnumerable<IMemberDataExporter> exporters) : IProgressStore, IDisposable
{
    /// <summary>How many members' progress the read cache holds (each entry counts as one).</summary>
    public const int CachedMembers = 20_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CachedMembers, CompactionPercentage = 0.25 });
    private readonly SqliteCommitEpoch? _commits = database is SqliteDatabase sqlite ? new SqliteCommitEpoch(sqlite) : null;
    private long _versionQueries;
    private long _epochHits;

    /// <summary>
    /// Whether a SQLite read may skip the per-member version query when nothing was committed since the member was last
    /// checked (default true). False checks every read, as on PostgreSQL; for benchmarks comparing the two.
    /// </summary>
    internal bool UseCommitEpoch { get; set; } = true;

    /// <summary>
    /// Whether the commit epoch may be read from the wal-index header before its <c>PRAGMA data_version</c> watches (default
    /// true; see <see cref="SqliteWalIndexHeader"/>). False for benchmarks comparing the two.
    /// </summary>
    internal bool UseWalIndexHeader
    {
        get => _commits?.UseHeader ?? false;
        set => _commits?.UseHeader = value;
    }

    /// <summary>Cached reads checked with a <c>members.progress_version</c> query so far (for tests).</summary>
    internal long VersionQueries => Interlocked.Read(ref _versionQueries);

    /// <summary>Cached reads served without a query because nothing was committed since they were checked (for tests).</summary>
    internal long EpochHits => Interlocked.Read(ref _epochHits);

    /// <summary>Epochs read from the wal-index header without a <c>PRAGMA data_version</c> read (for tests).</summary>
    internal long EpochHeaderHits => _commits?.HeaderHits ?? 0;

    public async Task<IReadOnlyDictionary<string, StepProgress>> GetAsync(MemberKey member, CancellationToken cancellationToken)
    {
        // Read before any query of this call: whatever the query below returns is at least as new as this epoch's start,
        // so an entry stamped with it stays true until something is committed (which moves the epoch on).
        var epoch = UseCommitEpoch ? _commits?.Current() : null;
        _cache.TryGetValue(member, out Cached? cached);
        if (ServedByEpoch(cached, epoch))
        {
            return cached!.Progress;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (cached is not null)
        {
            // One indexed single-row read: has any replica written this member's progress since we cached it?
            Interlocked.Increment(ref _versionQueries);
            var version = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT progress_version FROM members WHERE platform = @Platform AND workspace_id = @WorkspaceId AND user_id = @UserId",
                member, cancellationToken: cancellationToken));
            if (version == cached.Version)
            {
                cached.CheckedIn = epoch ?? 0;
                return cached.Progress;
            }
        }

        var (read, progress) = await ReadAsync(connection, member, cancellationToken);
        _cache.Set(member, new Cached(read, progress) { CheckedIn = epoch ?? 0 }, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return progress;
    }

    /// <summary>
    /// Served when the cached entry was found current in the epoch <see cref="SqliteCommitEpoch.CurrentWithoutWaiting"/> reads
    /// now: the same rule as <see cref="GetAsync"/>'s short-cut, so another replica's write is never missed. On PostgreSQL
    /// (no epoch) every read needs its version query, so this is always false there.
    /// </summary>
    public bool TryGetWithoutWaiting(MemberKey member, [NotNullWhen(true)] out IReadOnlyDictionary<string, StepProgress>? progress)
    {
        // The epoch is read before the entry, as in GetAsync: an entry stamped with it was checked after the epoch began.
        if (UseCommitEpoch && _commits?.CurrentWithoutWaiting() is { } now
            && _cache.TryGetValue(member, out Cached? cached) && ServedByEpoch(cached, now))
        {
            progress = cached!.Progress;
            return true;
        }

        progress = null;
        return false;
    }

    /// <summary>
    /// The SQLite short-cut both reads share: an entry last checked in <paramref name="epoch"/>, when that is still the
    /// current epoch, is served without a query (nothing was committed since it was checked).
    /// </summary>
    private bool ServedByEpoch(Cached? cached, long? epoch)
    {
        if (cached is null || epoch is not { } now || cached.CheckedIn != now)
        {
            return false;
        }

        Interlocked.Increment(ref _epochHits);
        return true;
    }

    public void Dispose()
    {
        _commits?.Dispose();
        _cache.Dispose();
    }

    /// <summary>
    /// The member's version and rows in one statement, so both come from one snapshot (a write committed in between could
    /// otherwise pair an old version with new rows, or new rows with an old version that is then served as current).
    /// </summary>
    private static async Task<(long? Version, IReadOnlyDictionary<string, StepProgress> Progress)> ReadAsync(
        DbConnection connection, MemberKey member, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<VersionedRow>(new CommandDefinition("""
            SELECT m.progress_version AS Version, p.step_id AS StepId, p.status AS Status, p.first_set_at AS FirstSetAt, p.updated_at AS UpdatedAt
            FROM members m LEFT JOIN step_progress p ON p.member_id = m.id
            WHERE m.platform = @Platform AND m.workspace_id = @WorkspaceId AND m.user_id = @UserId
            """, member, cancellationToken: cancellationToken))).AsList();
        // Read-only, because callers may key derived values on this map's identity (see IProgressStore.GetAsync).
        var progress = rows.Where(r => r.StepId is not null)
            .Select(r => ToProgress(new Row { StepId = r.StepId!, Status = r.Status!, FirstSetAt = r.FirstSetAt!.Value, UpdatedAt = r.UpdatedAt!.Value }))
            .ToDictionary(p => p.StepId, StringComparer.OrdinalIgnoreCase).AsReadOnly();
        return (rows.Count == 0 ? null : rows[0].Version, progress);
    }

    /// <summary>A new <c>members.progress_version</c> stamp: random, so it never repeats one another replica may have cached.</summary>
    private static long NewVersion() => Random.Shared.NextInt64(1, long.MaxValue);

    public async Task<StepProgress> SetAsync(MemberKey member, string stepId, StepStatus status, CancellationToken cancellationToken)
    {
        var now = Timestamp(time.GetUtcNow());
        // Two statements, each atomic on its own and neither deciding anything from what it read, so READ COMMITTED keeps
        // every concurrent write: the first takes the member's row lock (creating the row or stamping a new version), so
        // concurrent marks of one member, from this process or another replica, run one after another on PostgreSQL
        // instead of aborting each other under SERIALIZABLE (see PostgresDatabase.WriteAsync).
        var row = await database.WriteAsync(WriteIsolation.ReadCommitted, async write =>
        {
            var memberId = await write.QuerySingleAsync<long>("""
                INSERT INTO members (platform, workspace_id, user_id, enterprise_id, created_at, progress_version)
                VALUES (@Platform, @WorkspaceId, @UserId, @EnterpriseId, @Now, @Version)
                ON CONFLICT (platform, workspace_id, user_id) DO UPDATE
                    SET enterprise_id = coalesce(excluded.enterprise_id, members.enterprise_id), progress_version = excluded.progress_version
                RETURNING id
                """, new { member.Platform, member.WorkspaceId, member.UserId, member.EnterpriseId, Now = now, Version = NewVersion() });
            return await write.QuerySingleAsync<Row>("""
                INSERT INTO step_progress (member_id, step_id, status, first_set_at, updated_at)
                VALUES (@MemberId, @StepId, @Status, @Now, @Now)
                ON CONFLICT (member_id, step_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
                RETURNING step_id AS StepId, status AS Status, first_set_at AS FirstSetAt, updated_at AS UpdatedAt
                """, new { MemberId = memberId, StepId = stepId, Status = ToText(status), Now = now });
        }, cancellationToken);
        return ToProgress(row);
    }

    public async Task<MemberExport> ExportAsync(MemberKey member, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<(long Id, DateTimeOffset CreatedAt, string? EnterpriseId)?>(new CommandDefinition(
            "SELECT id, created_at, enterprise_id FROM members WHERE platform = @Platform AND workspace_id = @WorkspaceId AND user_id = @UserId",
            new { member.Platform, member.WorkspaceId, member.UserId }, cancellationToken: cancellationToken));
        if (found is not { } m)
        {
            return new MemberExport(member, null, [], new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>());
        }

        var steps = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT step_id AS StepId, status AS Status, first_set_at AS FirstSetAt, updated_at AS UpdatedAt
            FROM step_progress WHERE member_id = @Id ORDER BY step_id
            """, new { m.Id }, cancellationToken: cancellationToken))).Select(ToProgress).ToList();
        var other = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>();
        foreach (var exporter in exporters)
        {
            other[exporter.Name] = await exporter.ExportAsync(connection, m.Id, cancellationToken);
        }

        return new MemberExport(member with { EnterpriseId = m.EnterpriseId ?? member.EnterpriseId }, m.CreatedAt, steps, other);
    }

    public async Task<int> DeleteAsync(MemberKey member, CancellationToken cancellationToken)
    {
        var removed = await database.WriteAsync(async write =>
        {
            var id = await write.QuerySingleOrDefaultAsync<long?>(
                "SELECT id FROM members WHERE platform = @Platform AND workspace_id = @WorkspaceId AND user_id = @UserId", member);
            if (id is null)
            {
                return 0;
            }

            // Count what the cascade will take, so the member hears how much was removed.
            var steps = await write.ExecuteScalarAsync<int>("SELECT count(*) FROM step_progress WHERE member_id = @id", new { id });
            await write.ExecuteAsync("DELETE FROM members WHERE id = @id", new { id });
            return steps + 1;
        }, cancellationToken);
        if (removed > 0)
        {
            _cache.Remove(member); // memory only: the row and its version are gone, which every replica's check sees
        }

        return removed;
    }

    public async Task<int> RenameStepAsync(string oldStepId, string newStepId, CancellationToken cancellationToken)
    {
        var parameters = new { Old = oldStepId, New = newStepId };
        var moved = await database.WriteAsync(async write =>
        {
            // One stamp for every member whose progress moves; other replicas' caches see it at their next read.
            await write.ExecuteAsync(
                "UPDATE members SET progress_version = @Version WHERE id IN (SELECT member_id FROM step_progress WHERE step_id = @Old)",
                new { Version = NewVersion(), parameters.Old });
            // Where a member has both ids, keep the more advanced status (done > learning > skipped > todo) and the older
            // first_set_at (timestamptz in PostgreSQL; fixed-width ISO 8601 UTC text in SQLite, where the smaller string is
            // the earlier time).
            var merged = await write.ExecuteAsync($"""
                UPDATE step_progress SET
                    status = (SELECT CASE WHEN {Rank("o.status")} > {Rank("step_progress.status")} THEN o.status ELSE step_progress.status END
                              FROM step_progress o WHERE o.member_id = step_progress.member_id AND o.step_id = @Old),
                    first_set_at = (SELECT CASE WHEN o.first_set_at < step_progress.first_set_at THEN o.first_set_at ELSE step_progress.first_set_at END
                                    FROM step_progress o WHERE o.member_id = step_progress.member_id AND o.step_id = @Old)
                WHERE step_id = @New AND member_id IN (SELECT member_id FROM step_progress WHERE step_id = @Old)
                """, parameters);
            await write.ExecuteAsync("""
                DELETE FROM step_progress WHERE step_id = @Old
                  AND member_id IN (SELECT member_id FROM step_progress WHERE step_id = @New)
                """, parameters);
            return merged + await write.ExecuteAsync("UPDATE step_progress SET step_id = @New WHERE step_id = @Old", parameters);
        }, cancellationToken);
        return moved;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByStepAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string StepId, int Members)>(new CommandDefinition(
            "SELECT step_id, count(*) FROM step_progress GROUP BY step_id", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.StepId, r => r.Members, StringComparer.OrdinalIgnoreCase);
    }

    private static string Rank(string column) =>
        $"(CASE {column} WHEN 'done' THEN 3 WHEN 'learning' THEN 2 WHEN 'skipped' THEN 1 ELSE 0 END)";

    public static StepStatus ParseStatus(string text) => text.ToLowerInvariant() switch
    {
        "done" => StepStatus.Done,
        "learning" => StepStatus.Learning,
        "skipped" => StepStatus.Skipped,
        "todo" => StepStatus.Todo,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "Status must be done, learning, skipped or todo."),
    };

    public static string ToText(StepStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// <paramref name="at"/> in UTC to the millisecond, the precision both providers keep, so a time read back equals the
    /// one written. Bound as a parameter it becomes <c>timestamptz</c> or SQLite's ISO 8601 text (<see cref="UtcTimestampHandler"/>).
    /// </summary>
    internal static DateTimeOffset Timestamp(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static StepProgress ToProgress(Row r) => new(r.StepId, ParseStatus(r.Status), r.FirstSetAt, r.UpdatedAt);

    // Properties rather than a positional record: each provider reports its own column types (text or timestamptz).
    private sealed class Row
    {
        public string StepId { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset FirstSetAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    // Properties rather than a positional record: the LEFT JOIN's NULLs carry no type for Dapper to match a constructor by,
    // and each provider reports its own column types.
    private sealed class VersionedRow
    {
        public long Version { get; init; }
        public string? StepId { get; init; }
        public string? Status { get; init; }
        public DateTimeOffset? FirstSetAt { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }
    }

    /// <summary>
    /// A member's progress as read, with the version it was read at (null: no <c>members</c> row) and the
    /// <see cref="SqliteCommitEpoch"/> in which it was last found current (0: none; epochs start at 1).
    /// </summary>
    private sealed class Cached(long? version, IReadOnlyDictionary<string, StepProgress> progress)
    {
        private long _checkedIn;

        public long? Version { get; } = version;

        public IReadOnlyDictionary<string, StepProgress> Progress { get; } = progress;

        // Written by concurrent reads: a lost race leaves an older epoch, which only costs the next read a version query.
        public long CheckedIn
        {
            get => Volatile.Read(ref _checkedIn);
            set => Volatile.Write(ref _checkedIn, value);
        }
    }
}
