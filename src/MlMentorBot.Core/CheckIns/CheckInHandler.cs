using System.Text;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// <c>/checkin</c>: without answers it opens the form (pre-filled with this week's answers, or with last week's plan);
/// with <c>done</c>/<c>next</c>/<c>blockers</c>/<c>steps</c> — typed, or a submitted form — it stores this week's check-in.
/// A member can edit it until the window closes; after close, a first check-in for the week is stored as late and added to the
/// posted digest. <c>/checkin history</c> shows the member's own weeks, privately. Every reply is private.
/// </summary>
internal sealed class CheckInHandler(
    StudyGroupStore groups,
    CheckInStore store,
    GroupLookup lookup,
    CheckInPublisher publisher,
    IKnowledgeProvider knowledge,
    IProgressStore progress,
    TimeProvider time) : ICommandHandler
{
    private static readonly string[] AnswerOptions = ["done", "next", "blockers", "steps"];

    public string CommandName => "checkin";

    public async Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Option("view") == "history")
        {
            return await HistoryAsync(request, cancellationToken);
        }

        var (context, problem) = await lookup.FindAsync(request, request.Option("group"), cancellationToken);
        if (context is null)
        {
            return problem!;
        }

        var group = context.Group;
        if (context.Member is not { } member)
        {
            return BotReply.Problem("Join the group first", $"You are not in **{group.Name}** yet.",
                [new SuggestedAction($"Join {group.Name}", $"/group join {group.Name}", ActionStyle.Primary)]);
        }

        if (group.IsPaused)
        {
            return BotReply.Problem("Check-ins are paused", $"**{group.Name}** is paused; an admin can `/group resume` it.");
        }

        var now = time.GetUtcNow();
        var week = CheckInCalendar.Current(group.Schedule, now);
        if (week.ClosesAt <= group.CreatedAt)
        {
            return BotReply.Problem("No check-in open yet",
                $"**{group.Name}**'s first check-in opens {CheckInCalendar.Describe(CheckInCalendar.Shift(group.Schedule, week, 1).OpensAt, group.Schedule.TimeZoneId)}.");
        }

        var isClosed = now >= week.ClosesAt;
        var existing = await store.GetAsync(group.Id, member.MemberId, week.Key, cancellationToken);
        if (isClosed && existing is not null)
        {
            return BotReply.Problem("This week's check-in is closed",
                $"The check-in for the week of {Week(week)} closed {CheckInCalendar.Describe(week.ClosesAt, group.Schedule.TimeZoneId)}, so it can no longer be edited. " +
                $"The next one opens {CheckInCalendar.Describe(CheckInCalendar.Shift(group.Schedule, week, 1).OpensAt, group.Schedule.TimeZoneId)}.",
                [new SuggestedAction("My history", "/checkin history")]);
        }

        if (!AnswerOptions.Any(o => request.Option(o) is not null))
        {
            return await FormAsync(group, member, week, existing, isClosed, cancellationToken);
        }

        var done = request.Option("done") ?? existing?.Done;
        var next = request.Option("next") ?? existing?.Next;
        if (done is null || next is null)
        {
            return BotReply.Problem("Two answers are needed",
                $"A check-in needs `done` ({group.Questions[0]}) and `next` ({group.Questions[1]}). For example:\n" +
                "`/checkin done:\"finished the statistics refresher\" next:\"start the pandas course\"`",
                [new SuggestedAction("Open the form", $"/checkin group:{group.Name}", ActionStyle.Primary)]);
        }

        var snapshot = knowledge.Current;
        var (steps, unknown) = request.Option("steps") is { } typedSteps
            ? CheckInSteps.Resolve(CheckInSteps.Split(typedSteps), snapshot)
            : (existing?.Steps ?? [], []);
        if (unknown.Count > 0)
        {
            var near = unknown.SelectMany(u => CloseMatches.Find(u, snapshot.Steps.Select(s => s.Id))).Distinct().Take(3).ToList();
            return BotReply.Problem("Unknown roadmap step",
                $"{CheckInMessages.Join(unknown.Select(u => $"`{u}`").ToList())} {(unknown.Count == 1 ? "is not a roadmap step" : "are not roadmap steps")}; nothing was saved." +
                CloseMatches.DidYouMean(near) +
                "\n\nStep ids are shown in `/roadmap`.", [new SuggestedAction("Roadmap", "/roadmap")]) with
            { ProblemField = "steps" };
        }

        var blockers = request.Option("blockers") ?? existing?.Blockers;
        if (blockers?.Trim().ToLowerInvariant() is "none" or "-" or "no")
        {
            blockers = null;
        }

        var saved = await store.SaveAsync(group.Id, member.MemberId, week.Key, done.Trim(), next.Trim(), blockers?.Trim(), steps, isClosed, cancellationToken);
        var moved = await MoveStepsAsync(request.Member, request.Option("steps") is null ? [] : steps, cancellationToken);
        if (isClosed)
        {
            await publisher.AddLateCheckInAsync(group, week, member, saved, cancellationToken);
        }

        var streak = await store.StreakAsync(group, week, member, cancellationToken);
        var text = new StringBuilder(isClosed
            ? $"Saved as a late check-in for the week of {Week(week)}; it is added to the digest."
            : $"Saved for the week of {Week(week)}. You can edit it until {CheckInCalendar.Describe(week.ClosesAt, group.Schedule.TimeZoneId)}: run `/checkin` again.");
        if (moved.Count > 0)
        {
            text.Append("\n\nRoadmap: ").Append(string.Join(", ", moved));
        }

        if (streak.Current > 0)
        {
            text.Append($"\n\nStreak: {streak.Current} week{(streak.Current == 1 ? "" : "s")} (best {streak.Best}).");
        }

        return new BotReply
        {
            Title = existing is null ? $"Checked in — {group.Name}" : $"Check-in updated — {group.Name}",
            Sections = [new ReplySection(null, text.ToString())],
            IsPrivate = true,
            Tone = ReplyTone.Success,
            Actions = isClosed ? [new SuggestedAction("My history", "/checkin history")] :
                [new SuggestedAction("Edit", $"/checkin group:{group.Name}"), new SuggestedAction("My progress", "/progress show")],
        };
    }

    private async Task<BotReply> FormAsync(StudyGroup group, GroupMember member, CheckInWeek week, CheckIn? existing, bool isClosed, CancellationToken cancellationToken)
    {
        // Pre-fill: this week's answers when editing; otherwise "what I did" starts from last week's plan.
        var last = existing is null ? await store.LatestBeforeAsync(group.Id, member.MemberId, week.Key, cancellationToken) : null;
        var form = new ModalForm($"/checkin group:{group.Name}", Clip45($"Check-in — {group.Name}"),
        [
            new ModalField("done", Clip45(group.Questions[0]), Value: existing?.Done ?? last?.Next, MaxLength: 1000),
            new ModalField("next", Clip45(group.Questions[1]), Value: existing?.Next, MaxLength: 1000),
            new ModalField("blockers", Clip45(group.Questions[2]), IsRequired: false, Value: existing?.Blockers, MaxLength: 500),
            new ModalField("steps", "Roadmap steps (ids, comma-separated)", IsMultiline: false, IsRequired: false,
                Value: existing is null ? null : string.Join(", ", existing.Steps), Placeholder: "roadmap.foundations.math=done, roadmap.foundations.python", MaxLength: 300),
        ]);
        return new BotReply
        {
            Title = form.Title,
            Sections = [new ReplySection(null, isClosed
                ? $"The week of {Week(week)} has closed; this will be a late check-in."
                : $"Week of {Week(week)}; open until {CheckInCalendar.Describe(week.ClosesAt, group.Schedule.TimeZoneId)}.")],
            IsPrivate = true,
            Modal = form,
        };
    }

    private async Task<IReadOnlyList<string>> MoveStepsAsync(MemberKey member, IReadOnlyList<string> steps, CancellationToken cancellationToken)
    {
        if (steps.Count == 0)
        {
            return [];
        }

        var current = await progress.GetAsync(member, cancellationToken);
        var moved = new List<string>();
        foreach (var token in steps)
        {
            var (id, isDone) = CheckInSteps.Parse(token)!.Value;
            if (CheckInSteps.NewStatus(ProgressView.StatusOf(current, id), isDone) is { } status)
            {
                await progress.SetAsync(member, id, status, cancellationToken);
                moved.Add($"`{id}` → {SqliteProgressStore.ToText(status)}");
            }
        }

        return moved;
    }

    private async Task<BotReply> HistoryAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var history = await store.HistoryAsync(request.Member, 24, cancellationToken);
        var now = time.GetUtcNow();
        var sections = new List<ReplySection>();
        var fields = new List<ReplyField>();
        foreach (var group in await groups.ListForMemberAsync(request.Member, cancellationToken))
        {
            var member = await groups.GetMemberAsync(group.Id, request.Member, cancellationToken);
            var streak = await store.StreakAsync(group, CheckInCalendar.Current(group.Schedule, now), member!, cancellationToken);
            fields.Add(new ReplyField(group.Name, $"current streak {streak.Current}, best {streak.Best}"));
        }

        foreach (var (groupName, c) in history)
        {
            sections.Add(new ReplySection($"{groupName} — week of {CheckInCalendar.ParseKey(c.WeekKey):d MMM yyyy}{(c.IsLate ? " (late)" : "")}",
                // The member's own words as typed: "[x](url)" or "**y**" stay text, as in the group's digest.
                $"**Done:** {UserText.Escape(c.Done)}\n**Next:** {UserText.Escape(c.Next)}" +
                (string.IsNullOrWhiteSpace(c.Blockers) ? "" : $"\n**Blockers:** {UserText.Escape(c.Blockers)}") +
                (c.Steps.Count > 0 ? $"\n**Steps:** {string.Join(", ", c.Steps.Select(s => $"`{s}`"))}" : "")));
        }

        if (sections.Count == 0)
        {
            sections.Add(new ReplySection(null, "You have no check-ins yet. `/checkin` opens this week's form."));
        }

        return new BotReply
        {
            Title = "Your check-ins",
            Sections = sections,
            Fields = fields,
            IsPrivate = true,
        };
    }

    private static string Week(CheckInWeek week) => CheckInCalendar.ParseKey(week.Key).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string Clip45(string label) => label.Length <= 45 ? label : label[..44] + "…";
}
