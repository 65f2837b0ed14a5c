using MlMentorBot.Core.Knowledge;
using MlMentorBot.Tests.Hosting;
using Xunit.Abstractions;

namespace MlMentorBot.Tests.Knowledge;

/// <summary>
/// Runs every question of ask-questions.tsv (members' own words, each with the entry that should answer it) through /ask's
/// search on the real knowledge, and holds the ranking to at least 90 % top-1 accuracy; off-topic questions ("-") must get
/// no confident answer.
/// </summary>
public sealed class AskQuestionSetTests(ITestOutputHelper output)
{
    private static readonly Lazy<KnowledgeSnapshot> Snapshot = new(() =>
    {
        var result = KnowledgeLoader.Load(RepoPaths.Knowledge);
        return new KnowledgeSnapshot(result.Entries, result.Version, DateTimeOffset.UnixEpoch);
    });

    private static IReadOnlyList<(string Question, string Expected)> Questions() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "MlMentorBot.Tests", "Knowledge", "ask-questions.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => (parts[0], parts[1]))
            .ToList();

    [Fact]
    public void The_question_set_has_at_least_sixty_real_questions_naming_existing_entries()
    {
        var questions = Questions();

        var onTopic = questions.Where(q => q.Expected != "-").ToList();
        Assert.True(onTopic.Count >= 60, $"only {onTopic.Count} on-topic questions");
        Assert.Contains(questions, q => q.Expected == "-");
        Assert.All(onTopic, q => Assert.NotNull(Snapshot.Value.FindById(q.Expected)));
    }

    [Fact]
    public void At_least_ninety_percent_of_member_questions_get_the_right_entry_first()
    {
        var snapshot = Snapshot.Value;
        var onTopic = Questions().Where(q => q.Expected != "-").ToList();
        int top1 = 0, top3 = 0;

        foreach (var (question, expected) in onTopic)
        {
            var answer = AskHandler.Answer(snapshot, snapshot.Search.Interpret(question));
            var ranked = snapshot.Search.Search(question, 10).Select(h => h.Entry.Id).Distinct().Take(3).ToList();
            var first = answer.Count > 0 ? answer[0].Entry.Id : "(no confident answer)";
            top1 += first == expected ? 1 : 0;
            top3 += answer.Count > 0 && ranked.Contains(expected) ? 1 : 0;
            if (first != expected)
            {
                output.WriteLine($"MISS {question} → {first}; expected {expected}; top 3: {string.Join(", ", ranked)}");
            }
        }

        var top1Rate = (double)top1 / onTopic.Count;
        output.WriteLine($"top-1 {top1}/{onTopic.Count} = {top1Rate:P1}; top-3 {top3}/{onTopic.Count} = {(double)top3 / onTopic.Count:P1}");
        Assert.True(top1Rate >= 0.90, $"top-1 accuracy {top1Rate:P1} is below 90 %");
    }

    [Fact]
    public void Off_topic_questions_get_no_confident_answer()
    {
        var snapshot = Snapshot.Value;

        var answered = Questions().Where(q => q.Expected == "-")
            .Select(q => (q.Question, Answer: AskHandler.Answer(snapshot, snapshot.Search.Interpret(q.Question))))
            .Where(q => q.Answer.Count > 0)
            .Select(q => $"{q.Question} → {q.Answer[0].Entry.Id} ({q.Answer[0].Score:F2}, words: {string.Join(" ", snapshot.Search.Terms(q.Question))})")
            .ToList();

        answered.ForEach(output.WriteLine);
        Assert.Empty(answered);
    }
}
