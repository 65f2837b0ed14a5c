using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Discord.Rest;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// The Gateway connection of <see cref="DiscordMode.Gateway"/> mode (one shard, intents 0: interactions need no intent).
/// Connects to the URL from <c>GET /gateway/bot</c> with v10 JSON, heartbeats (first beat jittered), treats a missing ACK as a
/// zombie connection and resumes, keeps <c>session_id</c>/<c>resume_gateway_url</c>/<c>seq</c>, follows op 7 and op 9, stops on
/// the fatal close codes with a message saying what to fix, and hands <c>INTERACTION_CREATE</c> to the same
/// <see cref="InteractionHandler"/> as HTTP mode without awaiting it in the receive loop (a slow handler must not delay heartbeats).
/// https://discord.com/developers/docs/events/gateway
/// </summary>
internal sealed class DiscordGatewayService : BackgroundService
{
    private const int MaxSendBytes = 4096;
    private const WebSocketCloseStatus ResumableClose = (WebSocketCloseStatus)4000;

    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly InteractionHandler _handler;
    private readonly TimeProvider _time;
    private readonly GatewayTimings _timings;
    private readonly ILogger<DiscordGatewayService> _logger;
    private readonly ConcurrentDictionary<ulong, byte> _seenInteractions = new();
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
        _handler = handler;
        _time = time;
        _logger = logger;
        _timings = timings ?? new GatewayTimings();
    }

    /// <summary>The current session, or null before READY and after an invalid session.</summary>
    internal string? SessionId { get; private set; }

    internal string? ResumeGatewayUrl { get; private set; }

    /// <summary>The last dispatch sequence number (<c>s</c>), sent with heartbeats and Resume.</summary>
    internal int? Sequence { get; private set; }

    /// <summary>Set when a fatal close code stopped the client: the code and what to fix.</summary>
    internal (int Code, string Fix)? FatalClose { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || _options.Mode != DiscordMode.Gateway)
        {
            return;
        }

        var backoff = _timings.InitialBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            var outcome = ConnectionOutcome.Resume;
            var wasReady = false;
            try
            {
                var url = SessionId is not null && ResumeGatewayUrl is not null ? ResumeGatewayUrl : await GetGatewayUrlAsync(stoppingToken);
                (outcome, wasReady) = await RunConnectionAsync(url, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                FatalClose = (4004, "Discord rejected Discord:BotToken (401). Copy a fresh token from Developer Portal → Bot → Reset Token.");
                _logger.LogCritical("Discord Gateway stopped: {Fix}", FatalClose.Value.Fix);
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or DiscordApiException or JsonException or IOException)
            {
                _logger.LogWarning("Discord Gateway connection failed: {Error}", ex.Message);
            }

            switch (outcome)
            {
                case ConnectionOutcome.Fatal:
                case ConnectionOutcome.Stopped:
                    return;
                case ConnectionOutcome.NewSession:
                    SessionId = null;
                    ResumeGatewayUrl = null;
                    Sequence = null;
                    break;
            }

            // A session that had been working reconnects at once (with a little jitter); repeated failures back off
            // exponentially with jitter up to the cap, so a reconnect loop never hammers Discord (reference pain point 5).
            var delay = wasReady
                ? TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * 0.1 * _timings.InitialBackoff.TotalMilliseconds)
                : backoff + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * 0.25 * backoff.TotalMilliseconds);
            backoff = wasReady ? _timings.InitialBackoff : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _timings.MaxBackoff.Ticks));
            try
            {
                await Task.Delay(delay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

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
        var sender = new Sender(socket, new GatewaySendLimiter(_time, _timings.SendLimit, _timings.SendWindow));
        var state = new ConnectionState();
        Task? heartbeats = null;
        try
        {
            while (true)
            {
                var payload = await ReceiveAsync(socket, connection.Token);
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
                        await sender.SendAsync(GatewayOp.Heartbeat, w => WriteSequence(w), isHeartbeat: true, connection.Token);
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
                        await CloseAsync(socket);
                        return (ConnectionOutcome.Resume, state.WasReady);
                    case GatewayOp.InvalidSession:
                        var isResumable = payload.D is { ValueKind: JsonValueKind.True };
                        _logger.LogInformation("Discord invalidated the session (op 9, resumable: {Resumable})", isResumable);
                        await CloseAsync(socket);
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
            await CloseAsync(socket, WebSocketCloseStatus.NormalClosure);
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
                var receivedAt = _time.GetTimestamp();
                var interaction = payload.D!.Value.Deserialize(DiscordJson.Default.Interaction);
                if (interaction is null || !_seenInteractions.TryAdd(interaction.Id, 0))
                {
                    return; // events can arrive twice (after a resume); answer each interaction once
                }

                TrimSeen();
                _ = Task.Run(() => _handler.HandleAsync(interaction, receivedAt, response => CallbackAsync(interaction, response, stoppingToken), stoppingToken), stoppingToken);
                break;
        }
    }

    private async Task CallbackAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await _rest.SendAsync(DiscordRoute.InteractionCallback(interaction.Id, interaction.Token),
                response.ToJson(), cancellationToken);
        }
        catch (DiscordApiException ex)
        {
            // 10062: the 3 s passed before Discord had our response; 40060: already acknowledged.
            _logger.LogWarning("Interaction {InteractionId} callback failed: {Error}", interaction.Id, ex.Message);
            throw;
        }
    }

    private void TrimSeen()
    {
        if (_seenInteractions.Count > 5000)
        {
            foreach (var id in _seenInteractions.Keys.Order().Take(2500))
            {
                _seenInteractions.TryRemove(id, out _);
            }
        }
    }

    private async Task HeartbeatAsync(ClientWebSocket socket, Sender sender, ConnectionState state, TimeSpan interval, CancellationToken cancellationToken)
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
                    await CloseAsync(socket);
                    return;
                }

                state.IsAcked = false;
                await sender.SendAsync(GatewayOp.Heartbeat, w => WriteSequence(w), isHeartbeat: true, cancellationToken);
                await Task.Delay(interval, _time, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private async Task IdentifyAsync(Sender sender, CancellationToken cancellationToken)
    {
        var sinceLast = _time.GetElapsedTime(_lastIdentify);
        if (_lastIdentify != 0 && sinceLast < _timings.IdentifySpacing)
        {
            await Task.Delay(_timings.IdentifySpacing - sinceLast, _time, cancellationToken);
        }

        _lastIdentify = _time.GetTimestamp();
        // https://discord.com/developers/docs/events/gateway-events#identify
        await sender.SendAsync(GatewayOp.Identify, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", _options.BotToken);
            w.WriteNumber("intents", 0);
            w.WriteStartObject("properties");
            w.WriteString("os", Environment.OSVersion.Platform.ToString().ToLowerInvariant());
            w.WriteString("browser", "MlMentorBot");
            w.WriteString("device", "MlMentorBot");
            w.WriteEndObject();
            w.WriteEndObject();
        }, isHeartbeat: false, cancellationToken);
    }

    private Task ResumeAsync(Sender sender, CancellationToken cancellationToken) =>
        // https://discord.com/developers/docs/events/gateway-events#resume
        sender.SendAsync(GatewayOp.Resume, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", _options.BotToken);
            w.WriteString("session_id", SessionId);
            WriteSequence(w, "seq");
            w.WriteEndObject();
        }, isHeartbeat: false, cancellationToken);

    private void WriteSequence(Utf8JsonWriter writer, string? name = null)
    {
        if (name is not null)
        {
            writer.WritePropertyName(name);
        }

        if (Sequence is { } s)
        {
            writer.WriteNumberValue(s);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private ConnectionOutcome Classify(WebSocketCloseStatus? status)
    {
        var code = (int?)status;
        var fix = code switch
        {
            4004 => "Authentication failed: Discord:BotToken is wrong or was reset. Copy a fresh token from Developer Portal → Bot → Reset Token.",
            4010 => "Invalid shard sent when identifying. This adapter uses a single shard; report it as a bug.",
            4011 => "Sharding required: the bot is in too many guilds (over 2500) for one connection; this adapter does not shard.",
            4012 => "Invalid API version: this adapter speaks Gateway v10; Discord no longer accepts it. Update MlMentorBot.",
            4013 => "Invalid intents: the identify intents value is not valid. This adapter sends 0; report it as a bug.",
            4014 => "Disallowed intents: a privileged intent was requested without being enabled (Developer Portal → Bot → Privileged Gateway Intents).",
            _ => null,
        };
        if (fix is not null)
        {
            FatalClose = (code!.Value, fix);
            _logger.LogCritical("Discord Gateway closed with {Code}; not reconnecting. {Fix}", code, fix);
            return ConnectionOutcome.Fatal;
        }

        // 4007 (invalid seq) and 4009 (session timed out) need a new session; every other code may resume.
        // https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes
        _logger.LogInformation("Discord Gateway closed with {Code}", code?.ToString() ?? "no code");
        return code is 4007 or 4009 ? ConnectionOutcome.NewSession : ConnectionOutcome.Resume;
    }

    private static async Task<GatewayPayload?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return JsonSerializer.Deserialize(buffer.WrittenSpan, DiscordJson.Default.GatewayPayload);
            }
        }
    }

    /// <summary>Closes with 4000, never 1000/1001, so the session stays resumable (https://discord.com/developers/docs/events/gateway#resuming).</summary>
    private static async Task CloseAsync(ClientWebSocket socket, WebSocketCloseStatus status = ResumableClose)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, "reconnecting", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            socket.Abort();
        }
    }

    private sealed class ConnectionState
    {
        public volatile bool IsAcked = true;
        public volatile bool IsZombie;
        public volatile bool WasReady;
    }

    /// <summary>Serialises sends (heartbeats come from another task) and applies the send budget and the 4096-byte cap.</summary>
    private sealed class Sender(ClientWebSocket socket, GatewaySendLimiter limiter)
    {
        private readonly SemaphoreSlim _lock = new(1, 1);

        public async Task SendAsync(int op, Action<Utf8JsonWriter> writeData, bool isHeartbeat, CancellationToken cancellationToken)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("op", op);
                writer.WritePropertyName("d");
                writeData(writer);
                writer.WriteEndObject();
            }

            if (buffer.WrittenCount > MaxSendBytes)
            {
                throw new InvalidOperationException($"Gateway payload for op {op} is {buffer.WrittenCount} bytes; Discord closes with 4002 above {MaxSendBytes}.");
            }

            await limiter.WaitAsync(isHeartbeat, cancellationToken);
            await _lock.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken);
            }
            finally
            {
                _lock.Release();
            }
        }
    }
}
