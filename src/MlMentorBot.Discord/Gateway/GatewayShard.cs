using System.Data.Common;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Storage;
using MlMentorBot.Discord.Rest;
using Polly;
using Polly.Retry;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// One Gateway session, shard <c>[<see cref="Id"/>, <see cref="Count"/>]</c>: connects, heartbeats (first beat jittered), treats a
/// missing ACK as a zombie connection and resumes, keeps its own <c>session_id</c>/<c>resume_gateway_url</c>/<c>seq</c>, follows
/// op 7 and op 9, and stops on the fatal close codes with a message saying what to fix. New sessions wait for the shard's turn at
/// the <see cref="IdentifyGate"/>; resumes do not (RESUME is not rate-limited like IDENTIFY). Failed connects are retried by a
/// Polly pipeline on <see cref="TimeProvider"/> (exponential backoff with jitter, <see cref="GatewayTimings.InitialBackoff"/>
/// doubling to <see cref="GatewayTimings.MaxBackoff"/>); a session that had been ready reconnects at once.
/// https://discord.com/developers/docs/events/gateway
/// </summary>
internal sealed class GatewayShard
{
    private readonly string _token;
    private readonly IdentifyGate _gate;
    private readonly InteractionRelay _interactions;
    private readonly TimeProvider _time;
    private readonly GatewayTimings _timings;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<(ConnectionOutcome Outcome, bool WasReady)> _reconnects;

    private readonly GuildPresence? _guilds;

    public GatewayShard(int id, int count, string token, IdentifyGate gate, InteractionRelay interactions, TimeProvider time, GatewayTimings timings, ILogger logger, GuildPresence? guilds = null)
    {
        _guilds = guilds;
        Id = id;
        Count = count;
        _token = token;
        _gate = gate;
        _interactions = interactions;
        _time = time;
        _timings = timings;
        _logger = logger;
        _reconnects = BuildReconnects();
    }

    /// <summary>This shard's id, 0 to <see cref="Count"/> − 1.</summary>
    public int Id { get; }

    /// <summary>The bot's shard count in all (<c>num_shards</c>).</summary>
    public int Count { get; }

    /// <summary>The current session, or null before READY and after an invalid session.</summary>
    public string? SessionId { get; private set; }

    public string? ResumeGatewayUrl { get; private set; }

    /// <summary>The last dispatch sequence number (<c>s</c>), sent with heartbeats and Resume.</summary>
    public int? Sequence { get; private set; }

    /// <summary>Set when a fatal close code (or a rejected token) stopped this shard: the code and what to fix.</summary>
    public (int Code, string Fix)? FatalClose { get; private set; }

    /// <summary>Whether a connection attempt that threw <paramref name="ex"/> is worth retrying (with backoff).</summary>
    internal static bool IsTransient(Exception ex, CancellationToken stoppingToken) => ex switch
    {
        DiscordApiException { StatusCode: System.Net.HttpStatusCode.Unauthorized } => false,
        WebSocketException or HttpRequestException or DiscordApiException or JsonException or IOException => true,
        StorageUnavailableException or DbException => true, // the identify lock's database; it logs the fault itself
        OperationCanceledException => !stoppingToken.IsCancellationRequested, // a REST timeout
        _ => false,
    };

    /// <summary>Runs the shard until the host stops or a fatal close (then <see cref="FatalClose"/> says why).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                // The pipeline keeps retrying until a connection got as far as READY/RESUMED (or ended for good); its attempt
                // count, and so its backoff, starts afresh for each session.
                var (outcome, _) = await _reconnects.ExecuteAsync(ConnectOnceAsync, stoppingToken);
                if (outcome is ConnectionOutcome.Fatal or ConnectionOutcome.Stopped)
                {
                    return;
                }

                // A session that had been working reconnects at once, with a little jitter so a fleet does not move in step.
                await Task.Delay(_timings.InitialBackoff * (Random.Shared.NextDouble() * 0.1), _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (DiscordApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            FatalClose = (4004, "Discord rejected Discord:BotToken (401). Copy a fresh token from Developer Portal → Bot → Reset Token.");
            _logger.LogCritical("Discord Gateway shard {ShardId} stopped: {Fix}", Id, FatalClose.Value.Fix);
        }
    }

