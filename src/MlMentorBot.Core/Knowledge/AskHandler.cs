using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Knowledge;

/// <summary>An <c>/ask</c> question that had no confident answer. Holds the question and the time, never who asked.</summary>
internal sealed record AnswerGap(string Question, DateTimeOffset AskedAt);

/// <summary>Where unanswered questions go (the moderators' <c>/kb gaps</c>). The default discards them.</summary>
internal class AnswerGapRecorder
{
    public virtual Task RecordAsync(AnswerGap gap, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// <c>/ask question</c>: SQLite FTS5 bm25 search over every knowledge section and roadmap step. Answers with the best
/// passages, their entry and source; when nothing is relevant enough it says so plainly and points to the topic commands.
/// </summary>
internal sealed class AskHandler(IKnowledgeProvider knowledge, AnswerGapRecorder gaps, TimeProvider time) : ICommandHandler
{
    /// <summary>
    /// A best passage scoring above this bm25 value (scores are negative; nearer zero is weaker) is not a confident answer.
    /// Tuned on the question set in tests/MlMentorBot.Tests/Knowledge/ask-questions.tsv.
    /// </summary>
    public const double ConfidenceThreshold = -2.0;

    /// <summary>
    /// The passages that answer <paramref name="question"/> confidently, best first; empty when nothing does. The best score
    /// is weighed by <see cref="SearchQuery.Coverage"/>, so one known word in a question of unknown ones is not enough.
    /// </summary>
    public static IReadOnlyList<SearchHit> Answer(KnowledgeSnapshot snapshot, SearchQuery question)
    {
        var hits = snapshot.Search.Search(question, 5);
        return hits.Count == 0 || hits[0].Score * question.Coverage > ConfidenceThreshold ? [] : hits;
    }

    private const int MaxPassageLength = 700;

    public string CommandName => "ask";

    public async Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var question = request.Option("question") ?? "";
        var snapshot = knowledge.Current;
        var query = snapshot.Search.Interpret(question);
        var hits = Answer(snapshot, query);
        if (hits.Count == 0)
        {
            await gaps.RecordAsync(new AnswerGap(question, time.GetUtcNow()), cancellationToken);
            return EntryReplies.AimAt(new BotReply
            {
                Title = "I don't have a confident answer to that",
                Sections = [new ReplySection(null,
                    "I searched the knowledge files and found nothing that answers it well, so I won't guess.\n\n" +
                    "Try one of these, or rephrase with the topic's name:\n" +
                    "- `/roadmap` — the path, stage by stage\n- `/salary` — pay figures with sources\n" +
                    "- `/skills` — what to learn\n- `/resources` — where to learn it\n- `/help` — everything the bot does")],
                Tone = ReplyTone.Warning,
                Actions = [new SuggestedAction("Roadmap", "/roadmap"), new SuggestedAction("Skills", "/skills"), new SuggestedAction("Help", "/help")],
            }, request);
        }

        // Keep the passages that are close to the best one, at most three, at most one per entry section.
        var best = hits[0].Score;
        var shown = hits.Where(h => h.Score <= best * 0.5).DistinctBy(h => (h.Entry.Id, h.Heading)).Take(3).ToList();
        var entries = shown.Select(h => h.Entry).DistinctBy(e => e.Id).ToList();
        return EntryReplies.AimAt(new BotReply
        {
            Title = Truncate(question.TrimEnd('?', ' ') + "?", 200),
            Sections = Understood(query).Concat(shown.Select(h => new ReplySection(
                h.Heading is null ? h.Entry.Title : $"{h.Entry.Title} — {h.Heading}",
                Truncate(h.Markdown, MaxPassageLength) + (h.Step is null ? "" : $"\nRoadmap step: `{h.Step.Id}`")))).ToList(),
            Sources = EntryReplies.Cite(entries),
            EntryId = hits[0].Entry.Id,
            Actions = entries.Where(e => e.Kind is not (KnowledgeKinds.Role or KnowledgeKinds.Career))
                .Select(e => EntryReplies.CommandFor(e)).Distinct()
                .Select(command => new SuggestedAction($"More: {command}", command))
                .Concat(shown.Where(h => h.Step is not null).Take(1).Select(h => new SuggestedAction("Mark this step done", $"/progress mark {h.Step!.Id} done")))
                .Take(4).ToList(),
        }, request);
    }

    /// <summary>"Searched for salary (you typed salery)", so a member sees how a typo was read.</summary>
    /// <remarks>A plural read as its singular ("juniors" → junior) is not worth a remark.</remarks>
    private static IEnumerable<ReplySection> Understood(SearchQuery query)
    {
        var shown = query.Corrections.Where(c => c.Typed != c.Understood + "s" && c.Typed != c.Understood + "es").ToList();
        return shown.Count == 0
            ? []
            : [new ReplySection(null, "_Searched for " + string.Join(", ", shown.Select(c => $"**{c.Understood}** (you typed {c.Typed})")) + "._")];
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOfAny(['\n', '.', ' '], max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + " …";
    }
}
