using Dapper;
using Microsoft.Data.Sqlite;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Tests.Moderation;

[Collection(ModerationHost.Collection)]
public sealed class AnswerGapsAndStatsTests
{
    [Fact]
    public async Task Unanswered_questions_are_recorded_with_text_and_time_but_never_the_asker()
    {
        using var host = new ModerationHost();

        await host.TypeAsync("/ask how do I get a visa to work in Canada?");
        await host.TypeAsync("/ask How do I get a visa to work in Canada", new("slack", "T1", "U0BOB"));
        await host.TypeAsync("/ask how much do entry level ml engineers earn");

        using var connection = new SqliteConnection($"Data Source={host.Get<SqliteDatabase>().FilePath}");
        var columns = connection.Query<string>("SELECT name FROM pragma_table_info('answer_gaps')").ToList();
        Assert.Equal(["id", "question", "normalized", "asked_at"], columns);
        var rows = connection.Query<string>("SELECT question || ' ' || normalized || ' ' || asked_at FROM answer_gaps").ToList();
        Assert.Equal(2, rows.Count);
        Assert.DoesNotContain(rows, r => r.Contains("alice", StringComparison.OrdinalIgnoreCase) || r.Contains("U0BOB", StringComparison.Ordinal));

        var gaps = await host.ModeratorAsync("/kb gaps");
        Assert.Contains("2× “How do I get a visa to work in Canada”", gaps);
        Assert.DoesNotContain("entry level", gaps);
    }

    [Fact]
    public async Task Stats_count_commands_and_entries_per_week_without_user_ids()
    {
        using var host = new ModerationHost();

        await host.TypeAsync("/skills frameworks");
        await host.TypeAsync("/skills tensorflow", new("discord", "G1", "80351110224678912"));
        await host.TypeAsync("/ask which certs are worth it");
        var stats = await host.ModeratorAsync("/kb stats");

        Assert.Contains("Commands: /skills 2, /ask 1", stats);
        Assert.Contains("skills.frameworks 2", stats);
        Assert.Contains("resources.certifications 1", stats);
        using var connection = new SqliteConnection($"Data Source={host.Get<SqliteDatabase>().FilePath}");
        Assert.Equal(["week_start", "kind", "name", "count"], connection.Query<string>("SELECT name FROM pragma_table_info('usage_counts')").ToList());
        Assert.DoesNotContain(connection.Query<string>("SELECT name FROM usage_counts"), n => n.Contains("alice") || n.Contains("80351110224678912"));
    }
}