    /// <summary>One connection, from the gateway URL to its end; forgets the session when Discord says it is gone.</summary>
    private async ValueTask<(ConnectionOutcome Outcome, bool WasReady)> ConnectOnceAsync(CancellationToken stoppingToken)
    {
        (ConnectionOutcome Outcome, bool WasReady) result;
        if (SessionId is not null && ResumeGatewayUrl is not null)
        {
            result = await RunConnectionAsync(ResumeGatewayUrl, null, stoppingToken);
        }
        else
        {
            await using var turn = await _gate.WaitForTurnAsync(Id, stoppingToken);
            result = await RunConnectionAsync(turn.GatewayUrl, turn, stoppingToken);
        }

        if (result.Outcome == ConnectionOutcome.NewSession)
        {
            SessionId = null;
            ResumeGatewayUrl = null;
            Sequence = null;
        }

        return result;
    }

    /// <summary>
    /// Retries, without limit until stopped, a connection that failed (socket, HTTP, Discord's API, a malformed payload, the
    /// database behind the identify lock) or ended before READY, so a reconnect loop never hammers Discord (reference pain
    /// point 5). A fatal close or a stop ends it, and so does a connection that had been ready: it reconnects at once.
    /// </summary>
    private ResiliencePipeline<(ConnectionOutcome Outcome, bool WasReady)> BuildReconnects() =>
        new ResiliencePipelineBuilder<(ConnectionOutcome Outcome, bool WasReady)> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<(ConnectionOutcome Outcome, bool WasReady)>
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = _timings.InitialBackoff,
                MaxDelay = _timings.MaxBackoff,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: { } ex } => IsTransient(ex, args.Context.CancellationToken),
                    { Result: var (outcome, wasReady) } => !wasReady && outcome is ConnectionOutcome.Resume or ConnectionOutcome.NewSession,
                }),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } ex)
                    {
                        _logger.LogWarning("Discord Gateway shard {ShardId} connection failed: {Error}; retrying in {Seconds:0.0} s", Id, ex.Message, args.RetryDelay.TotalSeconds);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>One WebSocket connection to <paramref name="baseUrl"/>: identifies in <paramref name="turn"/>, or resumes when it is null.</summary>
    private async Task<(ConnectionOutcome Outcome, bool WasReady)> RunConnectionAsync(string baseUrl, IdentifyGate.IdentifyTurn? turn, CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var uri = new Uri($"{baseUrl.TrimEnd('/')}/?v=10&encoding=json");
        await socket.ConnectAsync(uri, stoppingToken);
        using var sender = new GatewaySender(socket, new GatewaySendLimiter(_timings.SendLimit, _timings.SendWindow));
        var state = new ConnectionState();
        Task? heartbeats = null;
        try
        {
            while (true)
            {
                var payload = await GatewaySocket.ReceiveAsync(socket, connection.Token);
                if (payload is null)
                {
                    return (state.IsZombie ? ConnectionOutcome.Resume : Classify(socket.CloseStatus), state.WasReady);
                }

                switch (payload.Op)
                {
                    case GatewayOp.Hello:
                        var interval = TimeSpan.FromMilliseconds(payload.D!.Value.GetProperty("heartbeat_interval").GetDouble());
                        state.IsAcked = true; // a stale missed-ACK flag must not survive into a new connection
                        heartbeats = HeartbeatAsync(socket, sender, state, interval, connection.Token);
                        if (turn is null)
                        {
                            await sender.SendResumeAsync(_token, SessionId!, Sequence, connection.Token);
                        }
                        else if (turn.MaySendNow)
                        {
                            try
                            {
                                await sender.SendIdentifyAsync(_token, Id, Count, connection.Token);
                            }
                            finally
                            {
                                // Counted as sent even when the send failed half-way: it may still have reached Discord. Not
                                // awaited: READY and heartbeat ACKs must not wait for the database; it logs its own failure.
                                _ = turn.SentAsync();
                            }
                        }
                        else
                        {
                            // Identifying now could follow another replica's IDENTIFY in this bucket within 5 s.
                            _logger.LogWarning("Discord Gateway shard {ShardId}: Hello came too late in its identify turn; connecting again", Id);
                            await GatewaySocket.CloseAsync(socket);
                            return (ConnectionOutcome.NewSession, false);
                        }

                        break;
                    case GatewayOp.HeartbeatAck:
                        state.IsAcked = true;
                        break;
                    case GatewayOp.Heartbeat:
                        await sender.SendHeartbeatAsync(Sequence, connection.Token);
                        break;
                    case GatewayOp.Dispatch:
                        if (payload.S is { } s)
                        {
                            Sequence = s;
                        }

                        OnDispatch(payload, state, stoppingToken);
                        break;
                    case GatewayOp.Reconnect:
                        _logger.LogInformation("Discord asked shard {ShardId} to reconnect (op 7); resuming", Id);
                        await GatewaySocket.CloseAsync(socket);
                        return (ConnectionOutcome.Resume, state.WasReady);
                    case GatewayOp.InvalidSession:
                        var isResumable = payload.D is { ValueKind: JsonValueKind.True };
                        _logger.LogInformation("Discord invalidated the session of shard {ShardId} (op 9, resumable: {Resumable})", Id, isResumable);
                        await GatewaySocket.CloseAsync(socket);
                        if (!isResumable)
                        {
                            var min = _timings.InvalidSessionDelayMin.TotalMilliseconds;
                            await Task.Delay(TimeSpan.FromMilliseconds(min + Random.Shared.NextDouble() * (_timings.InvalidSessionDelayMax.TotalMilliseconds - min)), _time, stoppingToken);
                        }

                        return (isResumable ? ConnectionOutcome.Resume : ConnectionOutcome.NewSession, true);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await GatewaySocket.CloseAsync(socket, WebSocketCloseStatus.NormalClosure);
            return (ConnectionOutcome.Stopped, state.WasReady);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // A dropped connection (or our own zombie abort) keeps the session resumable.
            if (!state.IsZombie)
            {
                _logger.LogWarning("Discord Gateway shard {ShardId} connection dropped: {Error}", Id, ex.Message);
            }

            return (ConnectionOutcome.Resume, state.WasReady);
        }
        finally
        {
            await connection.CancelAsync();
            if (heartbeats is not null)
            {
                await heartbeats.ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    private void OnDispatch(GatewayPayload payload, ConnectionState state, CancellationToken stoppingToken)
    {
        switch (payload.T)
        {
            case "READY":
                var ready = payload.D!.Value;
                SessionId = ready.GetProperty("session_id").GetString();
                ResumeGatewayUrl = ready.GetProperty("resume_gateway_url").GetString();
                state.WasReady = true;
                _logger.LogInformation("Discord Gateway shard [{ShardId}, {ShardCount}] ready as {User}", Id, Count,
                    ready.TryGetProperty("user", out var u) && u.TryGetProperty("username", out var n) ? n.GetString() : "?");
                break;
            case "RESUMED":
                state.WasReady = true;
                _logger.LogInformation("Discord Gateway shard {ShardId} session resumed", Id);
                break;
            case "INTERACTION_CREATE":
                _ = _interactions.Relay(payload.D!.Value, stoppingToken); // off the receive loop: heartbeats must not wait for a handler
                break;
            case "GUILD_DELETE" when _guilds is not null:
                // Off the receive loop: heartbeats must not wait for the database. Clone: the payload's buffer is reused.
                var deleted = payload.D!.Value.Clone();
                _ = Task.Run(() => _guilds.OnGuildDeleteAsync(deleted, stoppingToken), stoppingToken);
                break;
            case "GUILD_CREATE" when _guilds is not null:
                var created = payload.D!.Value.Clone();
                _ = Task.Run(() => _guilds.OnGuildCreateAsync(created, stoppingToken), stoppingToken);
                break;
        }
    }

    private async Task HeartbeatAsync(ClientWebSocket socket, GatewaySender sender, ConnectionState state, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            // The first beat waits interval * jitter so a fleet of clients reconnecting together does not beat in step.
            await Task.Delay(interval * Random.Shared.NextDouble(), _time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!state.IsAcked)
                {
                    _logger.LogWarning("Discord did not acknowledge shard {ShardId}'s last heartbeat; reconnecting to resume", Id);
                    state.IsZombie = true;
                    await GatewaySocket.CloseAsync(socket);
                    return;
                }

                state.IsAcked = false;
                await sender.SendHeartbeatAsync(Sequence, cancellationToken);
                await Task.Delay(interval, _time, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private ConnectionOutcome Classify(WebSocketCloseStatus? status)
    {
        var code = (int?)status;
        if (GatewayCloseCodes.FatalFix(code) is { } fix)
        {
            FatalClose = (code!.Value, fix);
            _logger.LogCritical("Discord Gateway shard {ShardId} closed with {Code}; not reconnecting. {Fix}", Id, code, fix);
            return ConnectionOutcome.Fatal;
        }

        _logger.LogInformation("Discord Gateway shard {ShardId} closed with {Code}", Id, code?.ToString() ?? "no code");
        return GatewayCloseCodes.AfterClose(code);
    }

    private sealed class ConnectionState
    {
        public volatile bool IsAcked = true;
        public volatile bool IsZombie;
        public volatile bool WasReady;
    }
}
