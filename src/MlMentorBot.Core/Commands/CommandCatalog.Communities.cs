using MlMentorBot.Core.Communities;

namespace MlMentorBot.Core.Commands;

public static partial class CommandCatalog
{
    /// <summary>
    /// <c>/community</c> (issue #12): a community's own settings and moderators, for its moderators. Moderator-only, so Discord
    /// hides it by <c>default_member_permissions</c> like <c>/kb</c>.
    /// </summary>
    private static IReadOnlyList<CommandDefinition> CommunityCommands =>
    [
        new("community", "Moderators: this server's or workspace's settings and moderators", [],
        [
            new SubcommandDefinition("settings", "Show this community's settings, or set one",
            [
                new OptionDefinition("action", "show (default) or set") { Choices = [new("show", "show"), new("set", "set")] },
                new OptionDefinition("key", "The setting to change")
                {
                    Choices =
                    [
                        new(CommunityStore.DigestChannel, CommunityStore.DigestChannel),
                        new(CommunityStore.DefaultTimeZone, CommunityStore.DefaultTimeZone),
                        new(CommunityStore.ModeratorRole, CommunityStore.ModeratorRole),
                    ],
                },
                new OptionDefinition("value", "A channel, an IANA time zone (Europe/Berlin), a role; none clears it"),
            ]),
            new SubcommandDefinition("moderators", "List, add or remove this community's moderators",
            [
                new OptionDefinition("action", "list (default), add or remove") { Choices = [new("list", "list"), new("add", "add"), new("remove", "remove")] },
                new OptionDefinition("member", "The member to add or remove", OptionType.User),
            ]),
            new SubcommandDefinition("delete-data", "Delete this community's groups, check-ins, settings, moderators, gaps and counts",
                [new OptionDefinition("confirm", "Type yes to confirm") { Choices = [new("yes", "yes")] }]),
        ])
        {
            IsModeratorOnly = true,
            Examples =
            [
                "/community settings",
                "/community settings set default-time-zone Europe/Berlin",
                "/community settings set gap-digest-channel here",
                "/community moderators add @alice",
                "/community delete-data",
            ],
        },
    ];
}
