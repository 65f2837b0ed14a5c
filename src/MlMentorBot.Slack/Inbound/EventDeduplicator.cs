using System.Collections.Concurrent;

namespace MlMentorBot.Slack.Inbound;

/// <summary>
/// Remembers event ids for an hour so a redelivery is acknowledged but not handled twice. Dedupe on receipt, not on completion,
/// because Slack retries after an <c>http_timeout</c> while the first attempt may still be running
/// (https://docs.slack.dev/apis/events-api/#retries: retries come at once, after 1 minute and after 5 minutes).
/// </summary>
internal sealed class EventDeduplicator(TimeProvider time)
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>True the first time an id is seen within the last hour.</summary>
    public bool IsFirstDelivery(string eventId)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + TimeSpan.FromMinutes(5);
            foreach (var old in _seen.Where(e => now - e.Value > Memory))
            {
                _seen.TryRemove(old.Key, out _);
            }
        }

        return _seen.TryAdd(eventId, now);
    }
}
