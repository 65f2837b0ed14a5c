using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MlMentorBot.Core.Messaging;

/// <summary>
/// Holds the host's shutdown until one adapter's <see cref="ChannelPacer"/> has sent what it had queued, bounded by the host's
/// shutdown timeout (the token <see cref="StopAsync"/> is given), so answers already computed are not lost on a restart
/// (issue 13 item 7). Posts whose callers gave up (the check-in scheduler's, at shutdown) are skipped: they stay pending in
/// SQLite and go on the next run.
/// </summary>
public sealed partial class ChannelPacerDrain(ChannelPacer pacer, string platform, ILogger<ChannelPacerDrain> logger) : IHostedService
{
    /// <summary>The platform whose pacer this drains (<c>slack</c>, <c>discord</c>).</summary>
    public string Platform { get; } = platform;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends what is queued until <paramref name="cancellationToken"/> (the host's shutdown timeout) fires; logs what was left.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var left = await pacer.DrainAsync(cancellationToken);
        if (left > 0)
        {
            LogLeftQueued(Platform, left);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timeout reached with {Count} {Platform} channel posts still queued; they were not sent")]
    private partial void LogLeftQueued(string platform, int count);
}

/// <summary>Registers an adapter's <see cref="ChannelPacer"/>, keyed by platform, and its <see cref="ChannelPacerDrain"/>.</summary>
public static class ChannelPacerSetup
{
    /// <summary>
    /// Adds a singleton <see cref="ChannelPacer"/> under the key <paramref name="platform"/> (resolve it with
    /// <c>GetRequiredKeyedService&lt;ChannelPacer&gt;(platform)</c> or <c>[FromKeyedServices]</c>), spacing posts by
    /// <paramref name="interval"/>, and a hosted service that drains it when the host stops.
    /// </summary>
    public static IServiceCollection AddChannelPacer(this IServiceCollection services, string platform, Func<IServiceProvider, TimeSpan> interval)
    {
        services.AddKeyedSingleton(platform, (sp, _) => new ChannelPacer(sp.GetRequiredService<TimeProvider>(), interval(sp)));
        // Not AddHostedService: it would keep one drain per implementation type, and each adapter has its own pacer.
        services.AddSingleton<IHostedService>(sp => new ChannelPacerDrain(
            sp.GetRequiredKeyedService<ChannelPacer>(platform), platform, sp.GetRequiredService<ILogger<ChannelPacerDrain>>()));
        return services;
    }
}
