using MlMentorBot.Discord.Gateway;

namespace MlMentorBot.Tests.Discord;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task Other_events_stop_short_of_the_limit_so_heartbeats_still_fit()
    {
        var limiter = new GatewaySendLimiter(TimeProvider.System, limit: 12, window: TimeSpan.FromMilliseconds(600));
        await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
        await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);

        var third = limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
        var heartbeat = limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);
        await Task.Delay(100);

        Assert.True(heartbeat.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted); // 12 - 10 reserved = 2 non-heartbeat events per window
        await third.WaitAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Heartbeats_wait_too_once_the_whole_budget_is_spent()
    {
        var limiter = new GatewaySendLimiter(TimeProvider.System, limit: 3, window: TimeSpan.FromMilliseconds(500));
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);
        }

        var started = DateTime.UtcNow;
        await limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(400));
    }
}
