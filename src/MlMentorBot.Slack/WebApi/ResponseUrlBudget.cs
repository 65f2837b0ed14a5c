using System.Collections.Concurrent;

namespace MlMentorBot.Slack.WebApi;

/// <summary>
/// Counts uses of each <c>response_url</c>: Slack accepts "up to 5 times within 30 minutes of the user's invocation"
/// (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses). Past that the caller falls back to
/// chat.postMessage / chat.postEphemeral.
/// </summary>
internal sealed class ResponseUrlBudget(TimeProvider time)
{
    public const int MaxUses = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed class Entry(DateTimeOffset firstSeen)
    {
        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public int Uses;
    }

    /// <summary>Starts the 30-minute clock for a URL when its interaction arrives.</summary>
    public void Register(string responseUrl)
    {
        var now = time.GetUtcNow();
        if (_entries.Count > 10_000)
        {
            foreach (var old in _entries.Where(e => now - e.Value.FirstSeen > Lifetime))
            {
                _entries.TryRemove(old.Key, out _);
            }
        }

        _entries.TryAdd(responseUrl, new Entry(now));
    }

    /// <summary>Takes one use; false when the URL has been used 5 times or is older than 30 minutes.</summary>
    public bool TryUse(string responseUrl)
    {
        var now = time.GetUtcNow();
        var entry = _entries.GetOrAdd(responseUrl, _ => new Entry(now));
        if (now - entry.FirstSeen > Lifetime)
        {
            return false;
        }

        return Interlocked.Increment(ref entry.Uses) <= MaxUses;
    }
}
