using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Discord.Rest;
using Polly;
using Polly.Retry;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// The Gateway connection of <see cref="DiscordMode.Gateway"/> mode (one shard, intents 0: interactions need no intent).
/// Connects to the URL from <c>GET /gateway/bot</c> with v10 JSON, heartbeats (first beat jittered), treats a missing ACK as a
/// zombie connection and resumes, keeps <c>session_id</c>/<c>resume_gateway_url</c>/<c>seq</c>, follows op 7 and op 9, stops on
/// the fatal close codes with a message saying what to fix, and hands <c>INTERACTION_CREATE</c> to the same
/// <see cref="InteractionRelay"/>. Failed connects are retried by a Polly pipeline on <see cref="TimeProvider"/>
/// (exponential backoff with jitter, <see cref="GatewayTimings.InitialBackoff"/> doubling to <see cref="GatewayTimings.MaxBackoff"/>);
/// a session that had been ready reconnects at once. Sends go through <see cref="GatewaySender"/>, close codes are read by
/// <see cref="GatewayCloseCodes"/>. https://discord.com/developers/docs/events/gateway
/// </summary>
internal sealed class DiscordGatewayService : BackgroundService
{

    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly InteractionRelay _interactions;
    private readonly TimeProvider _time;
    private readonly GatewayTimings _timings;
    private readonly ILogger<DiscordGatewayService> _logger;
    private readonly ResiliencePipeline<(ConnectionOutcome Outcome, bool WasReady)> _reconnects;
    private long _lastIdentify;

    public DiscordGatewayService(
        IOptions<DiscordOptions> options,
        DiscordRestClient rest,
        InteractionHandler handler,
        TimeProvider time,
        ILogger<DiscordGatewayService> logger,
        GatewayTimings? timings = null)
    {
        _options = options.Value;
        _rest = rest;
        _time = time;
        _logger = logger;
        _timings = timings ?? new GatewayTimings();
        _interactions = new InteractionRelay(rest, handler, time, logger);
        _reconnects = BuildReconnects();
    }

    /// <summary>The current session, or null before READY and after an invalid session.</summary>
    internal string? SessionId { get; private set; }

    internal string? ResumeGatewayUrl { get; private set; }

    /// <summary>The last dispatch sequence number (<c>s</c>), sent with heartbeats and Resume.</summary>
    internal int? Sequence { get; private set; }

    public override void Dispose()
    {
        _interactions.Dispose();
        base.Dispose();
    }

