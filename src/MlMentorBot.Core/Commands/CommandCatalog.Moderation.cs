namespace MlMentorBot.Core.Commands;

public static partial class CommandCatalog
{
    /// <summary>
    /// Moderators' knowledge commands (issue #6). Moderator-only: Discord hides them by <c>default_member_permissions</c>.
    /// <c>status</c>, <c>reload</c> and <c>history</c> act on the deployment's one knowledge folder, so they are the operators'
    /// (issue #12); <c>gaps</c> and <c>stats</c> show the asking community's own data to its moderators.
    /// </summary>
    private static IReadOnlyList<CommandDefinition> ModerationCommands =>
    [
        new("kb", "Moderators: knowledge status, reload, history, answer gaps and usage", [],
        [
            new SubcommandDefinition("status", "Knowledge version, load time, entry count and the last error", []) { IsOperatorOnly = true },
            new SubcommandDefinition("reload", "Reload the knowledge files now (the old set keeps serving if they are broken)", []) { IsOperatorOnly = true },
            new SubcommandDefinition("history", "Recent knowledge loads: who or what, and which entries changed",
                [new OptionDefinition("count", "How many loads to show (default 10)", OptionType.Integer) { MinValue = 1, MaxValue = 50 }]) { IsOperatorOnly = true },
            new SubcommandDefinition("gaps", "Most frequent /ask questions without a confident answer",
                [new OptionDefinition("days", "How many days back (default 30)", OptionType.Integer) { MinValue = 1, MaxValue = 90 }]),
            new SubcommandDefinition("stats", "Most used commands and entries per week",
                [new OptionDefinition("weeks", "How many weeks back (default 4)", OptionType.Integer) { MinValue = 1, MaxValue = 12 }]),
        ])
        {
            IsModeratorOnly = true,
            Examples = ["/kb status", "/kb reload", "/kb history 5", "/kb gaps", "/kb stats"],
        },
    ];
}
