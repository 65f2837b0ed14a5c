using System.Text;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// The group-channel posts: prompt, reminder, digest and late additions. Members are named by display name. Outside quiet mode
/// the reminder and the "missing" list write <c>@name</c>; that is text, not a platform mention (the core has no per-member
/// mention list, and the adapters post with mentions that ping nobody), so nobody is pinged in either mode.
/// </summary>
internal static class CheckInMessages
{
    /// <summary>Answers longer than this are cut in the digest (the member's full text stays in their history).</summary>
    public const int MaxAnswerLength = 300;

    public static SuggestedAction CheckInButton(StudyGroup group) => new("Check in", $"/checkin group:{group.Name}", ActionStyle.Primary);

    public static BotReply Prompt(StudyGroup group, CheckInWeek week) => new()
    {
        Title = $"Weekly check-in — {group.Name}",
        Sections =
        [
            new ReplySection(null,
                $"Time for this week's check-in! Answer by {CheckInCalendar.Describe(week.ClosesAt, group.Schedule.TimeZoneId)}:\n" +
                string.Join("\n", group.Questions.Select(q => $"- {UserText.Escape(q)}")) +
                "\n- Roadmap steps you worked on (optional)"),
            new ReplySection(null, "Press **Check in**, or type `/checkin`. Away? `/away weeks:1` keeps your streak."),
        ],
        Actions = [CheckInButton(group), new SuggestedAction("I'm away this week", $"/away weeks:1 group:{group.Name}")],
    };

    public static BotReply Reminder(StudyGroup group, CheckInWeek week, IReadOnlyList<GroupMember> missing)
    {
        var who = group.IsQuiet
            ? $"{missing.Count} {(missing.Count == 1 ? "member has" : "members have")} not checked in yet."
            : $"Not checked in yet: {string.Join(", ", missing.Select(m => UserText.Escape("@" + m.Name)))}.";
        return new BotReply
        {
            Title = $"Reminder: check-in closes soon — {group.Name}",
            Sections = [new ReplySection(null, $"{who} The check-in closes {CheckInCalendar.Describe(week.ClosesAt, group.Schedule.TimeZoneId)}.")],
            Actions = [CheckInButton(group)],
        };
    }

    /// <summary>The digest of one week: who checked in and what they said, blockers, roadmap steps, streaks, who is away or missing.</summary>
    public static BotReply Digest(StudyGroup group, CheckInWeek week, WeekData data, KnowledgeSnapshot knowledge)
    {
        var byId = data.Members.ToDictionary(m => m.MemberId);
        var checkedIn = data.CheckIns.Where(c => byId.ContainsKey(c.MemberId)).ToList();
        var checkedIds = checkedIn.Select(c => c.MemberId).ToHashSet();
        var away = data.Members.Where(m => data.AwayMemberIds.Contains(m.MemberId) && !checkedIds.Contains(m.MemberId)).ToList();
        var missing = data.Members.Where(m => !checkedIds.Contains(m.MemberId) && !data.AwayMemberIds.Contains(m.MemberId)).ToList();
        var sections = new List<ReplySection>();
        if (checkedIn.Count == 0)
        {
            sections.Add(new ReplySection(null, "Nobody checked in this week."));
        }

        foreach (var c in checkedIn)
        {
            var member = byId[c.MemberId];
            var streak = data.Streaks.GetValueOrDefault(c.MemberId, Streak.None).ToString();
            sections.Add(new ReplySection(
                $"{member.Name}{(streak.Length > 0 ? " " + streak : "")}{(c.IsLate ? " (late)" : "")}",
                $"**{UserText.Escape(group.Questions[0])}:** {Clip(c.Done)}\n**{UserText.Escape(group.Questions[1])}:** {Clip(c.Next)}"));
        }

        var blockers = checkedIn.Where(c => !string.IsNullOrWhiteSpace(c.Blockers)).ToList();
        if (blockers.Count > 0)
        {
            sections.Add(new ReplySection("Blockers — can anyone help?",
                string.Join("\n", blockers.Select(c => $"- {UserText.Escape(byId[c.MemberId].Name)}: {Clip(c.Blockers!)}"))));
        }

        var steps = checkedIn.SelectMany(c => c.Steps.Select(s => (c.MemberId, Step: CheckInSteps.Parse(s))))
            .Where(x => x.Step is not null)
            .GroupBy(x => x.Step!.Value.Id, StringComparer.OrdinalIgnoreCase)
            .Select(g => $"- {StepText(knowledge, g.Key)}: " +
                string.Join(", ", g.Select(x => UserText.Escape(byId[x.MemberId].Name) + (x.Step!.Value.IsDone ? " ✅" : ""))))
            .ToList();
        if (steps.Count > 0)
        {
            sections.Add(new ReplySection("Roadmap steps moved", string.Join("\n", steps)));
        }

        var fields = new List<ReplyField> { new("Checked in", $"{checkedIn.Count} of {data.Members.Count}") };
        if (away.Count > 0)
        {
            fields.Add(new ReplyField("Away", string.Join(", ", away.Select(m => UserText.Escape(m.Name)))));
        }

        if (missing.Count > 0)
        {
            fields.Add(new ReplyField("Not checked in", string.Join(", ", missing.Select(m => UserText.Escape(group.IsQuiet ? m.Name : "@" + m.Name))), IsInline: false));
        }

        return new BotReply
        {
            Title = $"Check-in digest — {group.Name}, week of {CheckInCalendar.ParseKey(week.Key):d MMM yyyy}",
            Sections = sections,
            Fields = fields,
            Actions = [new SuggestedAction("Check in late", $"/checkin group:{group.Name}")],
        };
    }

    /// <summary>The thread reply under a digest when someone checks in after it was posted.</summary>
    public static BotReply LateAddition(StudyGroup group, GroupMember member, CheckIn checkIn) => new()
    {
        Title = $"Late check-in from {member.Name}",
        Sections =
        [
            new ReplySection(null, $"**{UserText.Escape(group.Questions[0])}:** {Clip(checkIn.Done)}\n**{UserText.Escape(group.Questions[1])}:** {Clip(checkIn.Next)}" +
                (string.IsNullOrWhiteSpace(checkIn.Blockers) ? "" : $"\n**Blockers:** {Clip(checkIn.Blockers)}")),
        ],
    };

    /// <summary>A known step as "title (`id`)"; anything else a member typed as escaped text, never inside a code span it could close.</summary>
    private static string StepText(KnowledgeSnapshot knowledge, string id) =>
        knowledge.FindStep(id) is { } step ? $"{step.Title} (`{step.Id}`)" : UserText.Escape(id);

    private static string Clip(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return UserText.Escape(oneLine.Length <= MaxAnswerLength ? oneLine : oneLine[..(MaxAnswerLength - 1)] + "…");
    }

    /// <summary>A compact list for replies: "a, b and c".</summary>
    internal static string Join(IReadOnlyList<string> items)
    {
        if (items.Count <= 1)
        {
            return items.FirstOrDefault() ?? "";
        }

        var sb = new StringBuilder(string.Join(", ", items.Take(items.Count - 1)));
        return sb.Append(" and ").Append(items[^1]).ToString();
    }
}
