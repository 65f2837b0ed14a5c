using Dapper;
using MlMentorBot.Core.Storage;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Moderation;

[Collection(ModerationHost.Collection)]
public abstract class AnswerGapsAndStatsTests(TestStorage storage) : IDisposable
{
    public void Dispose() => storage.Dispose();

    [SkippableFact]
    public async Task Unanswered_questions_are_recorded_with_text_and_time_but_never_the_asker()
    {
        using var host = new ModerationHost(storage.With([]));

        await host.TypeAsync("/ask how do I get a visa to work in Canada?");
        await host.TypeAsync("/ask How do I get a visa to work in Canada", new("local", "", "U0BOB")); // same community (issue #12)
        await host.TypeAsync("/ask how much do entry level ml engineers earn");

        await using var connection = await host.Get<IDatabase>().OpenAsync(CancellationToken.None);
        var columns = await TestStorage.ColumnsAsync(host.Get<IDatabase>(), "answer_gaps");
        Assert.Equal(["id", "question", "normalized", "asked_at", "community"], columns);
        var rows = connection.Query<string>("SELECT question || ' ' || normalized || ' ' || asked_at || ' ' || community FROM answer_gaps").ToList();
        Assert.Equal(2, rows.Count);
        Assert.DoesNotContain(rows, r => r.Contains("alice", StringComparison.OrdinalIgnoreCase) || r.Contains("U0BOB", StringComparison.Ordinal));

        var gaps = await host.ModeratorAsync("/kb gaps");
        Assert.Contains("2× “How do I get a visa to work in Canada”", gaps);
        Assert.DoesNotContain("entry level", gaps);
    }

    [SkippableFact]
    public async Task Stats_count_commands_and_entries_per_week_without_user_ids()
    {
        using var host = new ModerationHost(storage.With([]));

        await host.TypeAsync("/skills frameworks");
        await host.TypeAsync("/skills tensorflow", new("local", "", "80351110224678912")); // same community (issue #12)
        await host.TypeAsync("/ask which certs are worth it");
        var stats = await host.ModeratorAsync("/kb stats");

        Assert.Contains("Commands: /skills 2, /ask 1", stats);
        Assert.Contains("skills.frameworks 2", stats);
        Assert.Contains("resources.certifications 1", stats);
        await using var connection = await host.Get<IDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(["community", "week_start", "kind", "name", "count"], await TestStorage.ColumnsAsync(host.Get<IDatabase>(), "community_usage_counts"));
        Assert.DoesNotContain(connection.Query<string>("SELECT community || ' ' || name FROM community_usage_counts"), n => n.Contains("alice") || n.Contains("80351110224678912"));
    }
}

public sealed class AnswerGapsAndStatsOnSqliteTests() : AnswerGapsAndStatsTests(TestStorage.Sqlite());

[Collection(ModerationHost.Collection)]
public sealed class AnswerGapsAndStatsOnPostgresTests(PostgresCluster cluster) : AnswerGapsAndStatsTests(TestStorage.Postgres(cluster)), IClassFixture<PostgresCluster>;
