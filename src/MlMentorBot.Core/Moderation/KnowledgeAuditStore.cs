using System.Data.Common;
using Dapper;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.Moderation;

/// <summary>
/// One knowledge load in the audit log (<c>/kb history</c>). <paramref name="TriggeredBy"/> is who or what asked
/// (<c>start-up</c>, <c>file change</c>, <c>/kb reload by …</c>); <paramref name="Added"/>, <paramref name="Changed"/> and
/// <paramref name="Removed"/> are entry ids compared with the previous applied load (empty when the load was rejected);
/// <paramref name="Problems"/> are <c>file:line: severity: message</c> lines; <paramref name="ProgressMoved"/> counts
/// progress rows moved by <c>replaces</c>.
/// </summary>
internal sealed record KnowledgeLoadRecord(
    long Id,
    DateTimeOffset AttemptedAt,
    string TriggeredBy,
    string Version,
    bool IsApplied,
    int EntryCount,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Problems,
    int ProgressMoved);

/// <summary>
/// The knowledge audit log in the bot's <see cref="IDatabase"/>. Besides one row per load, it keeps the content hash of every entry of the last applied
/// load, so "changed" is exact even across restarts (an edit made while the bot was down shows up at the next start-up).
/// Replicas sharing the database each load their own copy of the files; <c>knowledge_versions</c> (unique on version and
/// outcome) lets one of them claim a version, so the log gets one entry per version and its one-time effects run once.
/// </summary>
internal sealed class KnowledgeAuditStore(IDatabase database, TimeProvider time)
{
    /// <summary>Schema version 205: one row per knowledge version and outcome, claimed by the replica that records it.</summary>
    public static readonly SchemaMigration VersionMigration = new(205, "knowledge versions claimed once across replicas", """
        CREATE TABLE knowledge_versions (
            version     TEXT NOT NULL,
            is_applied  INTEGER NOT NULL,
            claimed_by  TEXT NOT NULL,
            lease_until TEXT NOT NULL,
            load_id     INTEGER,
            PRIMARY KEY (version, is_applied)
        );
        """)
    {
        Postgres = """
            CREATE TABLE knowledge_versions (
                version     text NOT NULL,
                is_applied  boolean NOT NULL,
                claimed_by  text NOT NULL,
                lease_until timestamptz NOT NULL,
                load_id     bigint,
                PRIMARY KEY (version, is_applied)
            );
            """,
    };

