using System.Text.RegularExpressions;
using Dapper;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.Moderation;

/// <summary>
/// A question members asked without getting a confident answer: <paramref name="Question"/> is the latest wording,
/// <paramref name="Count"/> how often it (in any letter case, spacing or trailing punctuation) was asked in the period.
/// </summary>
internal sealed record AnswerGapSummary(string Question, int Count, DateTimeOffset LastAskedAt);

/// <summary>
/// Keeps unanswered <c>/ask</c> questions for <c>/kb gaps</c> and the weekly digest. Stores the question text and the time
/// only, never who asked (issue #6), and forgets questions after <see cref="RetentionDays"/>.
/// </summary>
internal sealed partial class AnswerGapStore(IDatabase database) : AnswerGapRecorder
{
    /// <summary>Questions older than this many days are deleted when new ones are recorded.</summary>
    public const int RetentionDays = 90;

    /// <summary>Longest question kept, in characters; longer text is cut (a gap is a hint, not a transcript).</summary>
    public const int MaxQuestionLength = 300;

    public static readonly SchemaMigration Migration = new(201, "unanswered /ask questions", """
        CREATE TABLE answer_gaps (
            id         INTEGER PRIMARY KEY,
            question   TEXT NOT NULL,
            normalized TEXT NOT NULL,
            asked_at   TEXT NOT NULL
        );
        CREATE INDEX answer_gaps_by_time ON answer_gaps (asked_at);
        """);

    public override async Task RecordAsync(AnswerGap gap, CancellationToken cancellationToken)
    {
        var question = gap.Question.Trim();
        if (question.Length == 0)
        {
            return;
        }

        question = question.Length <= MaxQuestionLength ? question : question[..MaxQuestionLength];
        await database.WriteAsync(async write =>
        {
            await write.ExecuteAsync(
                "INSERT INTO answer_gaps (question, normalized, asked_at) VALUES (@question, @normalized, @at)",
                new { question, normalized = Normalize(question), at = SqliteProgressStore.Timestamp(gap.AskedAt) });
            await write.ExecuteAsync(
                "DELETE FROM answer_gaps WHERE asked_at < @forgetBefore",
                new { forgetBefore = SqliteProgressStore.Timestamp(gap.AskedAt.AddDays(-RetentionDays)) });
        }, cancellationToken);
    }

    /// <summary>The <paramref name="max"/> most frequent unanswered questions asked at or after <paramref name="since"/>, most frequent first.</summary>
    public async Task<IReadOnlyList<AnswerGapSummary>> TopAsync(DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Question, long Count, string LastAskedAt)>(new CommandDefinition("""
            SELECT (SELECT g2.question FROM answer_gaps g2 WHERE g2.normalized = g.normalized ORDER BY g2.asked_at DESC LIMIT 1),
                   count(*), max(asked_at)
            FROM answer_gaps g WHERE asked_at >= @since
            GROUP BY normalized ORDER BY count(*) DESC, max(asked_at) DESC LIMIT @max
            """, new { since = SqliteProgressStore.Timestamp(since), max }, cancellationToken: cancellationToken));
        return rows.Select(r => new AnswerGapSummary(r.Question, (int)r.Count, SqliteProgressStore.Parse(r.LastAskedAt))).ToList();
    }

    /// <summary>"How do I get into MLOps??" and "how do i get into mlops" count as one question.</summary>
    internal static string Normalize(string question) =>
        Spaces().Replace(question.ToLowerInvariant(), " ").Trim().TrimEnd('?', '!', '.', ' ');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
