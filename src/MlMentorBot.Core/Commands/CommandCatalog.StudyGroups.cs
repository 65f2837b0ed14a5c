namespace MlMentorBot.Core.Commands;

public static partial class CommandCatalog
{
    /// <summary>Days a study group's check-in can open on.</summary>
    public static readonly IReadOnlyList<OptionChoice> WeekDays =
    [
        new("monday", "monday"),
        new("tuesday", "tuesday"),
        new("wednesday", "wednesday"),
        new("thursday", "thursday"),
        new("friday", "friday"),
        new("saturday", "saturday"),
        new("sunday", "sunday"),
    ];

    private static OptionDefinition GroupName(string description = "The group's name (default: this channel's group)") =>
        new("name", description) { Autocomplete = AutocompleteSource.StudyGroup };

    private static OptionDefinition GroupOption =>
        new("group", "Which study group (default: this channel's, or your only one)") { Autocomplete = AutocompleteSource.StudyGroup };

    private static OptionDefinition DayOption => new("day", "Day the check-in opens") { Choices = WeekDays };

    private static OptionDefinition TimeOption => new("time", "Local time it opens, 24h HH:mm, e.g. 09:00");

    private static OptionDefinition TimeZoneOption => new("timezone", "IANA time zone, e.g. Europe/Berlin or America/New_York");

    private static OptionDefinition HoursOption =>
        new("hours", "How long the check-in stays open, in hours (default 48)", OptionType.Integer) { MinValue = 1, MaxValue = 144 };

    /// <summary>Study groups and weekly check-ins (issue #5).</summary>
    private static IReadOnlyList<CommandDefinition> StudyGroupCommands =>
    [
        new("group", "Study groups with a weekly check-in in this channel", [],
        [
            new SubcommandDefinition("info", "A group's schedule, members and your streak", [GroupName()]),
            new SubcommandDefinition("create", "Create a study group bound to this channel (you become its admin)",
            [
                new OptionDefinition("name", "Group name: 2–32 letters, digits or dashes", OptionType.String, IsRequired: true),
                DayOption, TimeOption, TimeZoneOption, HoursOption,
            ]),
            new SubcommandDefinition("join", "Join a study group", [GroupName()]),
            new SubcommandDefinition("leave", "Leave a study group", [GroupName()]),
            new SubcommandDefinition("list", "Study groups in this workspace", []),
            new SubcommandDefinition("settings", "Show or change a group's schedule and options (group admins)",
            [
                GroupName(), DayOption, TimeOption, TimeZoneOption, HoursOption,
                new OptionDefinition("questions", "Up to 3 labels separated by |, or 'default'"),
                new OptionDefinition("quiet", "Quiet mode: never mention anyone", OptionType.Boolean),
                new OptionDefinition("reminder", "Remind those who have not checked in before close", OptionType.Boolean),
            ]),
            new SubcommandDefinition("admin", "Add or remove a group admin (group admins)",
            [
                new OptionDefinition("action", "add or remove", OptionType.String, IsRequired: true) { Choices = [new("add", "add"), new("remove", "remove")] },
                new OptionDefinition("user", "The member", OptionType.User, IsRequired: true),
                GroupName(),
            ]),
            new SubcommandDefinition("pause", "Stop prompts and digests until resumed (group admins)", [GroupName()]),
            new SubcommandDefinition("resume", "Start prompts and digests again (group admins)", [GroupName()]),
            new SubcommandDefinition("delete", "Delete a group and its check-ins (group admins)",
                [GroupName(), new OptionDefinition("confirm", "Type yes to confirm") { Choices = [new("yes", "yes")] }]),
        ])
        {
            HasModeratorActions = true,
            Examples =
            [
                "/group create ml-101 day:monday time:09:00 timezone:Europe/Berlin",
                "/group join ml-101",
                "/group settings quiet:yes",
                "/group admin add @alice",
            ],
            AskedAbout =
            [
                "study group", "study groups", "study buddy", "study buddies", "create a group", "join a group", "start a group", "leave a group",
                "leave a study group", "leave the study group", "leave my study group", "leave the group", "leave my group", "join a study group",
                "create a study group", "start a study group", "make a group", "my own group", "in my group", "in our group",
                "group members", "timezone", "time zone", "group admin", "admin of the group", "pause the group", "pause our group",
                "resume the group", "resume our group", "move our group", "move the group", "weekly prompt", "digest", "delete the group",
            ],
        },
        new("checkin", "Your weekly check-in: opens a form, or give the answers as options",
        [
            new OptionDefinition("view", "history: your own past weeks and streaks") { Choices = [new("history", "history")] },
            new OptionDefinition("done", "What I did this week"),
            new OptionDefinition("next", "What I plan next week"),
            new OptionDefinition("blockers", "Blockers (optional)"),
            new OptionDefinition("steps", "Roadmap step ids I worked on, comma-separated; add =done to finish one")
                { Autocomplete = AutocompleteSource.RoadmapStep },
            GroupOption,
        ], [])
        {
            Examples =
            [
                "/checkin",
                "/checkin done:\"linear algebra refresher\" next:\"pandas practice\" steps:roadmap.foundations.math=done",
                "/checkin history",
            ],
            AskedAbout = ["check-in", "checkin", "check-ins", "checkins", "weekly check in", "streak", "streaks", "my check in answers",
                "change my answers", "edit my answers", "miss a week", "old check-ins", "past check-ins", "checked in",
                "reminder", "reminders", "deadline"],
        },
        new("away", "Mark yourself away: away weeks keep your streak and leave you off 'missing' lists",
        [
            new OptionDefinition("weeks", "How many weeks, starting with this one (0 cancels)", OptionType.Integer) { MinValue = 0, MaxValue = 26 },
            new OptionDefinition("until", "Or: away until this date, YYYY-MM-DD"),
            GroupOption,
        ], [])
        {
            Examples = ["/away weeks:2", "/away until:2026-12-31", "/away weeks:0"],
            AskedAbout = ["be away", "away weeks", "pause my streak", "keep my streak", "holiday", "holidays", "vacation", "travelling",
                "traveling", "on a trip", "weeks off", "as missing", "missing list"],
        },
    ];
}