    /// <summary>
    /// Claims the one-time work of a load (audit entry, progress moved by <c>replaces</c>, moderators' alert) for
    /// <paramref name="claimedBy"/>: true when no replica has recorded this version and outcome yet and none holds a live
    /// claim on it (a claim whose lease ran out before it was recorded is taken over). False: someone else does or did it.
    /// </summary>
    public async Task<bool> TryClaimAsync(KnowledgeReloadOutcome outcome, string claimedBy, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        await database.WriteAsync(write => write.ExecuteAsync("""
            INSERT INTO knowledge_versions (version, is_applied, claimed_by, lease_until) VALUES (@Version, @IsApplied, @claimedBy, @until)
            ON CONFLICT (version, is_applied) DO UPDATE SET claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
                WHERE knowledge_versions.load_id IS NULL AND knowledge_versions.lease_until <= @now
            """, new
        {
            outcome.Result.Version,
            outcome.IsApplied,
            claimedBy,
            until = SqliteProgressStore.Timestamp(leaseUntil),
            now = SqliteProgressStore.Timestamp(time.GetUtcNow()),
        }), cancellationToken) == 1;

    /// <summary>The audit entry another replica recorded for this version and outcome, or null when none is recorded yet.</summary>
    public async Task<KnowledgeLoadRecord?> RecordedAsync(KnowledgeReloadOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT load_id FROM knowledge_versions WHERE version = @Version AND is_applied = @IsApplied",
            new { outcome.Result.Version, outcome.IsApplied }, cancellationToken: cancellationToken));
        return id is { } loadId ? (await QueryAsync(connection, "WHERE id = @loadId", new { loadId }, cancellationToken)).SingleOrDefault() : null;
    }

    /// <summary>Schema versions 200–299 belong to knowledge moderation; this store has 200.</summary>
    public static readonly SchemaMigration Migration = new(200, "knowledge load audit log", """
        CREATE TABLE knowledge_loads (
            id             INTEGER PRIMARY KEY,
            attempted_at   TEXT NOT NULL,
            triggered_by   TEXT NOT NULL,
            version        TEXT NOT NULL,
            is_applied     INTEGER NOT NULL,
            entry_count    INTEGER NOT NULL,
            added          TEXT NOT NULL,
            changed        TEXT NOT NULL,
            removed        TEXT NOT NULL,
            problems       TEXT NOT NULL,
            progress_moved INTEGER NOT NULL
        );
        CREATE TABLE knowledge_entries (
            entry_id     TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL
        ) WITHOUT ROWID;
        """)
    {
        Postgres = """
            CREATE TABLE knowledge_loads (
                id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                attempted_at   timestamptz NOT NULL,
                triggered_by   text NOT NULL,
                version        text NOT NULL,
                is_applied     boolean NOT NULL,
                entry_count    integer NOT NULL,
                added          text NOT NULL,
                changed        text NOT NULL,
                removed        text NOT NULL,
                problems       text NOT NULL,
                progress_moved integer NOT NULL
            );
            CREATE TABLE knowledge_entries (
                entry_id     text PRIMARY KEY,
                content_hash text NOT NULL
            );
            """,
    };

    /// <summary>
    /// Records a load attempt. For an applied load, compares its entries with the last applied set and makes them the new
    /// baseline, in the same transaction. <paramref name="extraProblems"/> are findings made after loading (progress checks).
    /// </summary>
    public async Task<KnowledgeLoadRecord> RecordAsync(
        KnowledgeReloadOutcome outcome, int progressMoved, IReadOnlyList<KnowledgeProblem> extraProblems, CancellationToken cancellationToken)
    {
        return await database.WriteAsync(async write =>
        {
            List<string> added = [], changed = [], removed = [];
            if (outcome.IsApplied)
            {
                var before = (await write.QueryAsync<(string Id, string Hash)>("SELECT entry_id, content_hash FROM knowledge_entries"))
                    .ToDictionary(r => r.Id, r => r.Hash, StringComparer.Ordinal);
                var now = outcome.Current.Entries.ToDictionary(e => e.Id, e => e.ContentHash, StringComparer.Ordinal);
                added = now.Keys.Where(id => !before.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
                changed = now.Where(kv => before.TryGetValue(kv.Key, out var hash) && hash != kv.Value).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
                removed = before.Keys.Where(id => !now.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
                await write.ExecuteAsync("DELETE FROM knowledge_entries");
                await write.ExecuteAsync("INSERT INTO knowledge_entries (entry_id, content_hash) VALUES (@Key, @Value)", now.ToList());
            }

            var problems = outcome.Result.Problems.Concat(extraProblems).Select(p => p.ToString()).ToList();
            var record = new KnowledgeLoadRecord(0, outcome.AttemptedAt, outcome.Trigger, outcome.Result.Version, outcome.IsApplied,
                outcome.Result.Entries.Count, added, changed, removed, problems, progressMoved);
            var id = await write.ExecuteScalarAsync<long>("""
                INSERT INTO knowledge_loads (attempted_at, triggered_by, version, is_applied, entry_count, added, changed, removed, problems, progress_moved)
                VALUES (@At, @TriggeredBy, @Version, @IsApplied, @EntryCount, @Added, @Changed, @Removed, @Problems, @ProgressMoved)
                RETURNING id
                """, new
            {
                At = SqliteProgressStore.Timestamp(record.AttemptedAt),
                record.TriggeredBy,
                record.Version,
                record.IsApplied,
                record.EntryCount,
                Added = Lines(added),
                Changed = Lines(changed),
                Removed = Lines(removed),
                Problems = Lines(problems),
                record.ProgressMoved,
            });
            await write.ExecuteAsync(
                "UPDATE knowledge_versions SET load_id = @id WHERE version = @Version AND is_applied = @IsApplied",
                new { id, record.Version, record.IsApplied });
            return record with { Id = id };
        }, cancellationToken);
    }

    /// <summary>The most recent <paramref name="count"/> loads, newest first.</summary>
    public async Task<IReadOnlyList<KnowledgeLoadRecord>> HistoryAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await QueryAsync(connection, "ORDER BY id DESC LIMIT @count", new { count }, cancellationToken);
    }

    private static async Task<IReadOnlyList<KnowledgeLoadRecord>> QueryAsync(DbConnection connection, string tail, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT id AS Id, attempted_at AS AttemptedAt, triggered_by AS TriggeredBy, version AS Version, is_applied AS IsApplied,
                   entry_count AS EntryCount, added AS Added, changed AS Changed, removed AS Removed, problems AS Problems,
                   progress_moved AS ProgressMoved
            FROM knowledge_loads {tail}
            """, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new KnowledgeLoadRecord(r.Id, r.AttemptedAt, r.TriggeredBy, r.Version, r.IsApplied,
            (int)r.EntryCount, Split(r.Added), Split(r.Changed), Split(r.Removed), Split(r.Problems), (int)r.ProgressMoved)).ToList();
    }

    private static string Lines(IEnumerable<string> items) => string.Join("\n", items);

    private static IReadOnlyList<string> Split(string text) => text.Length == 0 ? [] : text.Split('\n');

    // Properties rather than a positional record: each provider reports its own column types (integer or boolean, text or timestamptz).
    private sealed class Row
    {
        public long Id { get; init; }
        public DateTimeOffset AttemptedAt { get; init; }
        public string TriggeredBy { get; init; } = "";
        public string Version { get; init; } = "";
        public bool IsApplied { get; init; }
        public long EntryCount { get; init; }
        public string Added { get; init; } = "";
        public string Changed { get; init; } = "";
        public string Removed { get; init; } = "";
        public string Problems { get; init; } = "";
        public long ProgressMoved { get; init; }
    }
}
