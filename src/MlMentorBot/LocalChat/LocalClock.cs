namespace MlMentorBot.LocalChat;

/// <summary>
/// The local chat's clock: real time, shifted to start at <see cref="LocalChatOptions.Now"/> when that is set, and moved by the
/// chat's <c>/clock</c> command so a member can watch a week of check-ins (prompt, reminder, digest) in minutes.
/// Timers stay on real time; only "now" moves.
/// </summary>
public sealed class LocalClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Starts at <paramref name="startAt"/> (any offset; null: the real time now) and runs at real speed from there.</summary>
    public LocalClock(DateTimeOffset? startAt = null)
    {
        if (startAt is { } start)
        {
            _offsetTicks = (start - System.GetUtcNow()).Ticks;
        }
    }

    /// <summary>The real UTC time plus the accumulated shift.</summary>
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Shifts "now" by <paramref name="delta"/>; thread-safe. A negative delta moves it back, which <see cref="TrySet"/> never does.</summary>
    public void Advance(TimeSpan delta) => Interlocked.Add(ref _offsetTicks, delta.Ticks);

    /// <summary>Moves the clock to <paramref name="instant"/>; returns false (and stays) when that is in the past.</summary>
    public bool TrySet(DateTimeOffset instant)
    {
        var delta = instant - GetUtcNow();
        if (delta < TimeSpan.Zero)
        {
            return false; // the schedule assumes time only moves forward
        }

        Advance(delta);
        return true;
    }
}
