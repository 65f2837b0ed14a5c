namespace MlMentorBot.Core.Commands;

/// <summary>
/// One slash command in the catalog. The same definition drives <c>/help</c>, the text parser, Discord's registration JSON
/// (https://discord.com/developers/docs/interactions/application-commands) and the Slack app manifest.
/// Names are lowercase, 1–32 characters, <c>[a-z0-9_-]</c>; descriptions 1–100 characters (Discord's limits).
/// A command has either <see cref="Options"/> or <see cref="Subcommands"/>, never both.
/// </summary>
public sealed record CommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<OptionDefinition> Options,
    IReadOnlyList<SubcommandDefinition> Subcommands)
{
    /// <summary>Only moderators may run it (Discord: <c>default_member_permissions</c> plus a server-side check).</summary>
    public bool IsModeratorOnly { get; init; }

    /// <summary>
    /// Members may run it, but part of what it does is for community moderators (managing any study group, the moderators'
    /// <c>/help</c>), so the dispatcher looks the member's community role up first.
    /// </summary>
    public bool HasModeratorActions { get; init; }

    /// <summary>Examples shown by <c>/help command</c>, typed as a member would.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>
    /// Lowercase phrases that name this command's feature in a question ("study group", "streak"), none of them the
    /// knowledge's own words: <c>/ask</c> answers such a question with this command's help rather than from the knowledge.
    /// </summary>
    public IReadOnlyList<string> AskedAbout { get; init; } = [];

    /// <summary>The subcommand named <paramref name="name"/> (case-insensitive); null when there is none.</summary>
    public SubcommandDefinition? FindSubcommand(string name) =>
        Subcommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A subcommand (Discord option type 1). Options follow the same rules as a command's.</summary>
public sealed record SubcommandDefinition(string Name, string Description, IReadOnlyList<OptionDefinition> Options)
{
    /// <summary>Only moderators (or, where the handler says so, group admins) may run it.</summary>
    public bool IsModeratorOnly { get; init; }

    /// <summary>Only the deployment's operators may run it (<c>/kb status|reload|history</c>: the one knowledge folder is theirs).</summary>
    public bool IsOperatorOnly { get; init; }
}

/// <summary>
/// One option. Required options come before optional ones (Discord rejects the other order). Positional text input fills
/// options in declaration order; <c>name:value</c> sets one by name. <see cref="Choices"/> (≤ 25) restricts values;
/// <see cref="Autocomplete"/> names where suggestions come from and is exclusive with <see cref="Choices"/>.
/// </summary>
public sealed record OptionDefinition(
    string Name,
    string Description,
    OptionType Type = OptionType.String,
    bool IsRequired = false)
{
    /// <summary>The only values accepted, at most 25 (Discord's limit); empty means any value.</summary>
    public IReadOnlyList<OptionChoice> Choices { get; init; } = [];

    /// <summary>Where suggestions come from while the member types; <see cref="AutocompleteSource.None"/> for no autocomplete.</summary>
    public AutocompleteSource Autocomplete { get; init; } = AutocompleteSource.None;

    /// <summary>When true, a text parser gives this option all remaining words (for <c>/ask question</c>).</summary>
    public bool TakesRest { get; init; }

    /// <summary>Inclusive lower bound for <see cref="OptionType.Integer"/>; null for none.</summary>
    public int? MinValue { get; init; }

    /// <summary>Inclusive upper bound for <see cref="OptionType.Integer"/>; null for none.</summary>
    public int? MaxValue { get; init; }
}

/// <summary>Discord's option types we use: String = 3, Integer = 4, Boolean = 5, User = 6, Channel = 7.</summary>
/// <remarks>https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-type</remarks>
public enum OptionType
{
    /// <summary>Free text (Discord type 3).</summary>
    String = 3,

    /// <summary>A whole number, bounded by <see cref="OptionDefinition.MinValue"/>/<see cref="OptionDefinition.MaxValue"/> (type 4).</summary>
    Integer = 4,

    /// <summary>true or false (type 5).</summary>
    Boolean = 5,

    /// <summary>A member; the value is the platform user id (type 6).</summary>
    User = 6,

    /// <summary>A channel; the value is the platform channel id (type 7).</summary>
    Channel = 7,
}

/// <summary>A fixed or suggested value: <paramref name="Name"/> is shown (≤ 100 chars), <paramref name="Value"/> is sent.</summary>
public sealed record OptionChoice(string Name, string Value);

/// <summary>
/// Where autocomplete suggestions for an option come from. <see cref="Name"/> says which list; <see cref="Kind"/> is the
/// knowledge kind for <see cref="EntriesOf"/> (the keys of that kind's entries, which is what a topic command takes).
/// Compared by value, so <c>AutocompleteSource.EntriesOf("skill-area")</c> equals every other instance for that kind.
/// </summary>
public sealed record AutocompleteSource(string Name, string? Kind = null)
{
    /// <summary>No suggestions (Discord: <c>autocomplete</c> is not set).</summary>
    public static readonly AutocompleteSource None = new("none");

    /// <summary>Roadmap step ids (<c>roadmap.…</c>), the member's unfinished steps first.</summary>
    public static readonly AutocompleteSource RoadmapStep = new("roadmap-step");

    /// <summary>Roadmap stage keys, in roadmap order.</summary>
    public static readonly AutocompleteSource RoadmapStage = new("roadmap-stage");

    /// <summary>Salary level keys.</summary>
    public static readonly AutocompleteSource SalaryLevel = new("salary-level");

    /// <summary>Any knowledge entry id.</summary>
    public static readonly AutocompleteSource KnowledgeEntry = new("knowledge-entry");

    /// <summary>Study group names in the current workspace.</summary>
    public static readonly AutocompleteSource StudyGroup = new("study-group");

    /// <summary>The keys of the entries of one knowledge kind (<c>skill-area</c> → <c>programming</c>, <c>frameworks</c>, …).</summary>
    public static AutocompleteSource EntriesOf(string kind) => new("entries", kind);
}
