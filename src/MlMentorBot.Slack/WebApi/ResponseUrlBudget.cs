using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using MlMentorBot.Core;

namespace MlMentorBot.Slack.WebApi;

/// <summary>
/// Counts uses of each <c>response_url</c>: Slack accepts "up to 5 times within 30 minutes of the user's invocation"
/// (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses). Past that the caller falls back to
/// chat.postMessage / chat.postEphemeral. Each URL gets a 5-permit <see cref="FixedWindowRateLimiter"/> that never replenishes
/// (the URL dies before a second window could start), kept in a size-bounded <see cref="MemoryCache"/> for twice the URL's
/// lifetime so a late use is still recognised as late rather than as a new URL.
/// </summary>
internal sealed class ResponseUrlBudget(TimeProvider time) : IDisposable
{
    public const int MaxUses = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 50_000, Clock = new TimeProviderClock(time) });
    private readonly Lock _gate = new();

    private sealed record Entry(DateTimeOffset FirstSeen, RateLimiter Uses);

    /// <summary>
    /// Starts the 30-minute clock for a URL at <paramref name="invokedAt"/> (UTC), when its interaction arrived. A URL that is
    /// already known keeps its first time. Callers register only a URL an answer may still go to: a slash command answered
    /// in its acknowledgement never uses its URL, and skipping it spares every such request a cache entry and a rate limiter.
    /// </summary>
    public void Register(string responseUrl, DateTimeOffset invokedAt) => GetOrAdd(responseUrl, invokedAt);

    /// <summary>Takes one use; false when the URL has been used 5 times or is older than 30 minutes.</summary>
    public bool TryUse(string responseUrl)
    {
        var entry = GetOrAdd(responseUrl, time.GetUtcNow());
        if (time.GetUtcNow() - entry.FirstSeen > Lifetime)
        {
            return false;
        }

        using var lease = entry.Uses.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose() => _entries.Dispose();

    private Entry GetOrAdd(string responseUrl, DateTimeOffset firstSeen)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(responseUrl, out Entry? entry))
            {
                return entry!;
            }

            entry = new Entry(firstSeen, new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = MaxUses,
                Window = Lifetime,
                AutoReplenishment = false,
                QueueLimit = 0,
            }));
            var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime * 2, Size = 1 };
            options.RegisterPostEvictionCallback(static (_, value, _, _) => ((Entry)value!).Uses.Dispose());
            _entries.Set(responseUrl, entry, options);
            return entry;
        }
    }
}
