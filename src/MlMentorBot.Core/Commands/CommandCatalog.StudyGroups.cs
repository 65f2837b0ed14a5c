namespace MlMentorBot.Core.Commands;

public static partial class CommandCatalog
{
    /// <summary>Study groups and weekly check-ins (issue #5).</summary>
    private static IReadOnlyList<CommandDefinition> StudyGroupCommands => [];
}
