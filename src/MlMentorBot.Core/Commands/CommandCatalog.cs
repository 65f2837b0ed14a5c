using System.Collections.Frozen;

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
    public static IReadOnlyList<CommandDefinition> All => Added.Value?.Commands ?? AllCommands.Value;

    /// <summary>The topic commands (<c>/roadmap</c>, <c>/salary</c>, <c>/skills</c>, <c>/resources</c>), declared in <c>CommandCatalog.Topics.cs</c>.</summary>
    public static IReadOnlyList<TopicDefinition> Topics => Added.Value?.Topics ?? TopicList.Value;

    /// <summary>The topic command that answers from entries of <paramref name="kind"/>, or null when none does.</summary>
    public static TopicDefinition? TopicFor(string kind) => Topics.FirstOrDefault(t => t.Kind == kind);

    private static readonly Lazy<IReadOnlyList<TopicDefinition>> TopicList = new(() => BuiltInTopics);

    private static readonly Lazy<IReadOnlyList<CommandDefinition>> AllCommands =
        new(() => [.. CoreCommands(TopicList.Value), .. StudyGroupCommands, .. ModerationCommands, .. CommunityCommands]);

    /// <summary>Topics added for the current async flow only (see <see cref="AddTopicsForThisFlow"/>); null in the running bot.</summary>
    private static readonly AsyncLocal<AddedTopics?> Added = new();

    private sealed record AddedTopics(IReadOnlyList<TopicDefinition> Topics, IReadOnlyList<CommandDefinition> Commands);

    /// <summary>
    /// Adds topics to the catalog for the calling async flow until the result is disposed, as if they were declared in
    /// <see cref="BuiltInTopics"/>. The catalog is fixed when the bot is built; this lets a test follow the recipe of
    /// docs/contributing.md (declare a topic, add a knowledge folder) without editing the shipped list, and without other
    /// tests running at the same time seeing the extra command.
    /// </summary>
    internal static IDisposable AddTopicsForThisFlow(params TopicDefinition[] topics)
    {
        var previous = Added.Value;
        var all = Topics.Concat(topics).ToList();
        Added.Value = new AddedTopics(all, [.. CoreCommands(all), .. StudyGroupCommands, .. ModerationCommands, .. CommunityCommands]);
        return new Restore(() => Added.Value = previous);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>
    /// Phrases of <c>/progress</c>'s <see cref="CommandDefinition.AskedAbout"/> that ask for the member's own next step
    /// ("whats the next step", "what should i do next"): <c>/ask</c> answers them with that step from the member's progress.
    /// </summary>
    internal static readonly string[] NextStepQuestions =
    [
        "next step", "my next step", "what should i do next", "what do i do next", "what to do next", "what now", "whats next",
        "what next", "what should i learn next", "what do i learn next", "what to learn next", "what should i study next",
    ];

    /// <summary>
    /// Phrases of <c>/progress</c>'s <see cref="CommandDefinition.AskedAbout"/> that ask where the member stands ("where am
    /// i on the roadmap", "how far along am i"): <c>/ask</c> answers them with the member's progress, as <c>/progress show</c>.
    /// </summary>
    internal static readonly string[] ProgressQuestions =
    [
        "where am i", "how far along am i", "how far am i", "what step am i on", "which step am i on", "what stage am i on",
        "which stage am i on", "what stage am i at", "what have i done so far", "what have i done", "whats left", "what is left",
        "show my progress", "my progress so far", "how am i doing",
    ];

    private static IReadOnlyList<CommandDefinition> CoreCommands(IReadOnlyList<TopicDefinition> topics) =>
    [
        new("help", "What the bot can do, or how to use one command",
            [new OptionDefinition("command", "A command name, e.g. progress")], [])
        {
            HasModeratorActions = true, // moderators also see their own commands
            Examples = ["/help", "/help progress"],
            AskedAbout = ["what can you do", "what commands", "which commands", "how do i use you", "how does this bot work",
                "can you help me", "can you help", "help me", "who are you", "what are you", "how does this work", "use this bot",
                "this bot", "are you a bot", "are you an ai", "are you human", "r u a bot", "are u a bot", "r u an ai",
                "are u an ai", "r u human", "are u human", "who made you", "ask a question", "ask you a question", "your sources", "sources do you use",
                "sources you use", "what all can you do", "what can u do", "give feedback", "wrong answer", "answer was wrong",
                "where do you get your info", "where does your info come from", "can i trust you", "should i trust you",
                "should i trust this", "moderators", "moderator", "the mods", "suggest a topic", "suggest a question", "request a topic",
                "missing topic", "add a topic", "your knowledge", "the knowledge", "knowledge base", "knowledge files"],
        },
        .. topics.Select(t => t.ToCommand()),
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
            AskedAbout = ["track my progress", "see my progress", "mark a step", "mark steps", "export my data", "delete my data",
                "export my progress", "delete my progress", "reset my progress", "is my data private", "my privacy", "privacy",
                "export all my data", "delete all my data", "delete everything", "stored about me", "store about me", "as done",
                "as skipped", "skip a step", "mark it done", "mark", "marking", "unmark", "undo", "progress private", "as learning", "as todo", "as to do",
                .. NextStepQuestions, .. ProgressQuestions],
        },
    ];

    /// <summary>Finds a command by name (case-insensitive, with or without the leading slash).</summary>
    public static CommandDefinition? Find(string name)
    {
        var trimmed = name.AsSpan().TrimStart('/');
        if (Added.Value is { } added)
        {
            foreach (var command in added.Commands.Concat(ButtonCommands))
            {
                if (trimmed.Equals(command.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return command;
                }
            }

            return null;
        }

        return ByName.Value.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(trimmed, out var found) ? found : null;
    }

    /// <summary>
    /// <see cref="All"/> and <see cref="ButtonCommands"/> by name, the first declared of a name winning: every command a
    /// member types is looked up here, twice (parser and dispatcher), so it is a hash lookup rather than a scan (issue 10).
    /// </summary>
    private static readonly Lazy<FrozenDictionary<string, CommandDefinition>> ByName = new(IndexByName);

    private static FrozenDictionary<string, CommandDefinition> IndexByName() =>
        AllCommands.Value.Concat(ButtonCommands).DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
}
