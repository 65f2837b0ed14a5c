using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// What only a group's admins (and workspace moderators) may do: <c>/group settings|admin|pause|resume|delete</c>, and the
/// reading of schedule options that <c>create</c> shares. <c>GroupHandler.cs</c> routes to these after checking who asks.
/// </summary>
internal sealed partial class GroupHandler
{
    private async Task<BotReply> SettingsAsync(CommandRequest request, GroupContext context, CancellationToken cancellationToken)
    {
        var group = context.Group;
        var (schedule, problem) = ReadSchedule(request, group.Schedule);
        if (schedule is null)
        {
            return problem!;
        }

        var questions = group.Questions;
        if (request.Option("questions") is { } typed)
        {
            var labels = typed.Trim().Equals("default", StringComparison.OrdinalIgnoreCase)
                ? StudyGroup.DefaultQuestions
                : typed.Split('|', StringSplitOptions.TrimEntries).ToList();
            if (labels.Count is < 1 or > 3 || labels.Any(l => l.Length is 0 or > 45))
            {
                return BotReply.Problem("Questions", "Give 1–3 question labels of at most 45 characters, separated by `|`, e.g. " +
                    "`questions:\"What did you learn?|What's next?|Stuck on anything?\"`, or `questions:default`.");
            }

            questions = [.. labels, .. StudyGroup.DefaultQuestions.Skip(labels.Count)];
        }

        var updated = group with
        {
            Schedule = schedule,
            Questions = questions,
            IsQuiet = request.Option("quiet") is { } quiet ? quiet == "true" : group.IsQuiet,
            HasReminder = request.Option("reminder") is { } reminder ? reminder == "true" : group.HasReminder,
        };
        var changed = updated.Schedule != group.Schedule || !updated.Questions.SequenceEqual(group.Questions)
            || updated.IsQuiet != group.IsQuiet || updated.HasReminder != group.HasReminder;
        if (changed)
        {
            await groups.UpdateAsync(updated, cancellationToken);
        }

        return new BotReply
        {
            Title = changed ? $"{group.Name}: settings saved" : $"{group.Name}: settings",
            Sections =
            [
                new ReplySection(null, $"Check-ins open {DescribeSchedule(updated.Schedule)}. {NextText(updated)}"),
                new ReplySection("Questions", string.Join("\n", updated.Questions.Select(q => $"- {UserText.Escape(q)}"))),
            ],
            Fields =
            [
                new ReplyField("Quiet mode", updated.IsQuiet ? "on (no @names)" : "off"),
                new ReplyField("Reminder", updated.HasReminder ? $"{options.Value.ReminderLeadHours} h before close" : "off"),
            ],
            IsPrivate = true,
            Tone = changed ? ReplyTone.Success : ReplyTone.Info,
        };
    }

    private async Task<BotReply> AdminAsync(CommandRequest request, GroupContext context, CancellationToken cancellationToken)
    {
        var group = context.Group;
        var target = new MemberKey(request.Member.Platform, request.Member.WorkspaceId, request.Option("user")!);
        var targetRow = await groups.GetMemberAsync(group.Id, target, cancellationToken);
        if (targetRow is null)
        {
            return BotReply.Problem("Not a member", $"`{target.UserId}` is not in **{group.Name}**; they need to `/group join {group.Name}` first.");
        }

        var makeAdmin = request.Option("action") == "add";
        if (!makeAdmin && targetRow.IsAdmin && (await groups.MembersAsync(group.Id, cancellationToken)).Count(m => m.IsAdmin) == 1)
        {
            return BotReply.Problem("Last admin", $"{targetRow.Name} is **{group.Name}**'s only admin; add another admin first.");
        }

        await groups.SetAdminAsync(group.Id, targetRow.MemberId, makeAdmin, cancellationToken);
        return new BotReply
        {
            Title = makeAdmin ? $"{targetRow.Name} is now an admin of {group.Name}" : $"{targetRow.Name} is no longer an admin of {group.Name}",
            Sections = [new ReplySection(null, "Admins change the group's settings, admins, pause/resume and deletion.")],
            IsPrivate = true,
            Tone = ReplyTone.Success,
        };
    }

    private async Task<BotReply> PauseAsync(GroupContext context, bool pause, CancellationToken cancellationToken)
    {
        var group = context.Group with { IsPaused = pause };
        await groups.UpdateAsync(group, cancellationToken);
        return new BotReply
        {
            Title = pause ? $"{group.Name} is paused" : $"{group.Name} is running again",
            Sections = [new ReplySection(null, pause
                ? "No prompts, reminders or digests until `/group resume`. Paused weeks do not break anyone's streak."
                : $"Check-ins open {DescribeSchedule(group.Schedule)}. {NextText(group)}")],
            Tone = ReplyTone.Success,
        };
    }

    private async Task<BotReply> DeleteAsync(CommandRequest request, GroupContext context, CancellationToken cancellationToken)
    {
        var group = context.Group;
        if (request.Option("confirm") != "yes")
        {
            return new BotReply
            {
                Title = $"Delete {group.Name}?",
                Sections = [new ReplySection(null, "This deletes the group, its members' check-ins and away weeks in it, and its schedule. It cannot be undone.\n" +
                    $"To confirm, press the button or type `/group delete name:{group.Name} confirm:yes`.")],
                IsPrivate = true,
                Tone = ReplyTone.Warning,
                Actions = [new SuggestedAction("Yes, delete the group", $"/group delete name:{group.Name} confirm:yes", ActionStyle.Danger)],
            };
        }

        await groups.DeleteAsync(group.Id, cancellationToken);
        return new BotReply
        {
            Title = $"{group.Name} is deleted",
            Sections = [new ReplySection(null, "The group and its check-ins are gone.")],
            IsPrivate = true,
            Tone = ReplyTone.Success,
        };
    }

    /// <summary>Reads day, time, timezone and hours over <paramref name="current"/>; a usage reply when one is invalid.</summary>
    private static (GroupSchedule? Schedule, BotReply? Problem) ReadSchedule(CommandRequest request, GroupSchedule current)
    {
        var schedule = current;
        if (request.Option("day") is { } day)
        {
            schedule = schedule with { Day = Enum.Parse<DayOfWeek>(day, ignoreCase: true) };
        }

        if (request.Option("time") is { } text)
        {
            if (!CheckInCalendar.TryParseTime(text, out var at))
            {
                return (null, BotReply.Problem("Which time?", $"`{text}` is not a time; use 24-hour `HH:mm`, e.g. `time:09:00` or `time:18:30`."));
            }

            schedule = schedule with { Time = at };
        }

        if (request.Option("timezone") is { } zone)
        {
            if (!CheckInCalendar.TryFindZone(zone, out var found) || found is null)
            {
                return (null, BotReply.Problem("Which time zone?", $"`{zone}` is not a time zone I know. Use an IANA name such as `Europe/Berlin`, `America/New_York`, `Asia/Kolkata` or `UTC`."));
            }

            schedule = schedule with { TimeZoneId = found.Id };
        }

        if (request.Option("hours") is { } hours)
        {
            schedule = schedule with { WindowHours = int.Parse(hours, System.Globalization.CultureInfo.InvariantCulture) };
        }

        return (schedule, null);
    }
}
