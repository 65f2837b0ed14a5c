using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, Dictionary<string, KnowledgeEntry>> _namesByKind = new(StringComparer.Ordinal);

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
        StepRenames = RenamesOf(Stages, _steps);
        // Built on first use so validation-only runs (the CLI) pay nothing for it.
        _index = new Lazy<KnowledgeSearchIndex>(() => new KnowledgeSearchIndex(entries, synonyms), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every entry that passed validation, ordered by relative file path (ordinal).</summary>
    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    /// <summary>First 12 lowercase hex digits of a SHA-256 over the files' relative paths and contents: the same files give the same version.</summary>
    public string Version { get; }

    /// <summary>When the snapshot was built (UTC).</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Roadmap stages in their declared order.</summary>
    public IReadOnlyList<KnowledgeEntry> Stages { get; }

    /// <summary>Every roadmap step, stage by stage.</summary>
    public IReadOnlyList<RoadmapStep> Steps { get; }

    /// <summary>Every figure of every <c>kind: salary</c> entry, in <see cref="Entries"/> order.</summary>
    public IReadOnlyList<SalaryFigure> SalaryFigures { get; }

    /// <summary>Word members use → the word the files use (from <c>kind: synonyms</c> entries).</summary>
    public IReadOnlyDictionary<string, string> Synonyms { get; }

    /// <summary>The full-text index for <c>/ask</c>, built on first read (once, thread-safe) so validation-only loads never pay for it.</summary>
    public KnowledgeSearchIndex Search => _index.Value;

    /// <summary>
    /// The salary figures a member means by <paramref name="typed"/>: those whose level or label is the word, or the word
    /// a synonym of it stands for (case-insensitive; "entry level" reads as the synonym "entry-level"). Empty when none.
    /// </summary>
    public IReadOnlyList<SalaryFigure> SalaryFiguresFor(string typed)
    {
        var word = Synonyms.TryGetValue(typed.Trim(), out var canonical) || Synonyms.TryGetValue(Hyphenated(typed), out canonical)
            ? canonical
            : typed.Trim();
        return SalaryFigures.Where(f => f.Level.Equals(word, StringComparison.OrdinalIgnoreCase)
            || f.Label.Equals(word, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The entry with full id <paramref name="id"/> (case-insensitive); null when there is none.</summary>
    public KnowledgeEntry? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A step by its id, or by an old id it replaces (so members' saved commands keep working).</summary>
    public RoadmapStep? FindStep(string id) =>
        _steps.GetValueOrDefault(id.Trim()) ?? (StepRenames.TryGetValue(id.Trim(), out var renamed) ? _steps.GetValueOrDefault(renamed) : null);

    /// <summary>Entries whose <c>kind</c> is <paramref name="kind"/> (ordinal, e.g. <c>skill-area</c>), in <see cref="Entries"/> order.</summary>
    public IEnumerable<KnowledgeEntry> OfKind(string kind) => Entries.Where(e => e.Kind == kind);

    /// <summary>
    /// Finds an entry of <paramref name="kind"/> by what a member typed: key, full id, alias, title, an id it replaces, or a
    /// synonym of one of those (case-insensitive), with spaces read as the hyphens of a key ("online courses" →
    /// <c>online-courses</c>). Returns null when nothing matches; <see cref="Suggest"/> gives "did you mean".
    /// </summary>
    public KnowledgeEntry? Find(string kind, string typed)
    {
        var names = _namesByKind.GetOrAdd(kind, static (k, self) => self.NameIndex(k), this);
        return names.GetValueOrDefault(typed.Trim()) ?? names.GetValueOrDefault(Hyphenated(typed));
    }

    /// <summary>"online  courses" → "online-courses": keys are hyphenated, members type spaces (Slack, the chat).</summary>
    private static string Hyphenated(string typed) =>
        string.Join('-', typed.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// Every name of <paramref name="kind"/> → its entry, the first in <see cref="NamesOf"/> order winning, as a scan would.
    /// Built once per kind: scanning crossed every synonym with every name (~80 µs a lookup, twice per <c>/roadmap stage</c>).
    /// </summary>
    private Dictionary<string, KnowledgeEntry> NameIndex(string kind)
    {
        var index = new Dictionary<string, KnowledgeEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, entry) in NamesOf(kind))
        {
            index.TryAdd(name, entry);
        }

        return index;
    }

    /// <summary>
    /// "Did you mean": keys of up to three entries of <paramref name="kind"/> whose key, alias, title or synonym is close to
    /// <paramref name="typed"/>; when none is, the entries of that kind that a full-text search for it ranks highest.
    /// </summary>
    public IReadOnlyList<string> Suggest(string kind, string typed)
    {
        var names = NamesOf(kind).ToList();
        var close = CloseMatches.Find(typed, names.Select(n => n.Name), 10)
            .SelectMany(name => names.Where(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(n => n.Entry.Key))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(3)
            .ToList();
        return close.Count > 0
            ? close
            : Search.Search(typed, 10).Where(h => h.Entry.Kind == kind && h.Score <= AskHandler.ConfidenceThreshold)
                .Select(h => h.Entry.Key).Distinct().Take(3).ToList();
    }

    /// <summary>Every name that resolves to an entry of <paramref name="kind"/>, exact matches first.</summary>
    private IEnumerable<(string Name, KnowledgeEntry Entry)> NamesOf(string kind)
    {
        var entries = OfKind(kind).ToList();
        var direct = entries.SelectMany(e => new[] { e.Key, e.Id, e.Title }.Concat(e.Aliases)
                .Concat(e.Replaces).Concat(e.Replaces.Select(r => r[(r.LastIndexOf('.') + 1)..]))
                .Select(name => (Name: name, Entry: e)))
            .ToList();
        // A synonym whose canonical word names an entry names it too ("maths" → mathematics → skills.math-statistics).
        var viaSynonyms = Synonyms
            .SelectMany(kv => direct.Where(d => d.Name.Equals(kv.Value, StringComparison.OrdinalIgnoreCase)).Select(d => (Name: kv.Key, d.Entry)));
        return direct.Concat(viaSynonyms);
    }

    /// <summary>
    /// Old step id → new step id, from <c>replaces</c> on steps, and from <c>replaces</c> on a renamed stage (each of its steps
    /// takes over the same step under the old stage id, e.g. <c>roadmap.basics.math</c> → <c>roadmap.foundations.math</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> StepRenames { get; }

    /// <summary>The stage a step belongs to.</summary>
    public KnowledgeEntry StageOf(RoadmapStep step) => _byId[step.StageId];

    private static Dictionary<string, string> RenamesOf(IReadOnlyList<KnowledgeEntry> stages, Dictionary<string, RoadmapStep> steps)
    {
        var renames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in stages.SelectMany(s => s.Steps))
        {
            foreach (var old in step.Replaces)
            {
                renames.TryAdd(old, step.Id);
            }
        }

        foreach (var stage in stages)
        {
            foreach (var oldStage in stage.Replaces)
            {
                foreach (var step in stage.Steps)
                {
                    var old = oldStage + step.Id[stage.Id.Length..];
                    if (!steps.ContainsKey(old))
                    {
                        renames.TryAdd(old, step.Id);
                    }
                }
            }
        }

        return renames;
    }
}
