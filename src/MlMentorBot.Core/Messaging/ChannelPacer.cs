using System.Threading.Channels;

namespace MlMentorBot.Core.Messaging;

/// <summary>
/// One queue of bot posts per platform channel, shared by the Slack and Discord adapters (issue 13 item 7). Posts to one channel
/// go one at a time, in order, each starting at least <c>interval</c> after the previous one started (the first to an idle channel at once) (Slack: chat.postMessage
/// "generally allows posting one message per second per channel", https://docs.slack.dev/apis/web-api/rate-limits; Discord: zero,
/// since its per-channel buckets are learnt from response headers by the REST client). Each channel queues at most
/// <see cref="Capacity"/> posts behind the one being sent; past that <see cref="ChannelBusyException"/> says so at once instead
/// of growing a queue of minutes. A caller that gives up leaves its post unsent. <see cref="DrainAsync"/> (at host shutdown)
/// sends what is queued without spacing and waits for it.
/// </summary>
public sealed class ChannelPacer
{
    /// <summary>Posts one channel may have waiting: 100 at one a second is the better part of two minutes.</summary>
    public const int DefaultCapacity = 100;

    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _freeAt = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _draining = new();

    /// <param name="time">Clock for the spacing between posts.</param>
    /// <param name="interval">Least time between the starts of two posts to a channel; zero for none.</param>
    /// <param name="capacity">Posts one channel may have waiting behind the one being sent.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative interval or a capacity below 1.</exception>
    public ChannelPacer(TimeProvider time, TimeSpan interval, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _interval = interval;
        Capacity = capacity;
    }

    /// <summary>Posts one channel may have waiting behind the one being sent before <see cref="ChannelBusyException"/>.</summary>
    public int Capacity { get; }

    /// <summary>
    /// Queues <paramref name="post"/> for <paramref name="channel"/> and returns its result once it has run in turn. Throws
    /// <see cref="ChannelBusyException"/> at once when the channel already has <see cref="Capacity"/> posts waiting; the task
    /// is cancelled (and the post never runs) when <paramref name="cancellationToken"/> fires first, and carries whatever the
    /// post throws.
    /// </summary>
    public Task<T> RunAsync<T>(string channel, Func<CancellationToken, Task<T>> post, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var giveUp = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));

        async Task<bool> RunAsync()
        {
            using (giveUp)
            {
                if (done.Task.IsCompleted)
                {
                    return false;
                }

                try
                {
                    done.TrySetResult(await post(cancellationToken));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    done.TrySetCanceled(cancellationToken);
                }
                catch (Exception ex)
                {
                    done.TrySetException(ex);
                }

                return true;
            }
        }

        lock (_gate)
        {
            if (!_lanes.TryGetValue(channel, out var lane))
            {
                lane = new Lane(channel, Capacity) { FreeAt = _freeAt.Remove(channel, out var freeAt) ? freeAt : DateTimeOffset.MinValue };
                _lanes[channel] = lane;
                lane.Consumer = ConsumeAsync(lane);
            }

            if (!lane.Queue.Writer.TryWrite(RunAsync))
            {
                giveUp.Dispose();
                throw new ChannelBusyException(channel, lane.Queue.Reader.Count);
            }
        }

        return done.Task;
    }

    /// <summary>
    /// Stops spacing posts, lets every queued one go, and completes once all channels are empty, or when
    /// <paramref name="cancellationToken"/> (the host's shutdown timeout) fires. Returns how many posts were still queued then.
    /// Posts queued afterwards are still sent, unspaced.
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        await _draining.CancelAsync();
        while (true)
        {
            Task[] consumers;
            lock (_gate)
            {
                consumers = _lanes.Values.Select(l => l.Consumer).ToArray();
            }

            if (consumers.Length == 0)
            {
                return 0;
            }

            try
            {
                await Task.WhenAll(consumers).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                lock (_gate)
                {
                    return _lanes.Values.Sum(l => l.Queue.Reader.Count);
                }
            }
        }
    }

    private async Task ConsumeAsync(Lane lane)
    {
        await Task.Yield(); // never run a post on the stack of the caller that queued it
        while (true)
        {
            Func<Task<bool>>? next;
            lock (_gate)
            {
                // Removing the lane under the same lock writers take means a post is either read here or starts a new lane.
                if (!lane.Queue.Reader.TryRead(out next))
                {
                    _lanes.Remove(lane.Id);
                    Remember(lane);
                    return;
                }
            }

            var wait = lane.FreeAt - _time.GetUtcNow();
            if (wait > TimeSpan.Zero && !_draining.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(wait, _time, _draining.Token);
                }
                catch (OperationCanceledException)
                {
                    // Shutting down: the rest of the queue goes now rather than be dropped.
                }
            }

            var startedAt = _time.GetUtcNow();
            if (await next())
            {
                lane.FreeAt = startedAt + _interval;
            }
        }
    }

    /// <summary>Keeps when an emptied channel may be posted to again, so a post right after the queue ran dry still waits.</summary>
    private void Remember(Lane lane)
    {
        var now = _time.GetUtcNow();
        if (lane.FreeAt <= now)
        {
            return;
        }

        if (_freeAt.Count > 10_000)
        {
            foreach (var stale in _freeAt.Where(p => p.Value <= now).Select(p => p.Key).ToList())
            {
                _freeAt.Remove(stale);
            }
        }

        _freeAt[lane.Id] = lane.FreeAt;
    }

    private sealed class Lane(string channel, int capacity)
    {
        public string Id { get; } = channel;

        /// <summary>Bounded: a full queue refuses the write instead of growing (<see cref="BoundedChannelFullMode.Wait"/> + TryWrite).</summary>
        public Channel<Func<Task<bool>>> Queue { get; } = Channel.CreateBounded<Func<Task<bool>>>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        public Task Consumer { get; set; } = Task.CompletedTask;

        /// <summary>When the next post may start: the start of the last one plus the interval.</summary>
        public DateTimeOffset FreeAt { get; set; }
    }
}
