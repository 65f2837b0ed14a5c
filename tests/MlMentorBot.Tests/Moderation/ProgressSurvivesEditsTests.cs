using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Progress;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Moderation;

[Collection(ModerationHost.Collection)]
public abstract class ProgressSurvivesEditsTests(TestStorage storage) : IDisposable
{
    public void Dispose() => storage.Dispose();

    [SkippableFact]
    public async Task A_step_renamed_with_replaces_keeps_a_members_progress()
    {
        using var host = new ModerationHost(storage.With(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" }));
        await host.TypeAsync("/progress mark roadmap.foundations.math done");

        host.Edit("roadmap/02-foundations.md", text => text.Replace(
            "  - id: roadmap.foundations.math\n",
            "  - id: roadmap.foundations.mathematics\n    replaces: [roadmap.foundations.math]\n"));
        var reply = await host.ModeratorAsync("/kb reload");

        Assert.Contains("Moved 1 progress row(s) to renamed steps.", reply);
        var progress = await host.Get<IProgressStore>().GetAsync(ModerationHost.Member, CancellationToken.None);
        Assert.Equal(StepStatus.Done, progress["roadmap.foundations.mathematics"].Status);
        Assert.False(progress.ContainsKey("roadmap.foundations.math"));
        Assert.Contains("✅ Linear algebra, calculus and probability", Core.Replies.PlainTextRenderer.Render(await host.TypeAsync("/roadmap foundations")));
    }

    [SkippableFact]
    public async Task A_renamed_stage_with_replaces_moves_the_progress_of_its_steps()
    {
        using var host = new ModerationHost(storage.With(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" }));
        await host.TypeAsync("/progress mark roadmap.foundations.python learning");

        // Rename the stage everywhere (its file and every link to it), then declare the old id.
        foreach (var file in Directory.EnumerateFiles(host.File(""), "*.md", SearchOption.AllDirectories))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("roadmap.foundations", "roadmap.basics"));
        }

        host.Edit("roadmap/02-foundations.md", text => text.Replace("id: roadmap.basics\n", "id: roadmap.basics\nreplaces: [roadmap.foundations]\n"));
        var reply = await host.ModeratorAsync("/kb reload");

        Assert.Contains("Knowledge reloaded", reply);
        var progress = await host.Get<IProgressStore>().GetAsync(ModerationHost.Member, CancellationToken.None);
        Assert.Equal(StepStatus.Learning, progress["roadmap.basics.python"].Status);
    }

    [SkippableFact]
    public async Task A_removed_step_with_progress_is_warned_about_and_its_rows_are_kept()
    {
        using var host = new ModerationHost(storage.With(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" }));
        await host.TypeAsync("/progress mark roadmap.foundations.sql done");

        host.Edit("roadmap/02-foundations.md", text => text.Replace("""
              - id: roadmap.foundations.sql
                title: SQL
                detail: Learn SQL to manage databases, query data and assemble datasets for analysis.
                resources: [resources.online-courses]

            """.Replace("\r", ""), ""));
        var reply = await host.ModeratorAsync("/kb reload");

        Assert.Contains("roadmap/02-foundations.md:23: warning: step 'roadmap.foundations.sql' no longer exists, but 1 member(s) have progress on it", reply);
        Assert.Contains("step 'roadmap.foundations.sql' no longer exists", await host.ModeratorAsync("/kb status"));
        var counts = await host.Get<IProgressStore>().CountByStepAsync(CancellationToken.None);
        Assert.Equal(1, counts["roadmap.foundations.sql"]);
    }

    [SkippableFact]
    public async Task Status_keeps_a_removed_steps_warning_while_a_later_load_is_still_being_audited()
    {
        using var host = new ModerationHost(storage.With(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" }));
        await host.TypeAsync("/progress mark roadmap.foundations.sql done");
        host.Edit("roadmap/02-foundations.md", text => text.Replace("  - id: roadmap.foundations.sql\n", "  - id: roadmap.foundations.structured-query-language\n"));
        Assert.Contains("no longer exists", await host.ModeratorAsync("/kb reload"));

        // What the watcher's poll does when it sees the edited folder just after /kb reload: load again, without waiting for
        // the progress audit. /kb status had shown that newer load without the warning until its audit finished (a flaky
        // CI failure of the test above on PostgreSQL).
        host.Knowledge.Reload("poll");

        Assert.Contains("step 'roadmap.foundations.sql' no longer exists", await host.ModeratorAsync("/kb status"));
    }

    [SkippableFact]
    public void An_old_step_id_typed_by_a_member_finds_the_step_that_replaced_it()
    {
        var stage = Entry("roadmap.foundations") with
        {
            Kind = KnowledgeKinds.RoadmapStage,
            Order = 1,
            Steps = [new RoadmapStep("roadmap.foundations.mathematics", "roadmap.foundations", "Maths", "Do maths.", [], ["roadmap.foundations.math"], "f.md", 3)],
        };

        var snapshot = new KnowledgeSnapshot([stage], "v", DateTimeOffset.UnixEpoch);

        Assert.Equal("roadmap.foundations.mathematics", snapshot.FindStep("roadmap.foundations.math")?.Id);
        Assert.Equal("roadmap.foundations.mathematics", snapshot.StepRenames["roadmap.foundations.math"]);
    }

    [SkippableFact]
    public void Replacing_an_id_that_still_exists_is_an_error()
    {
        var result = LoadWith("roadmap/02-foundations.md", text => text.Replace(
            "  - id: roadmap.foundations.statistics\n", "  - id: roadmap.foundations.statistics\n    replaces: [roadmap.foundations.math]\n"));

        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Error
            && p.Message == "'roadmap.foundations.statistics' replaces 'roadmap.foundations.math', but 'roadmap.foundations.math' still exists; remove it or drop it from replaces");
    }

    private static KnowledgeLoadResult LoadWith(string file, Func<string, string> change)
    {
        using var temp = new Hosting.TempDir();
        Hosting.RepoPaths.CopyKnowledgeTo(temp.Path);
        var path = Path.Combine(temp.Path, file);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        return KnowledgeLoader.Load(temp.Path);
    }

    private static KnowledgeEntry Entry(string id) =>
        new(id, id, KnowledgeKinds.SkillArea, "Summary.", [], [], [], [], [new KnowledgeSource("s", "T", "P", null, null)], [], "f.md", 1);
}

public sealed class ProgressSurvivesEditsOnSqliteTests() : ProgressSurvivesEditsTests(TestStorage.Sqlite());

[Collection(ModerationHost.Collection)]
public sealed class ProgressSurvivesEditsOnPostgresTests(PostgresCluster cluster) : ProgressSurvivesEditsTests(TestStorage.Postgres(cluster)), IClassFixture<PostgresCluster>;
