using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MlMentorBot.Tests.Hosting;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also notes every wait started on it (each timer's due time), so a test can move the
/// clock exactly to the next wait: a 7 s <c>Retry-After</c> then takes no real time, and "not before" is checked by advancing
/// to just short of it instead of sleeping.
/// </summary>
internal sealed class ObservedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public ObservedTimeProvider()
        : this(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000))
    {
    }

    /// <summary>Every due time asked for, in order.</summary>
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero)
        {
            Delays.Enqueue(dueTime);
            _waits.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next wait started (or already started and not yet taken); fails after 10 real seconds.</summary>
    public async Task<TimeSpan> NextWaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _waits.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Lets <paramref name="work"/> run, advancing the clock by each wait it starts, until it finishes.</summary>
    public async Task<T> RunAsync<T>(Task<T> work)
    {
        await DriveAsync(work);
        return await work;
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public async Task RunAsync(Task work)
    {
        await DriveAsync(work);
        await work;
    }

    private async Task DriveAsync(Task work)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!work.IsCompleted)
        {
            var waiting = _waits.Reader.WaitToReadAsync(timeout.Token).AsTask();
            await Task.WhenAny(work, waiting);
            if (!work.IsCompleted && _waits.Reader.TryRead(out var due))
            {
                Advance(due);
            }
        }
    }
}
