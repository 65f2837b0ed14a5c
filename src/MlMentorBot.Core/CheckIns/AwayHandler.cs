using System.Globalization;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// <c>/away weeks:N</c> or <c>/away until:YYYY-MM-DD</c>: marks the member away, starting with the week still open (else the
/// next one), in the named group or in all their groups of the workspace. Away weeks keep the streak and keep the member out of
/// reminders and "not checked in" lists. <c>weeks:0</c> cancels away weeks from now on.
/// </summary>
internal sealed class AwayHandler(StudyGroupStore groups, CheckInStore store, GroupLookup lookup, TimeProvider time) : ICommandHandler
{
    /// <summary>Longest absence one command records, in weeks.</summary>
    public const int MaxWeeks = 26;

    public string CommandName => "away";

    public async Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var weeksText = request.Option("weeks");
        var untilText = request.Option("until");
        DateOnly? until = null;
        if (untilText is not null)
        {
            if (!DateOnly.TryParseExact(untilText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return BotReply.Problem("Which date?", $"`{untilText}` is not a date; write it as YYYY-MM-DD, e.g. `/away until:2026-12-31`.");
            }

            until = date;
        }
        else if (weeksText is null)
        {
            return BotReply.Problem("How long are you away?", "Say `/away weeks:2` (this week and the next), `/away until:2026-12-31`, or `/away weeks:0` to cancel.");
        }

        IReadOnlyList<StudyGroup> targets;
        if (request.Option("group") is { } name)
        {
            var (context, problem) = await lookup.FindAsync(request, name, cancellationToken);
            if (context is null)
            {
                return problem!;
            }

            if (context.Member is null)
            {
                return BotReply.Problem("Not in that group", $"You are not in **{context.Group.Name}**.");
            }

            targets = [context.Group];
        }
        else
        {
            targets = (await groups.ListForMemberAsync(request.Member, cancellationToken)).Where(g => g.IsIn(request.Member)).ToList();
            if (targets.Count == 0)
            {
                return BotReply.Problem("You are not in a study group", "Away weeks apply to study groups; see `/group list`.");
            }
        }

        var now = time.GetUtcNow();
        var lines = new List<string>();
        foreach (var group in targets)
        {
            var member = (await groups.GetMemberAsync(group.Id, request.Member, cancellationToken))!;
            var current = CheckInCalendar.Current(group.Schedule, now);
            var first = now < current.ClosesAt ? current : CheckInCalendar.Shift(group.Schedule, current, 1);
            if (weeksText == "0" && until is null)
            {
                var cleared = await store.ClearAwayAsync(group.Id, member.MemberId, first.Key, cancellationToken);
                lines.Add($"- **{group.Name}**: {(cleared == 0 ? "you were not marked away" : $"cancelled {cleared} away week{(cleared == 1 ? "" : "s")}")}.");
                continue;
            }

            var keys = Enumerable.Range(0, MaxWeeks)
                .Select(i => CheckInCalendar.ParseKey(first.Key).AddDays(7 * i))
                .TakeWhile((date, i) => until is { } u ? date <= u : i < int.Parse(weeksText!, CultureInfo.InvariantCulture))
                .Select(CheckInCalendar.FormatKey)
                .ToList();
            if (keys.Count == 0)
            {
                lines.Add($"- **{group.Name}**: no check-in falls before {until:yyyy-MM-dd} (the next opens {CheckInCalendar.Describe(first.OpensAt, group.Schedule.TimeZoneId)}).");
                continue;
            }

            await store.SetAwayAsync(group.Id, member.MemberId, keys, cancellationToken);
            lines.Add($"- **{group.Name}**: away for {keys.Count} week{(keys.Count == 1 ? "" : "s")} — {string.Join(", ", keys.Select(k => CheckInCalendar.ParseKey(k).ToString("d MMM", CultureInfo.InvariantCulture)))}.");
        }

        return new BotReply
        {
            Title = weeksText == "0" && until is null ? "Welcome back" : "Marked away",
            Sections =
            [
                new ReplySection(null, string.Join("\n", lines)),
                new ReplySection(null, "Away weeks keep your streak, and you are left out of reminders and the \"not checked in\" list. Checking in anyway is fine."),
            ],
            IsPrivate = true,
            Tone = ReplyTone.Success,
        };
    }
}
