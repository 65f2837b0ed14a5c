using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.Progress;

/// <summary>
/// Adds a feature's rows to a member's export. Implementations read their own tables for the member id
/// (the <c>members.id</c> their rows reference with <c>ON DELETE CASCADE</c>, which is how delete reaches them).
/// </summary>
internal interface IMemberDataExporter
{
    /// <summary>Name of the section in the export JSON, e.g. <c>checkins</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Every row this store holds about <paramref name="memberId"/> (the <c>members.id</c>), one dictionary of column name to
    /// value per row, read on <paramref name="connection"/> so the whole export sees one state of the database.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ExportAsync(DbConnection connection, long memberId, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="IProgressStore"/> on the bot's <see cref="IDatabase"/> (SQLite today). Members live in <c>members</c> (unique platform, workspace, user); step rows in
/// <c>step_progress</c>, deleted with their member by cascade. Timestamps are ISO 8601 UTC text from the injected clock.
/// Reads go through a bounded in-memory cache (most recently used members, <see cref="CachedMembers"/> at most) that every
/// write of this store invalidates, so <c>/roadmap</c> does not query SQLite on each request. One bot process owns a
/// database file; a second process writing the same file would not invalidate this cache.
/// </summary>
internal sealed class SqliteProgressStore(IDatabase database, TimeProvider time, IEnumerable<IMemberDataExporter> exporters) : IProgressStore, IDisposable
{
    /// <summary>How many members' progress the read cache holds (each entry counts as one).</summary>
    public const int CachedMembers = 20_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CachedMembers, CompactionPercentage = 0.25 });

    // Bumped after every committed write. A read that raced a write does not cache what it read.
    private long _generation;

    /// <summary>Schema versions 1–99 belong to this store.</summary>
    public static readonly SchemaMigration[] Migrations =
    [
        new(1, "members and step progress", """
            CREATE TABLE members (
                id           INTEGER PRIMARY KEY,
                platform     TEXT NOT NULL,
                workspace_id TEXT NOT NULL,
                user_id      TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                UNIQUE (platform, workspace_id, user_id)
            );
            CREATE TABLE step_progress (
                member_id    INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
                step_id      TEXT NOT NULL COLLATE NOCASE,
                status       TEXT NOT NULL CHECK (status IN ('todo', 'learning', 'done', 'skipped')),
                first_set_at TEXT NOT NULL,
                updated_at   TEXT NOT NULL,
                PRIMARY KEY (member_id, step_id)
            ) WITHOUT ROWID;
            CREATE INDEX step_progress_by_step ON step_progress (step_id);
            """),
        new(2, "Slack Enterprise Grid organisation of a member", """
            ALTER TABLE members ADD COLUMN enterprise_id TEXT;
            """),
    ];

    public async Task<IReadOnlyDictionary<string, StepProgress>> GetAsync(MemberKey member, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(member, out IReadOnlyDictionary<string, StepProgress>? cached))
        {
            return cached!;
        }

        var generation = Interlocked.Read(ref _generation);
        var progress = await ReadAsync(member, cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _cache.Set(member, progress, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return progress;
    }

    private void Invalidate(MemberKey? member)
    {
        Interlocked.Increment(ref _generation);
        if (member is null)
        {
            _cache.Compact(1.0);
        }
        else
        {
            _cache.Remove(member);
        }
    }

    public void Dispose() => _cache.Dispose();

    private async Task<IReadOnlyDictionary<string, StepProgress>> ReadAsync(MemberKey member, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT p.step_id AS StepId, p.status AS Status, p.first_set_at AS FirstSetAt, p.updated_at AS UpdatedAt
            FROM step_progress p JOIN members m ON m.id = p.member_id
            WHERE m.platform = @Platform AND m.workspace_id = @WorkspaceId AND m.user_id = @UserId
            """, member, cancellationToken: cancellationToken));
        // Read-only, because callers may key derived values on this map's identity (see IProgressStore.GetAsync).
        return rows.Select(ToProgress).ToDictionary(p => p.StepId, StringComparer.OrdinalIgnoreCase).AsReadOnly();
    }

    public async Task<StepProgress> SetAsync(MemberKey member, string stepId, StepStatus status, CancellationToken cancellationToken)
    {
        var now = Timestamp(time.GetUtcNow());
        var row = await database.WriteAsync(async write =>
        {
            var memberId = await MemberIds.GetOrCreateAsync(write, member, time);
            return await write.QuerySingleAsync<Row>("""
                INSERT INTO step_progress (member_id, step_id, status, first_set_at, updated_at)
                VALUES (@MemberId, @StepId, @Status, @Now, @Now)
                ON CONFLICT (member_id, step_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
                RETURNING step_id AS StepId, status AS Status, first_set_at AS FirstSetAt, updated_at AS UpdatedAt
                """, new { MemberId = memberId, StepId = stepId, Status = ToText(status), Now = now });
        }, cancellationToken);
        Invalidate(member);
        return ToProgress(row);
    }

    public async Task<MemberExport> ExportAsync(MemberKey member, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<(long Id, string CreatedAt, string? EnterpriseId)?>(new CommandDefinition(
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

        return new MemberExport(member with { EnterpriseId = m.EnterpriseId ?? member.EnterpriseId }, Parse(m.CreatedAt), steps, other);
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
            Invalidate(member);
        }

        return removed;
    }

    public async Task<int> RenameStepAsync(string oldStepId, string newStepId, CancellationToken cancellationToken)
    {
        var parameters = new { Old = oldStepId, New = newStepId };
        var moved = await database.WriteAsync(async write =>
        {
            // Where a member has both ids, keep the more advanced status (done > learning > skipped > todo) and the older
            // first_set_at (ISO 8601 UTC text, so the smaller string is the earlier time).
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
        Invalidate(null);
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

    internal static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static StepProgress ToProgress(Row r) => new(r.StepId, ParseStatus(r.Status), Parse(r.FirstSetAt), Parse(r.UpdatedAt));

    private sealed record Row(string StepId, string Status, string FirstSetAt, string UpdatedAt);
}

/// <summary>Looks up or creates the <c>members</c> row for a <see cref="MemberKey"/>; shared by every feature's store.</summary>
internal static class MemberIds
{
    /// <summary>The member's id, creating the row (and keeping a Slack enterprise id once seen) inside <paramref name="write"/>.</summary>
    public static Task<long> GetOrCreateAsync(IDbWriteScope write, MemberKey member, TimeProvider time) =>
        write.QuerySingleAsync<long>("""
            INSERT INTO members (platform, workspace_id, user_id, enterprise_id, created_at)
            VALUES (@Platform, @WorkspaceId, @UserId, @EnterpriseId, @Now)
            ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET enterprise_id = coalesce(excluded.enterprise_id, members.enterprise_id)
            RETURNING id
            """, new { member.Platform, member.WorkspaceId, member.UserId, member.EnterpriseId, Now = SqliteProgressStore.Timestamp(time.GetUtcNow()) });
}
