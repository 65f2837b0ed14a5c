using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Hosting;

/// <summary>Configuration section <c>Shutdown</c>: how a replica leaves a load balancer on SIGTERM (issue #11).</summary>
public sealed class ShutdownOptions
{
    /// <summary>
    /// After SIGTERM, how long <c>/health/ready</c> answers 503 while the bot still serves everything, in seconds, so a load
    /// balancer polling readiness takes the replica out of rotation before it stops accepting connections. Set it a little above
    /// the balancer's check interval times its failure threshold. Default 5; 0 skips the wait. The local chat (no platform
    /// adapter, nothing balances it) never waits.
    /// </summary>
    [Range(0, 300)]
    public int DrainDelaySeconds { get; set; } = 5;

    /// <summary>
    /// Then how long requests already in flight may take to finish (Kestrel's graceful shutdown) before they are cut, in seconds.
    /// The host's <c>ShutdownTimeout</c> is this plus <see cref="DrainDelaySeconds"/>. Default 30.
    /// </summary>
    [Range(1, 600)]
    public int GracefulTimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// Health endpoints with <c>Microsoft.Extensions.Diagnostics.HealthChecks</c>: <c>/health/live</c> (the process answers; no
/// check runs), <c>/health/ready</c> (knowledge loaded, database reachable and writable, and not shutting down), and
/// <c>/health</c> with its JSON body. On SIGTERM readiness turns 503 first, the bot keeps serving for
/// <see cref="ShutdownOptions.DrainDelaySeconds"/>, then Kestrel stops accepting and lets in-flight requests finish.
/// </summary>
internal static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration("Shutdown").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(shutdown.Value.DrainDelaySeconds + shutdown.Value.GracefulTimeoutSeconds));
        services.AddSingleton<ShutdownDrain>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks()
            .AddCheck<KnowledgeLoadedCheck>("knowledge", tags: [ReadyTag])
            .AddCheck<DatabaseWritableCheck>("database", tags: [ReadyTag])
            .AddCheck<NotStoppingCheck>("accepting", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// <c>GET /health/live</c>: 200 <c>Healthy</c> while the process answers. <c>GET /health/ready</c>: 200 <c>Healthy</c> when
    /// knowledge is loaded, the database is reachable and writable and the host is not stopping; 503 <c>Degraded</c> while it
    /// drains after SIGTERM, 503 <c>Unhealthy</c> when knowledge or the database fails.
    /// <c>GET /health</c>: today's JSON body (<see cref="HostSetup.MapHealth"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealth();
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            // Degraded is the planned drain (NotStoppingCheck): out of rotation like Unhealthy, but logged as a warning, not a fault.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }

    private sealed class KnowledgeLoadedCheck(KnowledgeService knowledge) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
            Task.FromResult(knowledge.IsLoaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No knowledge is loaded."));
    }

    private sealed class DatabaseWritableCheck(IDatabase database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            var health = await database.CheckHealthAsync(cancellationToken);
            return health.IsHealthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(health.Problem);
        }
    }

    /// <summary>
    /// Degraded once SIGTERM arrived: the replica is healthy but leaving, so readiness is 503 while the log shows a warning
    /// rather than the error an Unhealthy check logs on every probe of the drain.
    /// </summary>
    private sealed class NotStoppingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Degraded("Shutting down.")
                : HealthCheckResult.Healthy());
    }

    /// <summary>
    /// Holds the stop for <see cref="ShutdownOptions.DrainDelaySeconds"/> before any hosted service stops: the host has already
    /// signalled <see cref="IHostApplicationLifetime.ApplicationStopping"/> (readiness is 503), and Kestrel, stopped later,
    /// still accepts what the load balancer sends meanwhile.
    /// </summary>
    private sealed class ShutdownDrain(IOptions<ShutdownOptions> options, IConfiguration configuration, ILogger<ShutdownDrain> logger)
        : IHostedLifecycleService
    {
        public async Task StoppingAsync(CancellationToken cancellationToken)
        {
            var delay = TimeSpan.FromSeconds(options.Value.DrainDelaySeconds);
            if (delay <= TimeSpan.Zero || LocalChat.LocalChatSetup.IsChatMode(configuration))
            {
                return;
            }

            logger.LogInformation("Stopping: /health/ready answers 503; still serving for {Seconds} s so load balancers notice", delay.TotalSeconds);
            try
            {
                // ConfigureAwait(false): a host stopped synchronously (WebApplicationFactory.Dispose under a test's single-threaded
                // context) must not need that blocked thread to resume this method.
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
