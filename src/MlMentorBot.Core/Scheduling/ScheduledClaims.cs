using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlMentorBot.Core.Scheduling;

/// <summary>Configuration section <c>Scheduling</c>: how replicas sharing one database split scheduled work (issue #11).</summary>
public sealed class SchedulingOptions
{
    /// <summary>
    /// How long a replica's claim on a fire time (a check-in prompt, reminder or digest, the weekly gap digest) holds without
    /// being renewed, in seconds. The claimer renews it every third of this while it posts; when a replica dies, another takes
    /// the fire time over once the lease has run out (at its next tick). Default 40.
    /// </summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 40;
}

/// <summary>
/// The one scheduler abstraction for every provider: a fire time runs on the replica whose row in the database claims it
/// (unique key per fire time, <c>claimed_by</c>, <c>lease_until</c>), and a claim whose lease ran out before it was marked
/// sent may be taken over. The stores own their claim SQL; this class names the replica, computes leases, renews a claim while
/// its work runs, and derives the idempotency key (Discord's message <c>nonce</c>) a post carries. See docs/scale-out.md.
/// </summary>
public sealed class ScheduledClaims(IOptions<SchedulingOptions> options, TimeProvider time, ILogger<ScheduledClaims> logger)
{
    /// <summary>This process, as written to <c>claimed_by</c>: host name, process id and a random part (a restarted process is a new claimer).</summary>
    public string ReplicaId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The lease length (<see cref="SchedulingOptions.LeaseSeconds"/>).</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>When a claim made or renewed now runs out (UTC).</summary>
    public DateTimeOffset LeaseUntil() => time.GetUtcNow() + Lease;

    /// <summary>
    /// Runs <paramref name="work"/> while renewing the claim every third of the lease through <paramref name="renewAsync"/>
    /// (which gets the new expiry and returns false once the claim is no longer ours). A failed renewal is logged, never thrown:
    /// the post already under way cannot be taken back.
    /// </summary>
    public async Task<T> HoldWhileAsync<T>(
        string what, Func<DateTimeOffset, CancellationToken, Task<bool>> renewAsync, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(what, renewAsync, stop.Token);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await renewing;
        }
    }

    private async Task RenewAsync(string what, Func<DateTimeOffset, CancellationToken, Task<bool>> renewAsync, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Lease / 3, time);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (!await renewAsync(LeaseUntil(), cancellationToken))
                {
                    logger.LogWarning("Lost the claim on {What} while posting it; another replica may post it too", what);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not renew the claim on {What}", what);
        }
    }

    /// <summary>
    /// A stable key for one fire time's post, at most 25 characters (Discord's <c>nonce</c> limit): the same claim gives the
    /// same key on every replica and every retry, so a platform that enforces it creates the message once.
    /// https://discord.com/developers/docs/resources/message#create-message
    /// </summary>
    public static string IdempotencyKey(string claim) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(claim)))[..25];
}

/// <summary>Registration of <see cref="ScheduledClaims"/>, shared by the check-in and moderation schedulers (idempotent).</summary>
public static class SchedulingSetup
{
    /// <summary>Options from <c>Scheduling</c> (<see cref="SchedulingOptions"/>) and the one <see cref="ScheduledClaims"/> of this process.</summary>
    public static IServiceCollection AddScheduledClaims(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ScheduledClaims)))
        {
            return services;
        }

        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection("Scheduling")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScheduledClaims>();
        return services;
    }
}
