using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using MlMentorBot.Core;

namespace MlMentorBot.Slack.WebApi;

/// <summary>
/// Counts uses of each <c>response_url</c>: Slack accepts "up to 5 times within 30 minutes of the user's invocation"
/// (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses). Past that the caller falls back to
/// chat.postMessage / chat.postEphemeral. Each URL gets a 5-permit <see cref="FixedWindowRateLimiter"/> that never replenishes
/// (the URL dies before a second window could start), kept in a size-bounded <see cref="MemoryCache"/> for twice the URL's
/// lifetime so a late use is still recognised as late rather than as a new URL. Only answers that miss the acknowledgement
/// register their URL (most slash commands are answered in the ack and never use it), and the limiter is made on the first
/// use (issue 10: with every command's URL kept for an hour, the limiters were most of this map's memory).
/// </summary>
internal sealed class ResponseUrlBudget(TimeProvider time) : IDisposable
{
    public const int MaxUses = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 50_000, Clock = new TimeProviderClock(time) });
    private readonly Lock _gate = new();

    /// <summary>When the URL was first seen, and its use counter once it has been used; both guarded by <see cref="_gate"/>.</summary>
    private sealed class Entry(DateTimeOffset firstSeen)
    {
        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public RateLimiter? Uses { get; set; }
    }

    /// <summary>
    /// Starts the 30-minute clock for a URL at <paramref name="invokedAt"/> (UTC), when its interaction arrived. A URL that is
    /// already known keeps its first time. Callers register only a URL an answer may still go to: a slash command answered
    /// in its acknowledgement never uses its URL, and skipping it spares every such request a cache entry.
    /// </summary>
    public void Register(string responseUrl, DateTimeOffset invokedAt)
    {
        lock (_gate)
        {
            GetOrAdd(responseUrl, invokedAt);
        }
    }

    /// <summary>Takes one use; false when the URL has been used 5 times or is older than 30 minutes.</summary>
    public bool TryUse(string responseUrl)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var entry = GetOrAdd(responseUrl, now);
            if (now - entry.FirstSeen > Lifetime)
            {
                return false;
            }

            entry.Uses ??= new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = MaxUses,
                Window = Lifetime,
                AutoReplenishment = false,
                QueueLimit = 0,
            });
            using var lease = entry.Uses.AttemptAcquire();
            return lease.IsAcquired;
        }
    }

    public void Dispose() => _entries.Dispose();

    /// <summary>The URL's entry, added with <paramref name="firstSeen"/> if new; the caller holds <see cref="_gate"/>.</summary>
    private Entry GetOrAdd(string responseUrl, DateTimeOffset firstSeen)
    {
        if (_entries.TryGetValue(responseUrl, out Entry? entry))
        {
            return entry!;
        }

        entry = new Entry(firstSeen);
        var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime * 2, Size = 1 };
        options.RegisterPostEvictionCallback(static (_, value, _, _) => ((Entry)value!).Uses?.Dispose());
        _entries.Set(responseUrl, entry, options);
        return entry;
    }
}
