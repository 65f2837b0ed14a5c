using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Knowledge;

/// <summary>
/// Entry kinds a knowledge file may declare (front matter <c>kind</c>): the ones Core reads itself, plus the kind of every
/// topic command in <see cref="CommandCatalog.Topics"/>, so a new topic's kind needs no constant here.
/// </summary>
internal static class KnowledgeKinds
{
    public const string Role = "role";
    public const string RoadmapStage = "roadmap-stage";
    public const string Salary = "salary";
    public const string SkillArea = "skill-area";
    public const string ResourceTopic = "resource-topic";
    public const string Career = "career";
    public const string Synonyms = "synonyms";

    private static readonly string[] CoreKinds = [Role, RoadmapStage, Salary, Career, Synonyms];

    /// <summary>Every valid kind, Core's first, then the topics' in catalog order.</summary>
    public static IReadOnlyList<string> All => CoreKinds.Concat(CommandCatalog.Topics.Select(t => t.Kind)).Distinct(StringComparer.Ordinal).ToList();

    public static bool IsKnown(string kind) => CoreKinds.Contains(kind, StringComparer.Ordinal) || CommandCatalog.TopicFor(kind) is not null;
}

/// <summary>
/// One knowledge file: front matter plus Markdown body (format: <c>knowledge/README.md</c>). Immutable.
/// <paramref name="FilePath"/> is relative to the knowledge folder with forward slashes; <paramref name="Line"/> is 1-based.
/// </summary>
public sealed record KnowledgeEntry(
    string Id,
    string Title,
    string Kind,
    string Summary,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Replaces,
    IReadOnlyList<KnowledgeSource> Sources,
    IReadOnlyList<KnowledgeSection> Sections,
    string FilePath,
    int Line)
{
    /// <summary>Order of a roadmap stage (1-based); null for other kinds.</summary>
    public int? Order { get; init; }

    /// <summary>The 1-based line of the front matter's <c>related</c> list (the entry's <see cref="Line"/> when it has none): where a broken link is reported.</summary>
    public int RelatedLine { get; init; }

    /// <summary>Checklist steps of a roadmap stage, in file order.</summary>
    public IReadOnlyList<RoadmapStep> Steps { get; init; } = [];

    /// <summary>Salary figures of a salary entry, in file order.</summary>
    public IReadOnlyList<SalaryFigure> Figures { get; init; } = [];

    /// <summary>Canonical word → words members use instead (kind <c>synonyms</c> only).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Questions members asked in their own words that this entry answers (front matter <c>questions</c>, in file order).
    /// <c>/ask</c> learns members' words from them (a word used in any entry's questions is the members' own talk about the
    /// field, not another topic) and answers a question asked exactly as listed from this entry.
    /// </summary>
    public IReadOnlyList<ExampleQuestion> Questions { get; init; } = [];

    /// <summary>
    /// Topics members ask about that the sources behind this entry do not cover (front matter <c>not_covered</c>: words or
    /// phrases, as members type them). A question naming one is not answered by a passage of this entry that does not name it
    /// too; on the synonyms entry the list holds for every entry ("llm": the seed articles predate them). <c>/ask</c> then
    /// says honestly that the knowledge does not cover it, naming the topic, and records the question as a gap (issue #14).
    /// </summary>
    public IReadOnlyList<string> NotCovered { get; init; } = [];

    /// <summary>The 1-based line of the front matter's <c>not_covered</c> list (the entry's <see cref="Line"/> when it has none): where a conflict is reported.</summary>
    public int NotCoveredLine { get; init; }

    /// <summary>Every slash command the body mentions as inline code (<c>`/skills traits`</c>), checked against the catalog on load.</summary>
    public IReadOnlyList<CommandMention> CommandMentions { get; init; } = [];

    /// <summary>Short hash (hex) of the entry's file text; the audit log compares it to tell changed entries.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>The word members type for it: the last segment of the id (<c>skills.frameworks</c> → <c>frameworks</c>).</summary>
    public string Key => Id[(Id.LastIndexOf('.') + 1)..];

    /// <summary>This entry's sources as reply citations.</summary>
    public IReadOnlyList<SourceCitation> Citations => Sources.Select(s => s.ToCitation()).ToList();
}

/// <summary>A source article: <paramref name="Id"/> is the entry-local key figures refer to; <paramref name="Year"/> only when the article gives one.</summary>
public sealed record KnowledgeSource(string Id, string Title, string Publisher, int? Year, string? Note)
{
    /// <summary>This source as a reply's citation line.</summary>
    public SourceCitation ToCitation() => new(Title, Publisher, Year, Note);
}

/// <summary>A question listed in an entry's front matter <c>questions</c>, and its 1-based line in that file.</summary>
public sealed record ExampleQuestion(string Text, int Line);

/// <summary>A command written in a knowledge file, e.g. <c>/salary entry</c>, and its 1-based line in that file.</summary>
public sealed record CommandMention(string Text, int Line);

/// <summary>A <c>## </c> section of an entry's body (the text before the first heading has a null heading). <paramref name="Line"/> is 1-based.</summary>
public sealed record KnowledgeSection(string EntryId, string? Heading, string Markdown, int Line);

/// <summary>
/// A checklist step of a roadmap stage. Progress is stored per <paramref name="Id"/>, which starts with the stage id.
/// <paramref name="Resources"/> are ids of entries that help with it.
/// </summary>
public sealed record RoadmapStep(
    string Id,
    string StageId,
    string Title,
    string Detail,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> Replaces,
    string FilePath,
    int Line);

/// <summary>
/// One salary figure as the source gives it. A band has <paramref name="Min"/> and <paramref name="Max"/>, an average has
/// <paramref name="Amount"/>, a floor ("or more") has <paramref name="Min"/> only. Amounts are whole currency units per
/// <paramref name="Period"/> (normally <c>year</c>). <paramref name="Year"/> is the year the source states for the figure.
/// </summary>
public sealed record SalaryFigure(
    string Level,
    string Label,
    decimal? Min,
    decimal? Max,
    decimal? Amount,
    string Currency,
    string Period,
    string? Region,
    int? Year,
    KnowledgeSource Source)
{
    /// <summary>"$70,000–$90,000 per year", "$118,000 per year (average)", "$160,000 or more per year".</summary>
    public string Describe()
    {
        string Money(decimal v) => Currency == "USD"
            ? "$" + v.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)
            : v.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency;
        var figure = (Min, Max, Amount) switch
        {
            (_, _, { } a) => Money(a),
            ({ } lo, { } hi, _) => $"{Money(lo)}–{Money(hi)}",
            ({ } lo, null, _) => $"{Money(lo)} or more",
            _ => "not stated",
        };
        return $"{figure} per {Period}";
    }
}
