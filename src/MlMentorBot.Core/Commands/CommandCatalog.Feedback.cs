namespace MlMentorBot.Core.Commands;

public static partial class CommandCatalog
{
    /// <summary>
    /// Commands only buttons and the local chat send (issue #14): found by <see cref="Find"/>, so the parser and dispatcher take
    /// them, but not in <see cref="All"/>, so they are not registered on Discord or Slack and not listed by <c>/help</c>.
    /// </summary>
    private static IReadOnlyList<CommandDefinition> ButtonCommands { get; } =
    [
        new("feedback", "Say whether an /ask answer helped",
        [
            new OptionDefinition("vote", "helpful or not-helpful", OptionType.String, IsRequired: true)
                { Choices = [new("helpful", "helpful"), new("not-helpful", "not-helpful")] },
            new OptionDefinition("entry", "The knowledge entry the answer led with", OptionType.String, IsRequired: true),
            new OptionDefinition("question", "The question as asked", OptionType.String, IsRequired: true) { TakesRest = true },
        ], [])
        {
            Examples = ["/feedback helpful salary.figures how much do juniors earn"],
        },
    ];
}
