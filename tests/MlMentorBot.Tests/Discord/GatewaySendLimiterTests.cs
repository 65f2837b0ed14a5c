using MlMentorBot.Discord.Gateway;

namespace MlMentorBot.Tests.Discord;

/// <summary>
/// System.Threading.RateLimiting's windows run on real time, so these use short windows; nothing sleeps to prove a send did not
/// happen: a send that must wait is checked as not yet complete at once, then awaited.
/// </summary>
public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task Other_events_stop_short_of_the_limit_so_heartbeats_still_fit()
    {
        using var limiter = new GatewaySendLimiter(limit: 12, window: TimeSpan.FromSeconds(1.2));
        await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
        await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);

        var third = limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
        var heartbeat = limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);

        Assert.True(heartbeat.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted); // 12 - 10 reserved = 2 non-heartbeat events per window
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Heartbeats_wait_too_once_the_whole_budget_is_spent()
    {
        using var limiter = new GatewaySendLimiter(limit: 3, window: TimeSpan.FromSeconds(1.2));
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);
        }

        var fourth = limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);

        Assert.False(fourth.IsCompleted);
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
