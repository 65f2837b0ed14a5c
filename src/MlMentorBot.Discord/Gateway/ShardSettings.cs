using System.Globalization;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// <c>Discord:ShardCount</c> and <c>Discord:ShardIds</c> parsed: how many shards the bot has in all (<see cref="Count"/>, null
/// for <c>auto</c>: take <c>/gateway/bot</c>'s recommended <c>shards</c>) and which of them this process runs (<see cref="Ids"/>,
/// null for all of them). Parsed once by the options validator, which reports <see cref="Problems"/>, and again by the Gateway
/// service. https://discord.com/developers/docs/events/gateway#sharding
/// </summary>
internal sealed record ShardSettings(int? Count, IReadOnlyList<int>? Ids)
{
    /// <summary>The word that asks Discord for the shard count.</summary>
    public const string Auto = "auto";

    /// <summary>More shard ids than this in one process is a typo (Discord gives one shard per 1,000 guilds or so).</summary>
    private const int MaxShards = 65_536;

    /// <summary>One line per invalid value, naming the setting; empty when both are usable.</summary>
    public static IReadOnlyList<string> Problems(string? shardCount, string? shardIds) => Parse(shardCount, shardIds).Problems;

    /// <summary>The parsed settings.</summary>
    /// <exception cref="FormatException">A value is invalid (the options validator reports it at start-up first).</exception>
    public static ShardSettings From(string? shardCount, string? shardIds)
    {
        var (settings, problems) = Parse(shardCount, shardIds);
        return settings ?? throw new FormatException(string.Join(" ", problems));
    }

    /// <summary>
    /// The shard count and this process's shard ids once <paramref name="recommended"/> (<c>/gateway/bot</c>'s <c>shards</c>)
    /// is known; ids ascending.
    /// </summary>
    public (int Count, IReadOnlyList<int> Ids) Resolve(int recommended)
    {
        var count = Count ?? Math.Max(1, recommended);
        return (count, Ids ?? Enumerable.Range(0, count).ToList());
    }

    private static (ShardSettings? Settings, List<string> Problems) Parse(string? shardCount, string? shardIds)
    {
        var problems = new List<string>();
        int? count = null;
        var countText = (shardCount ?? "").Trim();
        if (countText.Length == 0)
        {
            count = 1;
        }
        else if (!countText.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            if (int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxShards)
            {
                count = n;
            }
            else
            {
                problems.Add($"Discord:ShardCount is '{countText}', which is neither a whole number from 1 to {MaxShards} nor auto.");
            }
        }

        List<int>? ids = null;
        var idsText = (shardIds ?? "").Trim();
        if (idsText.Length > 0)
        {
            ids = ParseIds(idsText, problems);
            if (ids is not null && countText.Equals(Auto, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("Discord:ShardIds cannot be used with Discord:ShardCount auto: auto only works when this process runs every shard. Give ShardCount as a number, or remove ShardIds.");
            }
            else if (ids is not null && count is { } total && ids.FirstOrDefault(id => id >= total, -1) is var outside and >= 0)
            {
                problems.Add($"Discord:ShardIds has shard {outside}, outside 0–{total - 1} for Discord:ShardCount {total} (shard ids start at 0).");
            }
        }

        return problems.Count == 0 ? (new ShardSettings(count, ids), problems) : (null, problems);
    }

    /// <summary>"0,1", "0-3" or "0-3,8"; ascending, each id once.</summary>
    private static List<int>? ParseIds(string text, List<string> problems)
    {
        var ids = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2 || !bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                problems.Add($"Discord:ShardIds is '{text}': give shard ids separated by commas (0,1) or a range (0-3).");
                return null;
            }

            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (last < first || last >= MaxShards)
            {
                problems.Add($"Discord:ShardIds has the range '{part}', which is empty or beyond {MaxShards - 1}; write it low-high, e.g. 0-3.");
                return null;
            }

            for (var id = first; id <= last; id++)
            {
                if (!ids.Add(id))
                {
                    problems.Add($"Discord:ShardIds lists shard {id} twice.");
                    return null;
                }
            }
        }

        return [.. ids];
    }
}
