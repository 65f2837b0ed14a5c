using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Knowledge;

/// <summary>
/// <c>/salary [level]</c>: every figure with its source and year, then what moves pay; or one level's figure.
/// Figures are shown exactly as the source states them (https://… none: the seed articles are the sources).
/// </summary>
internal sealed class SalaryHandler(IKnowledgeProvider knowledge) : ICommandHandler
{
    /// <summary>The overview and each level's answer, built once per snapshot (keyed by level, never by typed text).</summary>
    private readonly KnowledgeReplyCache _replies = new();

    public string CommandName => "salary";

    public Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.Current;
        var figures = snapshot.SalaryFigures;
        var levels = figures.Select(f => f.Level).Distinct().ToList();
        IReadOnlyList<SalaryFigure> shown = figures;
        if (request.Option("level") is { } typed)
        {
            shown = snapshot.SalaryFiguresFor(typed);
            if (shown.Count == 0)
            {
                // Suggest through synonyms too: "junor" is close to "junior", which means the "entry" level.
                var names = levels.Concat(snapshot.Synonyms.Where(kv => levels.Contains(kv.Value, StringComparer.OrdinalIgnoreCase)).Select(kv => kv.Key));
                var near = CloseMatches.Find(typed, names, 10)
                    .Select(n => snapshot.Synonyms.TryGetValue(n, out var level) ? level : n)
                    .Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
                return Task.FromResult(EntryReplies.NotFound("salary level", typed, "/salary", near, levels));
            }
        }

        var key = shown.Count == figures.Count ? "" : string.Join("|", shown.Select(f => f.Level + "/" + f.Label));
        return Task.FromResult(EntryReplies.AimAt(_replies.GetOrAdd(snapshot, key, () => Build(snapshot, shown, levels)), request));
    }

    private static BotReply Build(KnowledgeSnapshot snapshot, IReadOnlyList<SalaryFigure> shown, List<string> levels)
    {
        var figures = snapshot.SalaryFigures;
        var factors = snapshot.OfKind(KnowledgeKinds.Salary).Where(e => e.Figures.Count == 0).ToList();
        var sections = new List<ReplySection>();
        if (shown.Count == figures.Count)
        {
            var figuresEntry = snapshot.OfKind(KnowledgeKinds.Salary).FirstOrDefault(e => e.Figures.Count > 0);
            if (figuresEntry is not null)
            {
                sections.Add(new ReplySection(null, figuresEntry.Summary));
            }
        }

        // The overview explains what moves pay in full, before the figures. One level's reply leads with its figure (every
        // renderer shows sections before fields), then the one-line version as a field after it.
        var overview = shown.Count == figures.Count;
        sections.AddRange(overview
            ? factors.SelectMany(f => f.Sections.Select(s => new ReplySection(s.Heading is null ? f.Title : $"{f.Title}: {s.Heading}", s.Markdown)))
            : []);
        return new BotReply
        {
            Title = shown.Count == 1 ? $"ML engineer salary: {shown[0].Label}" : "ML engineer salaries",
            Fields = shown.Select(f => new ReplyField(
                f.Label,
                $"**{f.Describe()}**{(f.Region is null ? "" : $" · {f.Region}")}{(f.Year is null ? "" : $" · as of {f.Year}")}\nSource: _{EntryReplies.ShortName(f.Source)}{(f.Source.Note is { } n && n.StartsWith("citing", StringComparison.Ordinal) ? ", " + n.Split(';')[0] : "")}_",
                IsInline: false))
                .Concat(overview ? [] : factors.Select(f => new ReplyField(f.Title, f.Summary, IsInline: false)))
                .ToList(),
            Sections = sections,
            Sources = shown.Select(f => f.Source.ToCitation()).Concat(EntryReplies.Cite(factors)).DistinctBy(c => (c.Title, c.Publisher)).ToList(),
            EntryId = snapshot.OfKind(KnowledgeKinds.Salary).FirstOrDefault(e => e.Figures.Count > 0)?.Id,
            Actions = levels.Where(l => shown.Count != 1 || l != shown[0].Level).Select(l => new SuggestedAction(l, $"/salary {l}"))
                .Take(5).ToList(),
            IsPrivate = true,
        };
    }
}
