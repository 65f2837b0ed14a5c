namespace MlMentorBot.Core.Commands;

/// <summary>
/// The declarative list of every slash command. It is the single source for <c>/help</c>, <see cref="CommandTextParser"/>,
/// Discord's registration JSON and the Slack manifest, so a command added here shows up everywhere.
/// </summary>
public static partial class CommandCatalog
{
    /// <summary>Progress statuses a roadmap step can have.</summary>
    public static readonly IReadOnlyList<OptionChoice> StepStatuses =
    [
        new("done", "done"),
        new("learning", "learning"),
        new("skipped", "skipped"),
        new("todo", "todo"),
    ];

    /// <summary>The optional member an answer can be aimed at (posts publicly, mentions only that member).</summary>
    internal static readonly OptionDefinition AimAt =
        new("user", "Post the answer publicly for this member (mentions only them)", OptionType.User);

    /// <summary>Every command: the core ones, then each feature's (declared in that feature's partial file).</summary>
    /// <remarks>Built on first use: static fields in the other partial files may initialise after this file's.</remarks>
    public static IReadOnlyList<CommandDefinition> All => AllCommands.Value;

    private static readonly Lazy<IReadOnlyList<CommandDefinition>> AllCommands =
        new(() => [.. CoreCommands, .. StudyGroupCommands, .. ModerationCommands]);

    private static IReadOnlyList<CommandDefinition> CoreCommands =>
    [
        new("help", "What the bot can do, or how to use one command",
            [new OptionDefinition("command", "A command name, e.g. progress")], [])
        {
            Examples = ["/help", "/help progress"],
        },
        new("roadmap", "The ML engineer roadmap with your own progress on each step",
            [new OptionDefinition("stage", "One stage, e.g. foundations") { Autocomplete = AutocompleteSource.RoadmapStage }, AimAt], [])
        {
            Examples = ["/roadmap", "/roadmap foundations"],
        },
        new("salary", "Salary figures for ML engineers, with their sources",
            [new OptionDefinition("level", "entry, experienced, senior or average") { Autocomplete = AutocompleteSource.SalaryLevel }, AimAt], [])
        {
            Examples = ["/salary", "/salary entry", "/salary level:senior"],
        },
        new("skills", "The skills an ML engineer needs, by area",
            [new OptionDefinition("area", "A skill area, e.g. programming") { Autocomplete = AutocompleteSource.SkillArea }, AimAt], [])
        {
            Examples = ["/skills", "/skills frameworks"],
        },
        new("resources", "Where to learn: degrees, bootcamps, courses, communities",
            [new OptionDefinition("topic", "A topic, e.g. certifications") { Autocomplete = AutocompleteSource.ResourceTopic }, AimAt], [])
        {
            Examples = ["/resources", "/resources certifications"],
        },
        new("ask", "Ask a question in your own words",
            [new OptionDefinition("question", "Your question", OptionType.String, IsRequired: true) { TakesRest = true }, AimAt], [])
        {
            Examples = ["/ask how much does an entry level ML engineer earn?", "/ask which certifications help?"],
        },
        new("progress", "Track your own progress along the roadmap", [],
        [
            new SubcommandDefinition("show", "Your progress per stage and the next step", []),
            new SubcommandDefinition("mark", "Set a roadmap step's status",
            [
                new OptionDefinition("step", "Step id, e.g. roadmap.foundations.math", OptionType.String, IsRequired: true)
                    { Autocomplete = AutocompleteSource.RoadmapStep },
                new OptionDefinition("status", "done, learning, skipped or todo", OptionType.String, IsRequired: true)
                    { Choices = StepStatuses },
            ]),
            new SubcommandDefinition("export", "Everything the bot stores about you, as JSON", []),
            new SubcommandDefinition("delete", "Delete everything the bot stores about you",
                [new OptionDefinition("confirm", "Type yes to confirm", OptionType.String) { Choices = [new("yes", "yes")] }]),
        ])
        {
            Examples = ["/progress show", "/progress mark roadmap.foundations.math done", "/progress export", "/progress delete"],
        },
    ];

    /// <summary>Finds a command by name (case-insensitive, with or without the leading slash).</summary>
    public static CommandDefinition? Find(string name)
    {
        var trimmed = name.TrimStart('/');
        return All.Concat(ButtonCommands).FirstOrDefault(c => string.Equals(c.Name, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
