using MlMentorBot.Core.Messaging;

namespace MlMentorBot.Slack.WebApi;

/// <summary>
/// Spaces the bot's messages to one channel by an interval (default 1 s): chat.postMessage "generally allows posting one
/// message per second per channel" (https://docs.slack.dev/apis/web-api/rate-limits). Callers are given consecutive slots, so
/// a burst is queued rather than rejected, up to <see cref="Capacity"/> posts per channel; past that
/// <see cref="ChannelBusyException"/> says so at once instead of growing a queue of minutes. At shutdown <see cref="Drain"/>
/// lets every queued post go at once (Slack's 429 + Retry-After handling then paces them) instead of dropping them.
/// </summary>
internal sealed class ChannelPacer(TimeProvider time, TimeSpan interval, int capacity = ChannelPacer.DefaultCapacity)
{
    /// <summary>Posts one channel may have waiting: 100 at one a second is the better part of two minutes.</summary>
    public const int DefaultCapacity = 100;

    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _drain = new();

    /// <summary>Posts one channel may have waiting before <see cref="ChannelBusyException"/>.</summary>
    public int Capacity => capacity;

    /// <summary>
    /// Completes when <paramref name="channel"/>'s turn comes. Throws <see cref="ChannelBusyException"/> when the channel already
    /// has <see cref="Capacity"/> posts waiting, and <see cref="OperationCanceledException"/> when the caller gives up.
    /// </summary>
    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        if (_drain.IsCancellationRequested)
        {
            return;
        }

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
            var queued = (int)Math.Ceiling((slot - now) / interval);
            if (queued >= capacity)
            {
                throw new ChannelBusyException(channel, queued);
            }

            _nextSlot[channel] = slot + interval;
        }

        var wait = slot - now;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _drain.Token);
        try
        {
            await Task.Delay(wait, time, linked.Token);
        }
        catch (OperationCanceledException) when (_drain.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Shutting down: go now rather than be dropped.
        }
    }

    /// <summary>Releases every waiting post and stops pacing; called once the host starts to stop.</summary>
    public void Drain() => _drain.Cancel();
}
