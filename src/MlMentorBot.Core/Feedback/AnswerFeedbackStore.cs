using System.Data.Common;
using Dapper;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.Feedback;

/// <summary>How one entry's /ask answers were rated in a period.</summary>
internal sealed record EntryFeedback(string EntryId, int Helpful, int NotHelpful);

/// <summary>
/// A question whose answer members marked "not helpful": <paramref name="Question"/> is the latest wording, <paramref name="Count"/>
/// how many members voted so, <paramref name="EntryId"/> the entry the answer led with.
/// </summary>
internal sealed record NotHelpfulQuestion(string Question, string EntryId, int Count, DateTimeOffset LastVotedAt);

/// <summary>
/// Members' "Helpful" / "Not helpful" votes on /ask answers (issue #14). One vote per member per answer (the entry it led with
/// and the question, compared like <c>/kb gaps</c> compares questions); voting again changes it. Votes are the member's data:
/// rows reference <c>members(id)</c> with <c>ON DELETE CASCADE</c>, so <c>/progress delete</c> removes them, and they are the
/// <c>answer_feedback</c> section of <c>/progress export</c>.
/// </summary>
internal sealed class AnswerFeedbackStore(IDatabase database, TimeProvider time) : IMemberDataExporter
{
    /// <summary>Longest question kept, in characters.</summary>
    public const int MaxQuestionLength = 300;

    /// <summary>Schema version 250 belongs to this store.</summary>
    public static readonly SchemaMigration Migration = new(250, "helpful / not helpful votes on /ask answers", """
        CREATE TABLE answer_votes (
            member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
            entry_id   TEXT NOT NULL,
            normalized TEXT NOT NULL,
            question   TEXT NOT NULL,
            vote       TEXT NOT NULL CHECK (vote IN ('helpful', 'not-helpful')),
            voted_at   TEXT NOT NULL,
            PRIMARY KEY (member_id, entry_id, normalized)
        ) WITHOUT ROWID;
        CREATE INDEX answer_votes_by_time ON answer_votes (voted_at);
        """)
    {
        Postgres = """
            CREATE TABLE answer_votes (
                member_id  bigint NOT NULL REFERENCES members (id) ON DELETE CASCADE,
                entry_id   text NOT NULL,
                normalized text NOT NULL,
                question   text NOT NULL,
                vote       text NOT NULL CHECK (vote IN ('helpful', 'not-helpful')),
                voted_at   timestamptz NOT NULL,
                PRIMARY KEY (member_id, entry_id, normalized)
            );
            CREATE INDEX answer_votes_by_time ON answer_votes (voted_at);
            """,
    };

    /// <summary>
    /// Schema version 606 (issue #12): the community a vote was cast in, so <c>/kb gaps</c> and <c>/kb stats</c> show each
    /// community only its own. Expand-only: votes from before have an empty community and are shown to no community.
    /// </summary>
    public static readonly SchemaMigration CommunityMigration = SchemaMigration.Portable(606, "answer votes per community", """
        ALTER TABLE answer_votes ADD COLUMN community text NOT NULL DEFAULT '';
        CREATE INDEX answer_votes_by_community ON answer_votes (community, voted_at);
        """);

    public string Name => "answer_feedback";

    /// <summary>
    /// Records <paramref name="member"/>'s <paramref name="vote"/> (<c>helpful</c> or <c>not-helpful</c>) on the answer that led
    /// with <paramref name="entryId"/> for <paramref name="question"/>, replacing an earlier vote on it. Returns the earlier vote, or null.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The vote was not kept.</exception>
    public async Task<string?> RecordAsync(MemberKey member, string entryId, string question, string vote, CancellationToken cancellationToken)
    {
        var text = question.Trim();
        text = text.Length <= MaxQuestionLength ? text : text[..MaxQuestionLength];
        return await database.WriteAsync(async write =>
        {
            var memberId = await MemberIds.GetOrCreateAsync(write, member, time);
            var key = new { memberId, entryId, normalized = AnswerGapStore.Normalize(text), question = text, vote, at = SqliteProgressStore.Timestamp(time.GetUtcNow()), community = CommunityKeys.Of(member) };
            var previous = await write.QuerySingleOrDefaultAsync<string?>(
                "SELECT vote FROM answer_votes WHERE member_id = @memberId AND entry_id = @entryId AND normalized = @normalized", key);
            await write.ExecuteAsync("""
                INSERT INTO answer_votes (member_id, entry_id, normalized, question, vote, voted_at, community)
                VALUES (@memberId, @entryId, @normalized, @question, @vote, @at, @community)
                ON CONFLICT (member_id, entry_id, normalized) DO UPDATE
                SET vote = excluded.vote, question = excluded.question, voted_at = excluded.voted_at, community = excluded.community
                """, key);
            return previous;
        }, cancellationToken);
    }

    /// <summary>Votes cast (or last changed) in <paramref name="community"/> at or after <paramref name="since"/>, per entry, most rated first.</summary>
    public async Task<IReadOnlyList<EntryFeedback>> CountsAsync(string community, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string EntryId, long Helpful, long NotHelpful)>(new CommandDefinition("""
            SELECT entry_id, sum(CASE WHEN vote = 'helpful' THEN 1 ELSE 0 END), sum(CASE WHEN vote = 'not-helpful' THEN 1 ELSE 0 END)
            FROM answer_votes WHERE community = @community AND voted_at >= @since
            GROUP BY entry_id ORDER BY count(*) DESC, entry_id
            """, new { community, since = SqliteProgressStore.Timestamp(since) }, cancellationToken: cancellationToken));
        return rows.Select(r => new EntryFeedback(r.EntryId, (int)r.Helpful, (int)r.NotHelpful)).ToList();
    }

    /// <summary>The <paramref name="max"/> questions most often marked "not helpful" in <paramref name="community"/> at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<NotHelpfulQuestion>> NotHelpfulAsync(string community, DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Question, string EntryId, long Count, DateTimeOffset LastVotedAt)>(new CommandDefinition("""
            SELECT (SELECT v2.question FROM answer_votes v2 WHERE v2.community = v.community AND v2.normalized = v.normalized AND v2.entry_id = v.entry_id ORDER BY v2.voted_at DESC LIMIT 1),
                   entry_id, count(*), max(voted_at)
            FROM answer_votes v WHERE community = @community AND vote = 'not-helpful' AND voted_at >= @since
            GROUP BY community, entry_id, normalized ORDER BY count(*) DESC, max(voted_at) DESC LIMIT @max
            """, new { community, since = SqliteProgressStore.Timestamp(since), max }, cancellationToken: cancellationToken));
        return rows.Select(r => new NotHelpfulQuestion(r.Question, r.EntryId, (int)r.Count, r.LastVotedAt)).ToList();
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ExportAsync(DbConnection connection, long memberId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string EntryId, string Question, string Vote, DateTimeOffset VotedAt)>(new CommandDefinition(
            "SELECT entry_id, question, vote, voted_at FROM answer_votes WHERE member_id = @memberId ORDER BY voted_at",
            new { memberId }, cancellationToken: cancellationToken));
        return rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["entry_id"] = r.EntryId,
            ["question"] = r.Question,
            ["vote"] = r.Vote,
            ["voted_at"] = r.VotedAt,
        }).ToList();
    }
}
