namespace MlMentorBot.Core.CheckIns;

/// <summary>A member's streak in one group: consecutive weeks with a check-in or an away week, now and at its longest.</summary>
public sealed record Streak(int Current, int Best)
{
    /// <summary>No check-in yet: both counts 0.</summary>
    public static readonly Streak None = new(0, 0);

    /// <summary>"🔥 3 (best 5)", or empty when there is no streak at all.</summary>
    public override string ToString() => Current == 0 && Best == 0 ? "" : $"🔥 {Current}" + (Best > Current ? $" (best {Best})" : "");
}

/// <summary>
/// Streak arithmetic over week keys (local dates in the group's time zone, so they sort in time order). Only weeks that ran
/// count: a paused week or one the bot was down for breaks nothing. An away week keeps the streak (and counts in it,
/// as issue #5 defines a streak). The week still open does not break a streak before the member has had their chance.
/// </summary>
internal static class Streaks
{
    /// <param name="ranWeeks">Keys of weeks the group ran (prompt posted or anyone checked in), sorted ascending (ordinal).</param>
    /// <param name="keptWeeks">Keys of weeks the member checked in or was away.</param>
    /// <param name="firstWeek">The member's first week (weeks before they joined are ignored).</param>
    /// <param name="currentWeek">The week as of which to compute (later keys are ignored).</param>
    /// <param name="isCurrentOpen">True while <paramref name="currentWeek"/>'s window is open.</param>
    public static Streak Compute(IReadOnlyList<string> ranWeeks, IReadOnlySet<string> keptWeeks, string firstWeek, string currentWeek, bool isCurrentOpen)
    {
        // Kept weeks are almost always weeks that ran; only then can the shared sorted list be walked as it is.
        IReadOnlyList<string> weeks = keptWeeks.All(k => Contains(ranWeeks, k))
            ? ranWeeks
            : ranWeeks.Concat(keptWeeks).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        int best = 0, run = 0;
        foreach (var week in weeks)
        {
            var order = string.CompareOrdinal(week, currentWeek);
            if (order > 0 || (order == 0 && isCurrentOpen && !keptWeeks.Contains(week)))
            {
                break; // later weeks, or the open week the member still has time for
            }

            var isKept = keptWeeks.Contains(week);
            if (!isKept && string.CompareOrdinal(week, firstWeek) < 0)
            {
                continue; // before they joined
            }

            run = isKept ? run + 1 : 0;
            best = Math.Max(best, run);
        }

        return new Streak(run, best);
    }

    private static bool Contains(IReadOnlyList<string> sorted, string key)
    {
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var order = string.CompareOrdinal(sorted[mid], key);
            if (order == 0)
            {
                return true;
            }

            (lo, hi) = order < 0 ? (mid + 1, hi) : (lo, mid - 1);
        }

        return false;
    }
}
