using Microsoft.Extensions.Caching.Memory;
using MlMentorBot.Core;

namespace MlMentorBot.Slack.Inbound;

/// <summary>
/// Remembers event ids for an hour so a redelivery is acknowledged but not handled twice. Dedupe on receipt, not on completion,
/// because Slack retries after an <c>http_timeout</c> while the first attempt may still be running
/// (https://docs.slack.dev/apis/events-api/#retries: retries come at once, after 1 minute and after 5 minutes).
/// The ids live in a size-bounded <see cref="MemoryCache"/> on the host's clock.
/// </summary>
internal sealed class EventDeduplicator(TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 100_000, Clock = new TimeProviderClock(time) });
    private readonly Lock _gate = new();

    /// <summary>True the first time an id is seen within the last hour.</summary>
    public bool IsFirstDelivery(string eventId)
    {
        lock (_gate) // check and add as one step: Slack's immediate retry can race the first delivery
        {
            if (_seen.TryGetValue(eventId, out _))
            {
                return false;
            }

            _seen.Set(eventId, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Memory, Size = 1 });
            return true;
        }
    }

    public void Dispose() => _seen.Dispose();
}
