using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Storage;
using MlMentorBot.Discord.Rest;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// Decides when a shard may send IDENTIFY (op 2). Discord allows <c>max_concurrency</c> identifies per 5 s, one per rate-limit
/// bucket <c>shard_id % max_concurrency</c>; going faster gets op 9. Buckets can be shared by replicas on other machines, so the
/// turn is a lease in the database (<c>discord_identify_locks</c>, one row per application and bucket), taken with an
/// <c>INSERT … ON CONFLICT DO UPDATE … WHERE lease_until &lt;= now</c> that both SQLite and PostgreSQL run atomically; shards of
/// one bucket in this process also queue on a local semaphore so only one of them polls the database.
/// A turn is first leased for <see cref="GatewayTimings.IdentifyTurnLease"/> (connect, Hello); IDENTIFY is sent only while at
/// least <see cref="GatewayTimings.IdentifySpacing"/> of that lease is left, and once it is sent the lease is cut to the send
/// time + spacing + <see cref="GatewayTimings.IdentifyMargin"/>. So even a replica killed right after sending leaves its bucket
/// closed for 5 s. A turn also checks <c>session_start_limit.remaining</c> (1,000 identifies a day; more resets the token) and
/// waits for <c>reset_after</c> when it is used up. Timestamps are the clock's UTC time, passed as parameters: replicas' clocks
/// must agree within the margin (NTP).
/// https://discord.com/developers/docs/events/gateway#sharding-max-concurrency,
/// https://discord.com/developers/docs/events/gateway#session-start-limit-object
/// </summary>
internal sealed class IdentifyGate(
    IDatabase database,
    DiscordRestClient rest,
    string applicationId,
    int maxConcurrency,
    TimeProvider time,
    GatewayTimings timings,
    ILogger logger)
{
    /// <summary>
    /// Schema version 500 belongs to the Discord Gateway (400–499 are Slack's). Additive: one new table. SQLite keeps the lease
    /// end as ISO 8601 UTC text, like every other time column there, so text order is time order; PostgreSQL's script for the
    /// same version has <c>bucket integer</c> and <c>lease_until timestamptz</c>.
    /// </summary>
    public static readonly SchemaMigration Migration = new(500, "Discord Gateway identify locks", """
        CREATE TABLE discord_identify_locks (
            application_id TEXT    NOT NULL,
            bucket         INTEGER NOT NULL,
            holder         TEXT    NOT NULL,
            lease_until    TEXT    NOT NULL,
            PRIMARY KEY (application_id, bucket)
        ) WITHOUT ROWID;
        """)
    {
        Postgres = """
            CREATE TABLE discord_identify_locks (
                application_id text        NOT NULL,
                bucket         integer     NOT NULL,
                holder         text        NOT NULL,
                lease_until    timestamptz NOT NULL,
                PRIMARY KEY (application_id, bucket)
            );
            """,
    };

    // Never disposed: a SemaphoreSlim holds no kernel handle unless AvailableWaitHandle is used, and a turn's lease update may
    // still be releasing one while the host stops.
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _local = new();

    private DateTimeOffset Now => time.GetUtcNow();

    private GatewayTimings Timings => timings;

    private ILogger Logger => logger;

    /// <summary>The rate-limit bucket of <paramref name="shardId"/>: shards with the same key identify one at a time.</summary>
    public int BucketOf(int shardId) => shardId % maxConcurrency;

    /// <summary><c>GET /gateway/bot</c>: the URL to connect to, the recommended shard count and the identify budget.</summary>
    /// <exception cref="DiscordApiException">Discord refused (401: the token is wrong).</exception>
    /// <exception cref="JsonException">The body is not the documented shape.</exception>
    public static async Task<GatewayBotInfo> FetchGatewayBotAsync(DiscordRestClient rest, CancellationToken cancellationToken)
    {
        var json = await rest.SendAsync(DiscordRoute.GatewayBot(), null, cancellationToken);
        return json?.Deserialize(DiscordJson.Default.GatewayBotInfo) ?? throw new JsonException("Empty GET /gateway/bot response.");
    }

    /// <summary>
    /// Waits until <paramref name="shardId"/>'s bucket is free and the day's identify budget has room, then holds the bucket
    /// until the returned turn is <see cref="IdentifyTurn.SentAsync"/> or disposed.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The database cannot be written (the caller retries with backoff).</exception>
    public async Task<IdentifyTurn> WaitForTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        var bucket = BucketOf(shardId);
        var local = _local.GetOrAdd(bucket, _ => new SemaphoreSlim(1, 1));
        await local.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var holder = $"{Environment.MachineName}/{Environment.ProcessId}/shard {shardId}/{Guid.NewGuid():N}";
                var claimedAt = await ClaimAsync(bucket, holder, cancellationToken);
                var turn = new IdentifyTurn(this, bucket, holder, claimedAt, local);
                GatewayBotInfo info;
                try
                {
                    info = await FetchGatewayBotAsync(rest, cancellationToken);
                }
                catch
                {
                    await turn.ReleaseAsync(keepLocal: true);
                    throw;
                }

                if (info.SessionStartLimit is { Remaining: <= 0 } limit)
                {
                    await turn.ReleaseAsync(keepLocal: true);
                    logger.LogWarning("Discord session start limit reached ({Total} a day); shard {ShardId} waits {Minutes:0} min before identifying",
                        limit.Total, shardId, limit.ResetAfter / 60000.0);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter)), time, cancellationToken);
                    continue;
                }

                turn.GatewayUrl = info.Url;
                return turn;
            }
        }
        catch
        {
            local.Release();
            throw;
        }
    }

    /// <summary>Polls until this holder has the bucket's lease; returns when it was taken.</summary>
    private async Task<DateTimeOffset> ClaimAsync(int bucket, string holder, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var claimed = await database.WriteAsync(write => write.ExecuteAsync("""
                INSERT INTO discord_identify_locks (application_id, bucket, holder, lease_until)
                VALUES (@applicationId, @bucket, @holder, @leaseUntil)
                ON CONFLICT (application_id, bucket) DO UPDATE SET
                    holder = excluded.holder, lease_until = excluded.lease_until
                    WHERE discord_identify_locks.lease_until <= @now
                """, new { applicationId, bucket, holder, leaseUntil = now + timings.IdentifyTurnLease, now }), cancellationToken);
            if (claimed == 1)
            {
                return now;
            }

            await Task.Delay(timings.IdentifyPollInterval, time, cancellationToken);
        }
    }

    /// <summary>Moves this holder's lease end; a no-op when another holder has taken the bucket since.</summary>
    private Task SetLeaseAsync(int bucket, string holder, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync(
            "UPDATE discord_identify_locks SET lease_until = @leaseUntil WHERE application_id = @applicationId AND bucket = @bucket AND holder = @holder",
            new { applicationId, bucket, holder, leaseUntil }), cancellationToken);

    /// <summary>One shard's turn to identify in its bucket (see <see cref="IdentifyGate"/>).</summary>
    internal sealed class IdentifyTurn(IdentifyGate gate, int bucket, string holder, DateTimeOffset claimedAt, SemaphoreSlim local) : IAsyncDisposable
    {
        private int _done;

        /// <summary>When the bucket's lease was taken (UTC, the injected clock).</summary>
        public DateTimeOffset ClaimedAt => claimedAt;

        /// <summary>Where to connect: <c>/gateway/bot</c>'s <c>url</c>, fetched inside the turn.</summary>
        public string GatewayUrl { get; set; } = "";

        /// <summary>Whether IDENTIFY may still go out: at least the spacing is left of the lease, so nobody can follow within 5 s.</summary>
        public bool MaySendNow =>
            Volatile.Read(ref _done) == 0 && gate.Now + gate.Timings.IdentifySpacing <= claimedAt + gate.Timings.IdentifyTurnLease;

        /// <summary>Records that IDENTIFY went out now: the bucket opens again after the spacing (plus margin); ends the turn.</summary>
        public async Task SentAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0)
            {
                return;
            }

            try
            {
                var sentAt = gate.Now;
                await gate.SetLeaseAsync(bucket, holder, sentAt + gate.Timings.IdentifySpacing + gate.Timings.IdentifyMargin, CancellationToken.None);
            }
            catch (StorageUnavailableException ex)
            {
                // The turn lease then simply runs its full length: later, never sooner.
                gate.Logger.LogWarning("Could not shorten the Discord identify lease of bucket {Bucket}: {Problem}", bucket, ex.Message);
            }
            finally
            {
                local.Release();
            }
        }

        /// <summary>Ends a turn without identifying: the bucket opens at once (whoever held it before identified ≥ 5 s ago).</summary>
        public ValueTask DisposeAsync() => new(ReleaseAsync(keepLocal: false));

        internal async Task ReleaseAsync(bool keepLocal)
        {
            if (Interlocked.Exchange(ref _done, 1) != 0)
            {
                return;
            }

            try
            {
                await gate.SetLeaseAsync(bucket, holder, gate.Now, CancellationToken.None);
            }
            catch (StorageUnavailableException ex)
            {
                gate.Logger.LogWarning("Could not release the Discord identify lease of bucket {Bucket}: {Problem}", bucket, ex.Message);
            }
            finally
            {
                if (!keepLocal)
                {
                    local.Release();
                }
            }
        }
    }
}
