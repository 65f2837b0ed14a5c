using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace MlMentorBot.Discord.Rest;

/// <summary>
/// Client-side view of Discord's rate limits, learnt from response headers rather than hard-coded
/// (https://discord.com/developers/docs/topics/rate-limits): routes map to the <c>X-RateLimit-Bucket</c> they report, buckets
/// are scoped by the route's major parameter, a request waits while its bucket has no <c>Remaining</c> before
/// <c>Reset-After</c>, and a global 429 pauses everything. Relative times (<c>Reset-After</c>, <c>retry_after</c>) are used, not
/// the wall-clock <c>Reset</c>, so a skewed clock cannot cause 429s (discord-api-docs #2132).
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    /// <summary>Discord's global limit is 50 requests/s per bot; interaction routes are exempt.</summary>
    private const int GlobalPerSecond = 50;

    private readonly ConcurrentDictionary<string, string> _bucketByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private long _globalPausedUntil;
    private long _windowStart;
    private int _windowCount;

    /// <summary>Waits until <paramref name="route"/> may be sent and returns its bucket, held until <see cref="Bucket.Release"/>.</summary>
    public async Task<Bucket> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var bucket = GetBucket(route);
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var wait = bucket.WaitNeeded(time);
                if (!route.IsInteraction)
                {
                    wait = Max(wait, GlobalWaitNeeded());
                }

                if (wait <= TimeSpan.Zero)
                {
                    return bucket;
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch
        {
            bucket.Release();
            throw;
        }
    }

    /// <summary>Records the limits a response reported for <paramref name="route"/>.</summary>
    public void Update(DiscordRoute route, Bucket bucket, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { } hash)
        {
            _bucketByRoute[route.Key] = hash;
            // Later requests on this route go to the shared bucket; carry the state over so nothing is forgotten.
            var shared = _buckets.GetOrAdd(BucketKey(hash, route), _ => bucket);
            if (!ReferenceEquals(shared, bucket))
            {
                shared.CopyLimitsFrom(bucket);
            }
        }

        if (Header(headers, "X-RateLimit-Remaining") is { } remaining && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            && Header(headers, "X-RateLimit-Reset-After") is { } resetAfter && double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            var target = _bucketByRoute.TryGetValue(route.Key, out var h) ? _buckets.GetOrAdd(BucketKey(h, route), _ => bucket) : bucket;
            target.Set(left, time.GetTimestamp() + Ticks(TimeSpan.FromSeconds(seconds)));
            if (!ReferenceEquals(target, bucket))
            {
                bucket.Set(left, time.GetTimestamp() + Ticks(TimeSpan.FromSeconds(seconds)));
            }
        }
    }

    /// <summary>A 429 on one bucket: nothing more on it until <paramref name="retryAfter"/> has passed.</summary>
    public void PauseBucket(Bucket bucket, TimeSpan retryAfter) =>
        bucket.Set(0, time.GetTimestamp() + Ticks(retryAfter));

    /// <summary>A global 429 (<c>X-RateLimit-Global: true</c>): pause every non-interaction request.</summary>
    public void PauseGlobally(TimeSpan retryAfter)
    {
        lock (_globalLock)
        {
            _globalPausedUntil = Math.Max(_globalPausedUntil, time.GetTimestamp() + Ticks(retryAfter));
        }
    }

    private Bucket GetBucket(DiscordRoute route) =>
        _bucketByRoute.TryGetValue(route.Key, out var hash)
            ? _buckets.GetOrAdd(BucketKey(hash, route), _ => new Bucket())
            : _buckets.GetOrAdd("route:" + route.Key, _ => new Bucket());

    private static string BucketKey(string hash, DiscordRoute route) => $"{hash}:{route.MajorParameter}";

    private TimeSpan GlobalWaitNeeded()
    {
        lock (_globalLock)
        {
            var now = time.GetTimestamp();
            if (now < _globalPausedUntil)
            {
                return time.GetElapsedTime(now, _globalPausedUntil);
            }

            var second = Ticks(TimeSpan.FromSeconds(1));
            if (now - _windowStart >= second)
            {
                _windowStart = now;
                _windowCount = 0;
            }

            if (_windowCount >= GlobalPerSecond)
            {
                return time.GetElapsedTime(now, _windowStart + second);
            }

            _windowCount++;
            return TimeSpan.Zero;
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>One rate-limit bucket. Requests on it run one at a time, so <c>Remaining</c> is never overdrawn.</summary>
    internal sealed class Bucket
    {
        private readonly Lock _lock = new();
        private int _remaining = 1;
        private long _resetAt;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public void Release() => Gate.Release();

        public void Set(int remaining, long resetAt)
        {
            lock (_lock)
            {
                _remaining = remaining;
                _resetAt = resetAt;
            }
        }

        public void CopyLimitsFrom(Bucket other)
        {
            lock (other._lock)
            {
                Set(other._remaining, other._resetAt);
            }
        }

        public TimeSpan WaitNeeded(TimeProvider time)
        {
            lock (_lock)
            {
                var now = time.GetTimestamp();
                if (_remaining > 0 || now >= _resetAt)
                {
                    if (now >= _resetAt && _remaining == 0)
                    {
                        _remaining = 1; // the window reset; the next response tells us the real figure
                    }

                    _remaining--;
                    return TimeSpan.Zero;
                }

                return time.GetElapsedTime(now, _resetAt);
            }
        }
    }
}
