using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Replies;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.Moderation;

/// <summary>How often a command (<c>/progress mark</c>) or a knowledge entry (<c>skills.frameworks</c>) was used in one week.</summary>
internal sealed record UsageCount(DateOnly WeekStart, string Kind, string Name, int Count);

/// <summary>
/// Counts command and entry use per ISO week (weeks start on Monday, UTC) for <c>/kb stats</c>. Records the command and
/// subcommand name and the entry shown, never who asked or what they typed. Counts are kept in memory on the request path and
/// written to the database by <see cref="FlushAsync"/> (every minute from <see cref="ModerationScheduler"/>, at shutdown, and
/// before <c>/kb stats</c> reads them).
/// </summary>
internal sealed class UsageStats(IDatabase database, TimeProvider time) : CommandUsageRecorder
{
    public const string CommandKind = "command";
    public const string EntryKind = "entry";

    public static readonly SchemaMigration Migration = new(202, "weekly command and entry usage counts", """
        CREATE TABLE usage_counts (
            week_start TEXT NOT NULL,
            kind       TEXT NOT NULL CHECK (kind IN ('command', 'entry')),
            name       TEXT NOT NULL,
            count      INTEGER NOT NULL,
            PRIMARY KEY (week_start, kind, name)
        ) WITHOUT ROWID;
        """)
    {
        // week_start stays the Monday's yyyy-MM-dd text: a day, not an instant.
        Postgres = """
            CREATE TABLE usage_counts (
                week_start text NOT NULL,
                kind       text NOT NULL CHECK (kind IN ('command', 'entry')),
                name       text NOT NULL,
                count      integer NOT NULL,
                PRIMARY KEY (week_start, kind, name)
            );
            """,
    };

    /// <summary>
    /// Schema version 605 (issue #12): counts per community, so <c>/kb stats</c> shows each community only its own. A new table
    /// rather than a new key on <c>usage_counts</c> (expand-only: the old table stays, unread, for one release).
    /// </summary>
    public static readonly SchemaMigration CommunityMigration = new(605, "weekly usage counts per community", """
        CREATE TABLE community_usage_counts (
            community  TEXT NOT NULL,
            week_start TEXT NOT NULL,
            kind       TEXT NOT NULL CHECK (kind IN ('command', 'entry')),
            name       TEXT NOT NULL,
            count      INTEGER NOT NULL,
            PRIMARY KEY (community, week_start, kind, name)
        ) WITHOUT ROWID;
        """)
    {
        Postgres = """
            CREATE TABLE community_usage_counts (
                community  text NOT NULL,
                week_start text NOT NULL,
                kind       text NOT NULL CHECK (kind IN ('command', 'entry')),
                name       text NOT NULL,
                count      integer NOT NULL,
                PRIMARY KEY (community, week_start, kind, name)
            );
            """,
    };

    private readonly ConcurrentDictionary<(string Community, DateOnly Week, string Kind, string Name), int> _pending = new();

    public override void Record(CommandRequest request, BotReply reply)
    {
        if (request is { Command: "community", Subcommand: "delete-data" } && request.Option("confirm") == "yes")
        {
            return; // the deletion of a community's data does not start its counts again
        }

        var week = WeekStart(time.GetUtcNow());
        var community = CommunityKeys.Of(request.Member);
        Count(community, week, CommandKind, "/" + request.Command + (request.Subcommand is null ? "" : " " + request.Subcommand));
        if (reply.EntryId is { } entry)
        {
            Count(community, week, EntryKind, entry);
        }
    }

    /// <inheritdoc />
    public override void Forget(string community)
    {
        foreach (var key in _pending.Keys.Where(k => k.Community == community))
        {
            _pending.TryRemove(key, out _);
        }
    }

    /// <summary>Writes the counts gathered in memory to the database; when that fails they are kept for the next flush.</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be written (the counts stay in memory).</exception>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new List<(string Community, DateOnly Week, string Kind, string Name, int Count)>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var count))
            {
                batch.Add((key.Community, key.Week, key.Kind, key.Name, count));
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await database.WriteAsync(write => write.ExecuteAsync("""
                INSERT INTO community_usage_counts (community, week_start, kind, name, count) VALUES (@Community, @Week, @Kind, @Name, @Count)
                ON CONFLICT (community, week_start, kind, name) DO UPDATE SET count = community_usage_counts.count + excluded.count
                """, batch.Select(b => new { b.Community, Week = Day(b.Week), b.Kind, b.Name, b.Count }).ToList()), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not written: count them again next time rather than lose them.
            foreach (var (community, week, kind, name, count) in batch)
            {
                _pending.AddOrUpdate((community, week, kind, name), count, (_, n) => n + count);
            }

            throw;
        }
    }

    /// <summary>
    /// For each of the last <paramref name="weeks"/> weeks (this one included), the top <paramref name="max"/> of each kind in
    /// <paramref name="community"/>; newest week first.
    /// </summary>
    public async Task<IReadOnlyList<UsageCount>> TopAsync(string community, int weeks, int max, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        var since = WeekStart(time.GetUtcNow()).AddDays(-7 * (weeks - 1));
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Week, string Kind, string Name, long Count)>(new CommandDefinition("""
            SELECT week_start, kind, name, count FROM (
                SELECT week_start, kind, name, count,
                       row_number() OVER (PARTITION BY week_start, kind ORDER BY count DESC, name) AS place
                FROM community_usage_counts WHERE community = @community AND week_start >= @since) AS ranked
            WHERE place <= @max ORDER BY week_start DESC, kind, count DESC, name
            """, new { community, since = Day(since), max }, cancellationToken: cancellationToken));
        return rows.Select(r => new UsageCount(DateOnly.ParseExact(r.Week, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Kind, r.Name, (int)r.Count)).ToList();
    }

    /// <summary>The Monday (UTC) of the week <paramref name="at"/> falls in.</summary>
    public static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private void Count(string community, DateOnly week, string kind, string name) => _pending.AddOrUpdate((community, week, kind, name), 1, (_, n) => n + 1);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
