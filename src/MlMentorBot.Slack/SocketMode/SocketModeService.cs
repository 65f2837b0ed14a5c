using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlMentorBot.Slack.Inbound;
using MlMentorBot.Slack.WebApi;
using Polly;
using Polly.Retry;

namespace MlMentorBot.Slack.SocketMode;

/// <summary>
/// Keeps one live Socket Mode connection (https://docs.slack.dev/apis/events-api/using-socket-mode) and feeds its envelopes to
/// <see cref="SlackInbound"/>, the same dispatcher HTTP mode uses.
/// <list type="bullet">
/// <item><c>disconnect</c> with <c>warning</c> or <c>refresh_requested</c>: a new connection is opened and live (<c>hello</c>)
/// before the old one is closed, so nothing is missed in between (make-before-break, as python-slack-sdk does).</item>
/// <item><c>disconnect</c> with <c>link_disabled</c> (Socket Mode was switched off in the app settings): stop and say why, rather
/// than spin reconnecting.</item>
/// <item>A dropped or silent socket, <c>too_many_websockets</c>, or a failed <c>apps.connections.open</c>: reconnect after a short
/// jittered pause, then through a Polly retry pipeline on <see cref="TimeProvider"/> with exponential backoff (1 s doubling to
/// 60 s) and jitter. Bad credentials (<c>invalid_auth</c> …) stop the service instead.</item>
/// </list>
/// </summary>
internal sealed partial class SocketModeService : BackgroundService
{
    /// <summary>Errors no retry can fix (node-slack-sdk's UnrecoverableSocketModeStartError list).</summary>
    private static readonly HashSet<string> Unrecoverable =
        ["not_authed", "invalid_auth", "account_inactive", "token_revoked", "user_removed_from_team", "team_disabled", "missing_scope", "not_allowed_token_type"];

    private readonly SlackApiClient _api;
    private readonly SlackInbound _inbound;
    private readonly TimeProvider _time;
    private readonly ILogger<SocketModeService> _logger;
    private int _connectionCount;
    private ResiliencePipeline<SocketModeConnection>? _connects;

    public SocketModeService(SlackApiClient api, SlackInbound inbound, TimeProvider time, ILogger<SocketModeService> logger)
    {
        _api = api;
        _inbound = inbound;
        _time = time;
        _logger = logger;
    }

    /// <summary>Client ping interval and pong timeout: a socket silent for about this long twice is treated as dropped.</summary>
    internal TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a new connection may take to say <c>hello</c>.</summary>
    internal TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>First reconnect delay; doubles per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    internal TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    internal TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SocketModeConnection? current = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                current ??= await ConnectAsync(pauseFirst: _connectionCount > 0, stoppingToken);
                if (current is null)
                {
                    return; // unrecoverable, already logged
                }

                var ended = await Task.WhenAny(current.DisconnectRequested, current.Closed).WaitAsync(stoppingToken);
                if (ended == current.Closed)
                {
                    await current.DisposeAsync();
                    current = null; // a dropped socket reconnects after a short, jittered pause
                    continue;
                }

                var reason = await current.DisconnectRequested;
                LogDisconnect(current.Id, reason);
                switch (reason)
                {
                    case "link_disabled":
                        LogLinkDisabled();
                        await current.DisposeAsync();
                        current = null;
                        return;
                    case "warning" or "refresh_requested":
                        // Make before break: the old socket keeps delivering until the new one is live.
                        var next = await ConnectAsync(pauseFirst: false, stoppingToken);
                        await current.DisposeAsync();
                        current = next;
                        if (current is null)
                        {
                            return;
                        }

                        break;
                    default:
                        // too_many_websockets and anything undocumented: close and back off.
                        await current.DisposeAsync();
                        current = null;
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                await current.DisposeAsync();
            }
        }
    }

    /// <summary>Opens a connection and waits for its <c>hello</c>, retrying with backoff; null when retrying cannot help.</summary>
    private async Task<SocketModeConnection?> ConnectAsync(bool pauseFirst, CancellationToken stoppingToken)
    {
        if (pauseFirst)
        {
            // Half to all of the first backoff step, so clients dropped together do not all come back in the same instant.
            var pause = InitialBackoff * (0.5 + Random.Shared.NextDouble() / 2);
            LogReconnecting(pause.TotalSeconds, 1);
            await Task.Delay(pause, _time, stoppingToken);
        }

        try
        {
            _connects ??= BuildConnects();
            return await _connects.ExecuteAsync(OpenOnceAsync, stoppingToken);
        }
        catch (SlackApiException ex) when (Unrecoverable.Contains(ex.Error))
        {
            LogUnrecoverable(ex.Error);
            return null;
        }
    }

    private async ValueTask<SocketModeConnection> OpenOnceAsync(CancellationToken stoppingToken)
    {
        SocketModeConnection? connection = null;
        try
        {
            var url = await _api.OpenSocketModeConnectionAsync(stoppingToken);
            connection = await SocketModeConnection.OpenAsync(url, HandleEnvelopeAsync, KeepAlive, _logger, ++_connectionCount, stoppingToken);
            await connection.Hello.WaitAsync(HelloTimeout, _time, stoppingToken);
            return connection;
        }
        catch when (connection is not null)
        {
            // Failed or stopped while waiting for hello: close the half-open socket politely rather than leak it.
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Retries a failed connect without limit until stopped: exponential backoff from <see cref="InitialBackoff"/> to
    /// <see cref="MaxBackoff"/> with jitter, so a fleet of clients never reconnects in step; credentials Slack refuses stop it.
    /// </summary>
    private ResiliencePipeline<SocketModeConnection> BuildConnects() => new ResiliencePipelineBuilder<SocketModeConnection> { TimeProvider = _time }
        .AddRetry(new RetryStrategyOptions<SocketModeConnection>
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = InitialBackoff,
            MaxDelay = MaxBackoff,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
            {
                null => false,
                SlackApiException ex => !Unrecoverable.Contains(ex.Error),
                OperationCanceledException => !args.Context.CancellationToken.IsCancellationRequested, // hello timed out
                _ => true,
            }),
            OnRetry = args =>
            {
                var ex = args.Outcome.Exception!;
                LogConnectFailed(ex.GetType().Name, ex.Message);
                LogReconnecting(args.RetryDelay.TotalSeconds, args.AttemptNumber + 2);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    private Task<SlackAck> HandleEnvelopeAsync(string type, JsonElement payload, CancellationToken cancellationToken) => type switch
    {
        "slash_commands" when SlashCommand.FromJson(payload) is { } command => _inbound.HandleSlashCommandAsync(command, cancellationToken),
        "interactive" => _inbound.HandleInteractionAsync(payload, cancellationToken),
        "events_api" => _inbound.HandleEventAsync(payload, cancellationToken),
        _ => Task.FromResult(SlackAck.Empty),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked connection {Id} to disconnect: {Reason}")]
    private partial void LogDisconnect(int id, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack disabled Socket Mode for this app (disconnect reason link_disabled): the bot stops listening to Slack. Turn Socket Mode back on under the app's Socket Mode settings, or run with Slack:Mode=Http, then restart.")]
    private partial void LogLinkDisabled();

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack refused the app-level token ({Error}); Socket Mode stops. Check Slack:AppToken (Basic Information → App-Level Tokens, connections:write).")]
    private partial void LogUnrecoverable(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connect failed: {Kind}: {Message}")]
    private partial void LogConnectFailed(string kind, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting to Slack Socket Mode in {Seconds:0.0} s (attempt {Attempt})")]
    private partial void LogReconnecting(double seconds, int attempt);
}
