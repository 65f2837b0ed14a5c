using MlMentorBot.Core.Knowledge;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Knowledge;

/// <summary>
/// /ask's "is this covered?" decision on the real knowledge: a lead passage must speak about the question's rarest words, not
/// only share its common ones (<see cref="AnswerRanking.CoverageFloor"/>).
/// </summary>
public sealed class AskCoverageTests
{
    private static KnowledgeSnapshot Snapshot => RepoPaths.KnowledgeSnapshot;

    [Theory]
    [InlineData("whats a realistic timeline to get hireable as an mle studying 10h/week")]
    [InlineData("what's a realistic timeline from beginner to hireable mle if i study 10h/week")]
    public void A_question_whose_rare_words_no_entry_speaks_about_gets_the_honest_reply(string question)
    {
        var answer = AskHandler.Compose(Snapshot, question);

        Assert.Null(answer.Lead);
    }

    [Theory]
    [InlineData("what does mle mean lol i keep seeing it in this server", "role.overview")]
    [InlineData("how do i become an ml engineer", "roadmap.role")]
    [InlineData("junior ml eng salary, roughly?", "salary.figures")]
    public void A_question_the_lead_entry_speaks_about_keeps_its_answer(string question, string entry)
    {
        var answer = AskHandler.Compose(Snapshot, question);

        Assert.Equal(entry, answer.Lead?.Entry.Id);
    }

    [Fact]
    public void Coverage_counts_the_words_the_entry_never_uses()
    {
        var snapshot = Snapshot;
        var figures = snapshot.FindById("salary.figures")!;

        var shared = AnswerRanking.Covered(snapshot, snapshot.Search.Interpret("ml engineer salary in the us"), figures);
        // The ranking leads with the education stage for it, which speaks of studying but not of the timeline or the hours.
        var missing = AnswerRanking.Covered(snapshot,
            snapshot.Search.Interpret("what's a realistic timeline from beginner to hireable mle if i study 10h/week"),
            snapshot.FindById("roadmap.education")!);

        Assert.True(shared > 0.5, $"covered {shared}");
        Assert.True(missing < AnswerRanking.CoverageFloor, $"covered {missing}");
    }
}
