namespace MlMentorBot.Core.Commands;

/// <summary>"Did you mean" suggestions by Damerau–Levenshtein (optimal string alignment) distance, case-insensitive.</summary>
internal static class CloseMatches
{
    /// <summary>
    /// Returns up to <paramref name="max"/> candidates within a distance that grows with the word's length
    /// (1 for ≤ 4 characters, 2 for ≤ 8, 3 beyond), nearest first; candidates that start with <paramref name="typed"/> count as distance 0.
    /// </summary>
    public static IReadOnlyList<string> Find(string typed, IEnumerable<string> candidates, int max = 3)
    {
        var word = typed.Trim().ToLowerInvariant();
        if (word.Length == 0)
        {
            return [];
        }

        var allowed = word.Length <= 4 ? 1 : word.Length <= 8 ? 2 : 3;
        return candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Candidate: c, Distance: c.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(word, c.ToLowerInvariant())))
            .Where(x => x.Distance <= allowed)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Candidate)
            .ToList();
    }

    /// <summary>
    /// The one way every reply offers close matches: <c> Did you mean `a` or `b`?</c> with a leading space, ready to follow
    /// a sentence; empty when there is nothing to suggest. <paramref name="quote"/> wraps each suggestion (Markdown code by
    /// default; knowledge problems use <c>'</c>).
    /// </summary>
    public static string DidYouMean(IEnumerable<string> suggestions, string quote = "`")
    {
        var list = suggestions.ToList();
        return list.Count == 0 ? "" : $" Did you mean {string.Join(" or ", list.Select(s => quote + s + quote))}?";
    }

    /// <summary>
    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. Keeps three rows
    /// of the table, on the stack for words up to 64 letters: /ask measures every unknown word against its first letter's
    /// vocabulary, and a whole table per pair had been most of that cost (round 31).
    /// </summary>
    public static int Distance(string a, string b)
    {
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 192 ? stackalloc int[width * 3] : new int[width * 3];
        // The row being filled, the one before it and the one before that, turned round after each row.
        var before = rows.Slice(0, width);
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            var oldest = before;
            before = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }
}
