using System.Threading.RateLimiting;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// Keeps one connection under Discord's 120 events per 60 s (exceeding it disconnects at once; repeat offenders lose API
/// access). Heartbeats may use the whole budget; everything else stops 10 short, as Discord.Net does, so a heartbeat always fits:
/// every send takes a permit from the whole-budget window, and non-heartbeats also from a window 10 smaller.
/// Both are <see cref="SlidingWindowRateLimiter"/>s. They run on real time: the limiters check the elapsed Stopwatch time
/// even when replenished by hand, so a <see cref="TimeProvider"/> cannot drive them.
/// https://discord.com/developers/docs/events/gateway#rate-limiting
/// </summary>
internal sealed class GatewaySendLimiter : IDisposable
{
    private const int HeartbeatReserve = 10;
    private const int Segments = 12; // a freed permit comes back within 1/12 of the window (5 s of Discord's 60 s)
    private readonly SlidingWindowRateLimiter _all;
    private readonly SlidingWindowRateLimiter _others;

    public GatewaySendLimiter(int limit, TimeSpan window)
    {
        _all = Window(limit, window);
        _others = Window(Math.Max(1, limit - HeartbeatReserve), window);
    }

    public async Task WaitAsync(bool isHeartbeat, CancellationToken cancellationToken)
    {
        if (!isHeartbeat)
        {
            using var other = await _others.AcquireAsync(1, cancellationToken);
            EnsureAcquired(other);
        }

        using var any = await _all.AcquireAsync(1, cancellationToken);
        EnsureAcquired(any);
    }

    public void Dispose()
    {
        _all.Dispose();
        _others.Dispose();
    }

    private static void EnsureAcquired(RateLimitLease lease)
    {
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The Gateway send queue is full; too many events are waiting for the rate limit.");
        }
    }

    private static SlidingWindowRateLimiter Window(int limit, TimeSpan window) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = limit,
        Window = window,
        SegmentsPerWindow = Segments,
        AutoReplenishment = true,
        QueueLimit = 1000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });
}
