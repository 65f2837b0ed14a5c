using MlMentorBot.Core.Commands;

namespace MlMentorBot.Core.Knowledge;

/// <summary>
/// One validated, immutable set of knowledge: the entries, lookups by id, key and alias, the ordered roadmap, and a full-text
/// index. A reload builds a new snapshot and swaps it in whole, so a request holding this one never sees a half-loaded set.
/// </summary>
public sealed class KnowledgeSnapshot
{
    private readonly Dictionary<string, KnowledgeEntry> _byId;
    private readonly Dictionary<string, RoadmapStep> _steps;
    private readonly Lazy<KnowledgeSearchIndex> _index;

    /// <param name="entries">Entries that passed validation.</param>
    /// <param name="version">Short content hash of the files (hex).</param>
    /// <param name="loadedAt">When the snapshot was built (UTC).</param>
    public KnowledgeSnapshot(IReadOnlyList<KnowledgeEntry> entries, string version, DateTimeOffset loadedAt)
    {
        Entries = entries;
        Version = version;
        LoadedAt = loadedAt;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        Stages = entries.Where(e => e.Kind == KnowledgeKinds.RoadmapStage).OrderBy(e => e.Order).ToList();
        Steps = Stages.SelectMany(s => s.Steps).ToList();
        _steps = Steps.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        SalaryFigures = entries.Where(e => e.Kind == KnowledgeKinds.Salary).SelectMany(e => e.Figures).ToList();
        var synonyms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (canonical, variants) in entries.Where(e => e.Kind == KnowledgeKinds.Synonyms).SelectMany(e => e.Synonyms))
        {
            foreach (var variant in variants)
            {
                synonyms.TryAdd(variant, canonical);
            }
        }

        Synonyms = synonyms;
        // Built on first use so validation-only runs (the CLI) pay nothing for it.
        _index = new Lazy<KnowledgeSearchIndex>(() => new KnowledgeSearchIndex(entries, synonyms), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    public string Version { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Roadmap stages in their declared order.</summary>
    public IReadOnlyList<KnowledgeEntry> Stages { get; }

    /// <summary>Every roadmap step, stage by stage.</summary>
    public IReadOnlyList<RoadmapStep> Steps { get; }

    public IReadOnlyList<SalaryFigure> SalaryFigures { get; }

    /// <summary>Word members use → the word the files use (from <c>kind: synonyms</c> entries).</summary>
    public IReadOnlyDictionary<string, string> Synonyms { get; }

    public KnowledgeSearchIndex Search => _index.Value;

    public KnowledgeEntry? FindById(string id) => _byId.GetValueOrDefault(id);

    public RoadmapStep? FindStep(string id) => _steps.GetValueOrDefault(id.Trim());

    public IEnumerable<KnowledgeEntry> OfKind(string kind) => Entries.Where(e => e.Kind == kind);

    /// <summary>
    /// Finds an entry of <paramref name="kind"/> by what a member typed: key, full id, alias, title, or a synonym of one of
    /// those (case-insensitive). Returns null when nothing matches; use <see cref="Suggest"/> for "did you mean".
    /// </summary>
    public KnowledgeEntry? Find(string kind, string typed)
    {
        var word = typed.Trim();
        var candidates = OfKind(kind).ToList();
        bool Matches(KnowledgeEntry e, string w) =>
            e.Key.Equals(w, StringComparison.OrdinalIgnoreCase)
            || e.Id.Equals(w, StringComparison.OrdinalIgnoreCase)
            || e.Title.Equals(w, StringComparison.OrdinalIgnoreCase)
            || e.Aliases.Any(a => a.Equals(w, StringComparison.OrdinalIgnoreCase));
        return candidates.FirstOrDefault(e => Matches(e, word))
            ?? (Synonyms.TryGetValue(word, out var canonical) ? candidates.FirstOrDefault(e => Matches(e, canonical)) : null);
    }

    /// <summary>Close matches among the keys and aliases of <paramref name="kind"/>, for "did you mean".</summary>
    /// <remarks>An alias that matches suggests its entry's key, so one entry is never suggested twice.</remarks>
    public IReadOnlyList<string> Suggest(string kind, string typed)
    {
        var owners = OfKind(kind).SelectMany(e => e.Aliases.Prepend(e.Key).Select(name => (name, e.Key)))
            .GroupBy(x => x.name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.OrdinalIgnoreCase);
        return CloseMatches.Find(typed, owners.Keys, max: 10).Select(name => owners[name]).Distinct().Take(3).ToList();
    }

    /// <summary>The stage a step belongs to.</summary>
    public KnowledgeEntry StageOf(RoadmapStep step) => _byId[step.StageId];
}
