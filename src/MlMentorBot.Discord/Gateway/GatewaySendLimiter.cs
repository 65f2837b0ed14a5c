namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// Keeps one connection under Discord's 120 events per 60 s (exceeding it disconnects at once; repeat offenders lose API
/// access). Heartbeats may use the whole budget; everything else stops 10 short, as Discord.Net does, so a heartbeat always fits.
/// https://discord.com/developers/docs/events/gateway#rate-limiting
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time, int limit, TimeSpan window)
{
    private const int HeartbeatReserve = 10;
    private readonly Queue<long> _sent = new();
    private readonly Lock _lock = new();

    public async Task WaitAsync(bool isHeartbeat, CancellationToken cancellationToken)
    {
        var allowed = isHeartbeat ? limit : Math.Max(1, limit - HeartbeatReserve);
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetTimestamp();
                while (_sent.Count > 0 && time.GetElapsedTime(_sent.Peek(), now) >= window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < allowed)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = window - time.GetElapsedTime(_sent.ElementAt(_sent.Count - allowed), now);
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, cancellationToken);
        }
    }
}