    /// <summary>Set when a fatal close code stopped the client: the code and what to fix.</summary>
    internal (int Code, string Fix)? FatalClose { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || _options.Mode != DiscordMode.Gateway)
        {
            return;
        }

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
            _logger.LogCritical("Discord Gateway stopped: {Fix}", FatalClose.Value.Fix);
        }
    }

    /// <summary>One connection, from the gateway URL to its end; forgets the session when Discord says it is gone.</summary>
    private async ValueTask<(ConnectionOutcome Outcome, bool WasReady)> ConnectOnceAsync(CancellationToken stoppingToken)
    {
        var url = SessionId is not null && ResumeGatewayUrl is not null ? ResumeGatewayUrl : await GetGatewayUrlAsync(stoppingToken);
        var result = await RunConnectionAsync(url, stoppingToken);
        if (result.Outcome == ConnectionOutcome.NewSession)
        {
            SessionId = null;
            ResumeGatewayUrl = null;
            Sequence = null;
        }

        return result;
    }

    /// <summary>
    /// Retries, without limit until stopped, a connection that failed (socket, HTTP, Discord's API, a malformed payload) or
    /// ended before READY, so a reconnect loop never hammers Discord (reference pain point 5). A fatal close or a stop ends it,
    /// and so does a connection that had been ready: it reconnects at once instead of backing off.
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
                    { Exception: DiscordApiException { StatusCode: System.Net.HttpStatusCode.Unauthorized } } => false,
                    { Exception: WebSocketException or HttpRequestException or DiscordApiException or JsonException or IOException } => true,
                    { Exception: OperationCanceledException } when !args.Context.CancellationToken.IsCancellationRequested => true, // a REST timeout
                    { Exception: null, Result: var (outcome, wasReady) } => !wasReady && outcome is ConnectionOutcome.Resume or ConnectionOutcome.NewSession,
                    _ => false,
                }),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } ex)
                    {
                        _logger.LogWarning("Discord Gateway connection failed: {Error}; retrying in {Seconds:0.0} s", ex.Message, args.RetryDelay.TotalSeconds);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private async Task<string> GetGatewayUrlAsync(CancellationToken cancellationToken)
    {
        var json = await _rest.SendAsync(DiscordRoute.GatewayBot(), null, cancellationToken);
        var info = json?.Deserialize(DiscordJson.Default.GatewayBotInfo) ?? throw new JsonException("Empty GET /gateway/bot response.");
        if (info.SessionStartLimit is { Remaining: <= 0 } limit)
        {
            // Over 1000 identifies a day resets the token; wait for the budget instead.
            _logger.LogWarning("Discord session start limit reached ({Total}/day); waiting {Minutes:0} min", limit.Total, limit.ResetAfter / 60000.0);
            await Task.Delay(TimeSpan.FromMilliseconds(limit.ResetAfter), _time, cancellationToken);
        }

        return info.Url;
    }

    private async Task<(ConnectionOutcome Outcome, bool WasReady)> RunConnectionAsync(string baseUrl, CancellationToken stoppingToken)
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
                        await (SessionId is not null ? ResumeAsync(sender, connection.Token) : IdentifyAsync(sender, connection.Token));
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
                        _logger.LogInformation("Discord asked us to reconnect (op 7); resuming");
                        await GatewaySocket.CloseAsync(socket);
                        return (ConnectionOutcome.Resume, state.WasReady);
                    case GatewayOp.InvalidSession:
                        var isResumable = payload.D is { ValueKind: JsonValueKind.True };
                        _logger.LogInformation("Discord invalidated the session (op 9, resumable: {Resumable})", isResumable);
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
                _logger.LogWarning("Discord Gateway connection dropped: {Error}", ex.Message);
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
                _logger.LogInformation("Discord Gateway ready as {User}", ready.TryGetProperty("user", out var u) && u.TryGetProperty("username", out var n) ? n.GetString() : "?");
                break;
            case "RESUMED":
                state.WasReady = true;
                _logger.LogInformation("Discord Gateway session resumed");
                break;
            case "INTERACTION_CREATE":
                _interactions.Relay(payload.D!.Value, stoppingToken);
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
                    _logger.LogWarning("Discord did not acknowledge the last heartbeat; reconnecting to resume");
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

    private async Task IdentifyAsync(GatewaySender sender, CancellationToken cancellationToken)
    {
        var sinceLast = _time.GetElapsedTime(_lastIdentify);
        if (_lastIdentify != 0 && sinceLast < _timings.IdentifySpacing)
        {
            await Task.Delay(_timings.IdentifySpacing - sinceLast, _time, cancellationToken);
        }

        _lastIdentify = _time.GetTimestamp();
        await sender.SendIdentifyAsync(_options.BotToken!, cancellationToken);
    }

    private Task ResumeAsync(GatewaySender sender, CancellationToken cancellationToken) =>
        sender.SendResumeAsync(_options.BotToken!, SessionId!, Sequence, cancellationToken);

    private ConnectionOutcome Classify(WebSocketCloseStatus? status)
    {
        var code = (int?)status;
        if (GatewayCloseCodes.FatalFix(code) is { } fix)
        {
            FatalClose = (code!.Value, fix);
            _logger.LogCritical("Discord Gateway closed with {Code}; not reconnecting. {Fix}", code, fix);
            return ConnectionOutcome.Fatal;
        }

        _logger.LogInformation("Discord Gateway closed with {Code}", code?.ToString() ?? "no code");
        return GatewayCloseCodes.AfterClose(code);
    }

    private sealed class ConnectionState
    {
        public volatile bool IsAcked = true;
        public volatile bool IsZombie;
        public volatile bool WasReady;
    }
}
