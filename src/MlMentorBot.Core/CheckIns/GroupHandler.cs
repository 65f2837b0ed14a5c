using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// <c>/group create|join|leave|list|info|settings|admin|pause|resume|delete</c>. Anyone may create a group in a channel (and
/// becomes its admin) or join one; settings, admins, pausing and deleting are for the group's admins and workspace moderators.
/// </summary>
internal sealed partial class GroupHandler(
    StudyGroupStore groups,
    CheckInStore store,
    GroupLookup lookup,
    IOptions<CheckInOptions> options,
    TimeProvider time,
    CommunityStore communities) : ICommandHandler
{
    public string CommandName => "group";

    public Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Subcommand switch
    {
        "create" => CreateAsync(request, cancellationToken),
        "list" => ListAsync(request, cancellationToken),
        _ => WithGroupAsync(request, cancellationToken),
    };

    private async Task<BotReply> CreateAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var name = (request.Option("name") ?? "").Trim().ToLowerInvariant();
        if (!GroupNamePattern().IsMatch(name))
        {
            return BotReply.Problem("Pick another name", "A group name is 2–32 lowercase letters, digits or dashes, starting with a letter or digit, e.g. `ml-101`.");
        }

        if (request.ChannelId is not { Length: > 0 } channel)
        {
            return BotReply.Problem("Run this in a channel", "A study group is bound to the channel it is created in; run `/group create` there.");
        }

        if (await groups.FindByChannelAsync(request.Member, channel, cancellationToken) is { } existing)
        {
            return BotReply.Problem("This channel has a group", $"This channel already runs **{existing.Name}**. Each channel holds one study group.",
                [new SuggestedAction($"Join {existing.Name}", $"/group join {existing.Name}")]);
        }

        if (await groups.FindByNameAsync(request.Member, name, cancellationToken) is not null)
        {
            return BotReply.Problem("Name taken", $"There is already a group called `{name}` here. Pick another name.");
        }

        // The community's own default (/community settings, issue #12) before the deployment's.
        var zone = await communities.SettingAsync(CommunityKeys.Of(request.Member), CommunityStore.DefaultTimeZone, cancellationToken) ?? options.Value.DefaultTimeZone;
        var defaults = new GroupSchedule(DayOfWeek.Monday, new TimeOnly(9, 0), zone, 48);
        var (schedule, problem) = ReadSchedule(request, defaults);
        if (schedule is null)
        {
            return problem!;
        }

        var group = await groups.CreateAsync(request.Member, request.DisplayName, channel, name, schedule, cancellationToken);
        return new BotReply
        {
            Title = $"Study group {group.Name} created",
            Sections =
            [
                new ReplySection(null, $"Check-ins open {DescribeSchedule(group.Schedule)} in this channel. {NextText(group)}"),
                new ReplySection(null, $"Join with `/group join {group.Name}`. Admins can change the schedule with `/group settings`."),
            ],
            Tone = ReplyTone.Success,
            Actions = [new SuggestedAction("Join", $"/group join {group.Name}", ActionStyle.Primary), new SuggestedAction("Settings", $"/group settings {group.Name}")],
        };
    }

    private async Task<BotReply> ListAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var all = await groups.ListAsync(request.Member, cancellationToken);
        var mine = (await groups.ListForMemberAsync(request.Member, cancellationToken)).Select(g => g.Id).ToHashSet();
        return new BotReply
        {
            Title = "Study groups",
            Sections = [new ReplySection(null, all.Count == 0
                ? "No study groups yet. Create one in a channel with `/group create <name>`."
                : string.Join("\n", all.Select(x => $"- **{x.Group.Name}** — {x.Members} member{(x.Members == 1 ? "" : "s")}, {DescribeSchedule(x.Group.Schedule)}" +
                    (x.Group.IsPaused ? " (paused)" : "") + (mine.Contains(x.Group.Id) ? " — you are in it" : ""))))],
            IsPrivate = true,
            Actions = all.Where(x => !mine.Contains(x.Group.Id)).Take(4).Select(x => new SuggestedAction($"Join {x.Group.Name}", $"/group join {x.Group.Name}")).ToList(),
        };
    }

    private async Task<BotReply> WithGroupAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var (context, problem) = await lookup.FindAsync(request, request.Option("name"), cancellationToken);
        if (context is null)
        {
            return problem!;
        }

        return request.Subcommand switch
        {
            "join" => await JoinAsync(request, context, cancellationToken),
            "leave" => await LeaveAsync(context, cancellationToken),
            "settings" => context.CanManage(request) ? await SettingsAsync(request, context, cancellationToken) : await lookup.RefuseAsync(context, "change its settings", cancellationToken),
            "admin" => context.CanManage(request) ? await AdminAsync(request, context, cancellationToken) : await lookup.RefuseAsync(context, "add or remove admins", cancellationToken),
            "pause" or "resume" => context.CanManage(request) ? await PauseAsync(context, request.Subcommand == "pause", cancellationToken) : await lookup.RefuseAsync(context, $"{request.Subcommand} it", cancellationToken),
            "delete" => context.CanManage(request) ? await DeleteAsync(request, context, cancellationToken) : await lookup.RefuseAsync(context, "delete it", cancellationToken),
            _ => await InfoAsync(context, cancellationToken),
        };
    }

    private async Task<BotReply> JoinAsync(CommandRequest request, GroupContext context, CancellationToken cancellationToken)
    {
        var group = context.Group;
        var added = await groups.JoinAsync(group.Id, request.Member, request.DisplayName, cancellationToken);
        var week = CheckInCalendar.Current(group.Schedule, time.GetUtcNow());
        var isOpen = week.IsOpenAt(time.GetUtcNow()) && week.ClosesAt > group.CreatedAt && !group.IsPaused;
        return new BotReply
        {
            Title = added ? $"You joined {group.Name}" : $"You are already in {group.Name}",
            Sections = [new ReplySection(null, $"Check-ins open {DescribeSchedule(group.Schedule)}. {NextText(group)}" +
                (isOpen ? "\n\nThis week's check-in is open now." : ""))],
            IsPrivate = true,
            Tone = ReplyTone.Success,
            Actions = isOpen ? [CheckInMessages.CheckInButton(group)] : [new SuggestedAction("Group info", $"/group info {group.Name}")],
        };
    }

    private async Task<BotReply> LeaveAsync(GroupContext context, CancellationToken cancellationToken)
    {
        var group = context.Group;
        if (context.Member is not { } member)
        {
            return BotReply.Problem("Not in that group", $"You are not in **{group.Name}**.");
        }

        var members = await groups.MembersAsync(group.Id, cancellationToken);
        if (member.IsAdmin && members.Count(m => m.IsAdmin) == 1 && members.Count > 1)
        {
            return BotReply.Problem("Hand over first", $"You are **{group.Name}**'s only admin. Make someone else admin first: `/group admin add @member`.");
        }

        await groups.LeaveAsync(group.Id, member.MemberId, cancellationToken);
        return new BotReply
        {
            Title = $"You left {group.Name}",
            Sections = [new ReplySection(null, "Your past check-ins stay in your history (`/checkin history`) until you delete your data with `/progress delete`.")],
            IsPrivate = true,
        };
    }

    private async Task<BotReply> InfoAsync(GroupContext context, CancellationToken cancellationToken)
    {
        var group = context.Group;
        var members = await groups.MembersAsync(group.Id, cancellationToken);
        var fields = new List<ReplyField>
        {
            new("Schedule", DescribeSchedule(group.Schedule), IsInline: false),
            new($"Members ({members.Count})", MemberList(members.Select(m => UserText.Escape(m.Name)).ToList())),
            new("Admins", CheckInMessages.Join(members.Where(m => m.IsAdmin).Select(m => UserText.Escape(m.Name)).ToList()) is { Length: > 0 } a ? a : "none"),
            new("Quiet mode", group.IsQuiet ? "on" : "off"),
            new("Reminder", group.HasReminder ? $"{options.Value.ReminderLeadHours} h before close" : "off"),
        };
        if (context.Member is { } member)
        {
            var streak = await store.StreakAsync(group, CheckInCalendar.Current(group.Schedule, time.GetUtcNow()), member, cancellationToken);
            fields.Add(new ReplyField("Your streak", $"{streak.Current} (best {streak.Best})"));
        }

        return new BotReply
        {
            Title = $"{group.Name}{(group.IsPaused ? " (paused)" : "")}",
            Sections = [new ReplySection(null, NextText(group))],
            Fields = fields,
            IsPrivate = true,
            Actions = context.Member is null ? [new SuggestedAction("Join", $"/group join {group.Name}", ActionStyle.Primary)] : [new SuggestedAction("My check-ins", "/checkin history")],
        };
    }

    /// <summary>Names in join order, "a, b and c"; past <see cref="MaxListedMembers"/> the rest are counted, as a Discord field holds 1,024 characters.</summary>
    private static string MemberList(IReadOnlyList<string> names) =>
        names.Count == 0 ? "none"
        : names.Count <= MaxListedMembers ? CheckInMessages.Join(names)
        : string.Join(", ", names.Take(MaxListedMembers)) + $" and {names.Count - MaxListedMembers} more";

    private const int MaxListedMembers = 30;

    private static string DescribeSchedule(GroupSchedule s) =>
        $"every {s.Day} at {s.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} ({s.TimeZoneId}) for {s.WindowHours} h";

    private string NextText(StudyGroup group)
    {
        var now = time.GetUtcNow();
        var week = CheckInCalendar.Current(group.Schedule, now);
        if (group.IsPaused)
        {
            return "The group is paused.";
        }

        if (week.IsOpenAt(now) && week.ClosesAt > group.CreatedAt)
        {
            return $"This week's check-in is open until {CheckInCalendar.Describe(week.ClosesAt, group.Schedule.TimeZoneId)}.";
        }

        return $"Next check-in opens {CheckInCalendar.Describe(CheckInCalendar.Shift(group.Schedule, week, 1).OpensAt, group.Schedule.TimeZoneId)}.";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,31}$")]
    private static partial Regex GroupNamePattern();
}
