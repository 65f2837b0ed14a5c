namespace MlMentorBot.Slack.WebApi;

/// <summary>
/// Spaces the bot's messages to one channel by an interval (default 1 s): chat.postMessage "generally allows posting one
/// message per second per channel" (https://docs.slack.dev/apis/web-api/rate-limits). Callers are given consecutive slots,
/// so a burst is queued rather than rejected.
/// </summary>
internal sealed class ChannelPacer(TimeProvider time, TimeSpan interval)
{
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset slot;
        lock (_gate)
        {
            if (_nextSlot.Count > 10_000)
            {
                foreach (var stale in _nextSlot.Where(p => p.Value < now).Select(p => p.Key).ToList())
                {
                    _nextSlot.Remove(stale);
                }
            }

            slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextSlot[channel] = slot + interval;
        }

        var wait = slot - now;
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, cancellationToken);
    }
}
