using Microsoft.Extensions.Internal;

namespace MlMentorBot.Core;

/// <summary>
/// Lets a <c>MemoryCache</c> expire entries on the host's <see cref="TimeProvider"/> (<c>MemoryCacheOptions.Clock</c> still
/// takes the older <see cref="ISystemClock"/>), so expiry follows the same clock as everything else and tests can advance it.
/// </summary>
public sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    /// <summary>The provider's current time, UTC.</summary>
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
