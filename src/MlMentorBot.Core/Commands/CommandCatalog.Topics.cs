namespace MlMentorBot.Core.Commands;

public static partial class CommandCatalog
{
    /// <summary>
    /// The topic commands: each answers from the knowledge entries of one kind. A topic without
    /// <see cref="TopicDefinition.HasOwnHandler"/> needs nothing else in code: its handler (a list without an argument, the
    /// entry with one, "did you mean" otherwise), its option's autocomplete and the links other answers make to its entries
    /// all follow from this line. Recipe: docs/contributing.md.
    /// </summary>
    private static IReadOnlyList<TopicDefinition> BuiltInTopics =>
    [
        new("roadmap", "The ML engineer roadmap with your own progress on each step", "roadmap-stage", "stage", "One stage, e.g. foundations")
        {
            Autocomplete = AutocompleteSource.RoadmapStage,
            HasOwnHandler = true,
            Examples = ["/roadmap", "/roadmap foundations"],
        },
        new("salary", "Salary figures for ML engineers, with their sources", "salary", "level", "entry, experienced, senior or average")
        {
            Autocomplete = AutocompleteSource.SalaryLevel,
            HasOwnHandler = true,
            // The option picks a figure's level, not an entry: links to a salary entry open the whole overview.
            LinksByKey = false,
            Examples = ["/salary", "/salary entry", "/salary level:senior"],
        },
        new("skills", "The skills an ML engineer needs, by area", "skill-area", "area", "A skill area, e.g. programming")
        {
            Noun = "skill area",
            ListTitle = "Skills an ML engineer needs",
            ListIntro = "Pick an area to see what to learn and why:",
            Examples = ["/skills", "/skills frameworks"],
        },
        new("resources", "Where to learn: degrees, bootcamps, courses, communities", "resource-topic", "topic", "A topic, e.g. certifications")
        {
            Noun = "resource topic",
            ListTitle = "Where to learn",
            ListIntro = "Pick a topic for concrete places to learn:",
            Examples = ["/resources", "/resources certifications"],
        },
    ];
}

/// <summary>
/// A topic command declared once: <c>/{Name} [{Option}]</c> answers from the knowledge entries whose front matter says
/// <c>kind: {Kind}</c>. The catalog turns it into a <see cref="CommandDefinition"/> (with the optional <c>user</c> to aim the
/// answer at), <c>AddCommands</c> binds the generic topic handler to it, and replies link an entry of <see cref="Kind"/> to
/// <c>/{Name} {key}</c>. Names follow <see cref="CommandDefinition"/>'s rules; <paramref name="Kind"/> is lowercase words
/// joined by dashes and becomes a valid <c>kind</c> for knowledge files.
/// </summary>
/// <param name="Name">The command name without the slash, e.g. <c>skills</c>.</param>
/// <param name="Description">Shown by Discord, Slack and <c>/help</c> (1–100 characters).</param>
/// <param name="Kind">The knowledge kind it answers from, e.g. <c>skill-area</c>.</param>
/// <param name="Option">The optional option naming one entry, e.g. <c>area</c>.</param>
/// <param name="OptionDescription">That option's description (1–100 characters).</param>
public sealed record TopicDefinition(string Name, string Description, string Kind, string Option, string OptionDescription)
{
    /// <summary>What one entry is called in "I have no {Noun} called …"; default: the kind with spaces.</summary>
    public string Noun { get; init; } = Kind.Replace('-', ' ');

    /// <summary>Title of the list shown without an argument; default: the command name.</summary>
    public string ListTitle { get; init; } = "/" + Name;

    /// <summary>The line above that list.</summary>
    public string ListIntro { get; init; } = "Pick one:";

    /// <summary>Where the option's suggestions come from; default: the keys of this kind's entries.</summary>
    public AutocompleteSource Autocomplete { get; init; } = AutocompleteSource.EntriesOf(Kind);

    /// <summary>
    /// True when a dedicated handler answers (registered where its feature is set up), as <c>/roadmap</c> does to show each
    /// member's progress; false when the generic topic handler does.
    /// </summary>
    public bool HasOwnHandler { get; init; }

    /// <summary>True when a link to an entry of this kind is <c>/{Name} {key}</c>; false for just <c>/{Name}</c>.</summary>
    public bool LinksByKey { get; init; } = true;

    /// <summary>Examples for <c>/help</c>, typed as a member would.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>The slash command as every platform registers it.</summary>
    public CommandDefinition ToCommand() =>
        new(Name, Description, [new OptionDefinition(Option, OptionDescription) { Autocomplete = Autocomplete }, CommandCatalog.AimAt], [])
        {
            Examples = Examples.Count > 0 ? Examples : ["/" + Name],
        };

    /// <summary>The command that shows the entry with key <paramref name="key"/>.</summary>
    public string CommandFor(string key) => LinksByKey ? $"/{Name} {key}" : "/" + Name;
}
