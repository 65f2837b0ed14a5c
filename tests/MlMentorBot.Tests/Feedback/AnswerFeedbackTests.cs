using System.Text.Json;
using Dapper;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Core.Storage;
using MlMentorBot.Tests.Moderation;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Feedback;

/// <summary>
/// Issue #14: every /ask answer carries "Helpful" / "Not helpful"; one vote per member per answer, changeable; the buttons give
/// way to a thanks; votes are the member's data (export, delete) while "not helpful" questions reach the moderators without ids.
/// </summary>
[Collection(ModerationHost.Collection)]
public abstract class AnswerFeedbackTests(TestStorage storage) : IDisposable
{
    public void Dispose() => storage.Dispose();

    private const string Question = "how much do juniors earn";

    [SkippableFact]
    public async Task Every_answer_carries_helpful_and_not_helpful_buttons_that_parse()
    {
        using var host = new ModerationHost(storage.With([]));

        var reply = await host.TypeAsync("/ask " + Question);

        var helpful = Assert.Single(reply.Actions, a => a.Label == "Helpful");
        var notHelpful = Assert.Single(reply.Actions, a => a.Label == "Not helpful");
        Assert.Equal("/feedback helpful salary.figures " + Question, helpful.CommandLine);
        Assert.Equal("/feedback not-helpful salary.figures " + Question, notHelpful.CommandLine);
        Assert.True(CommandTextParser.Parse(helpful.CommandLine, ModerationHost.Member).IsSuccess);
        Assert.Contains("Helpful: /feedback helpful", PlainTextRenderer.Render(reply)); // the chat's /feedback line
    }

    [SkippableFact]
    public async Task A_vote_gives_way_to_a_thanks_and_can_be_changed_but_counts_once()
    {
        using var host = new ModerationHost(storage.With([]));
        var answer = await host.TypeAsync("/ask " + Question);

        var first = await host.TypeAsync(answer.Actions.Single(a => a.Label == "Helpful").CommandLine);
        var changed = await host.TypeAsync(first.Actions.Single(a => a.Label == "Change to not helpful").CommandLine);

        Assert.True(first.IsPrivate);
        Assert.Equal(answer.Sections[0], first.Sections[0]); // the same answer stays in view
        Assert.Contains(first.Sections, s => s.Markdown.Contains("Thanks for your feedback", StringComparison.Ordinal));
        Assert.DoesNotContain(first.Actions, a => a.Label is "Helpful" or "Not helpful");
        Assert.Contains(changed.Actions, a => a.Label == "Change to helpful");
        await using var connection = await host.Get<IDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal("not-helpful", Assert.Single(connection.Query<string>("SELECT vote FROM answer_votes")));
        var stats = await host.ModeratorAsync("/kb stats");
        Assert.Contains("salary.figures: 0 helpful, 1 not helpful", stats);
    }

    [SkippableFact]
    public async Task Not_helpful_questions_join_the_gaps_without_who_asked()
    {
        using var host = new ModerationHost(storage.With([]));

        await host.TypeAsync("/feedback not-helpful salary.figures " + Question);
        // Another member of the same community: gaps are counted per community (issue #12).
        await host.TypeAsync("/feedback not-helpful salary.figures " + Question, new MemberKey("local", "", "bob"));

        var gaps = await host.ModeratorAsync("/kb gaps");
        Assert.Contains("2× “how much do juniors earn”", gaps);
        Assert.Contains("answered from salary.figures", gaps);
        Assert.Equal(["id", "question", "normalized", "asked_at", "community"], await TestStorage.ColumnsAsync(host.Get<IDatabase>(), "answer_gaps"));
    }

    [SkippableFact]
    public async Task Votes_are_in_the_export_and_go_with_delete_while_the_gap_stays()
    {
        using var host = new ModerationHost(storage.With([]));
        await host.TypeAsync("/feedback not-helpful salary.figures " + Question);

        var export = PlainTextRenderer.Render(await host.TypeAsync("/progress export"));
        await host.TypeAsync("/progress delete confirm:yes");

        var json = JsonDocument.Parse(export[export.IndexOf('{')..(export.LastIndexOf('}') + 1)]);
        var vote = Assert.Single(json.RootElement.GetProperty("other").GetProperty("answer_feedback").EnumerateArray());
        Assert.Equal("not-helpful", vote.GetProperty("vote").GetString());
        Assert.Equal(Question, vote.GetProperty("question").GetString());
        await using var connection = await host.Get<IDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM answer_votes"));
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM answer_gaps"));
    }

    [SkippableFact]
    public async Task Feedback_is_neither_registered_nor_in_help()
    {
        using var host = new ModerationHost(storage.With([]));

        var help = PlainTextRenderer.Render(await host.TypeAsync("/help", ModerationHost.Moderator, isModerator: true));

        Assert.DoesNotContain(CommandCatalog.All, c => c.Name == "feedback");
        Assert.NotNull(CommandCatalog.Find("feedback"));
        Assert.DoesNotContain("/feedback", help);
    }

    [SkippableTheory]
    [InlineData("salary of a nurse")]
    [InlineData("roadmap for guitar")]
    [InlineData("where should we eat tonight")]
    public async Task Off_topic_near_misses_get_the_honest_reply_and_become_gaps(string question)
    {
        using var host = new ModerationHost(storage.With([]));

        var reply = await host.TypeAsync("/ask " + question);

        Assert.Equal("That's not in my knowledge", reply.Title);
        Assert.Contains(reply.Sections, s => s.Heading == "What I can answer" && s.Markdown.Contains("/salary", StringComparison.Ordinal));
        Assert.Contains(reply.Sections, s => s.Heading == "Ask people instead" && s.Markdown.Contains("community", StringComparison.Ordinal));
        Assert.Contains(question, await host.ModeratorAsync("/kb gaps"));
    }
}

public sealed class AnswerFeedbackOnSqliteTests() : AnswerFeedbackTests(TestStorage.Sqlite());

[Collection(ModerationHost.Collection)]
public sealed class AnswerFeedbackOnPostgresTests(PostgresCluster cluster) : AnswerFeedbackTests(TestStorage.Postgres(cluster)), IClassFixture<PostgresCluster>;
