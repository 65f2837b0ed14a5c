namespace MlMentorBot.Core.Commands;

public static partial class CommandCatalog
{
    /// <summary>Moderators' knowledge commands (issue #6).</summary>
    private static IReadOnlyList<CommandDefinition> ModerationCommands => [];
}
