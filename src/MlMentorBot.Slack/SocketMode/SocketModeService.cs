using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlMentorBot.Slack.Inbound;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack.SocketMode;

/// <summary>
/// Keeps one live Socket Mode connection (https://docs.slack.dev/apis/events-api/using-socket-mode) and feeds its envelopes to
/// <see cref="SlackInbound"/>, the same dispatcher HTTP mode uses.
/// <list type="bullet">
/// <item><c>disconnect</c> with <c>warning</c> or <c>refresh_requested</c>: a new connection is opened and live (<c>hello</c>)
/// before the old one is closed, so nothing is missed in between (make-before-break, as python-slack-sdk does).</item>
/// <item><c>disconnect</c> with <c>link_disabled</c> (Socket Mode was switched off in the app settings): stop and say why, rather
/// than spin reconnecting.</item>
/// <item>A dropped or silent socket, <c>too_many_websockets</c>, or a failed <c>apps.connections.open</c>: reconnect with exponential
/// backoff (1 s doubling to 60 s) and jitter. Bad credentials (<c>invalid_auth</c> …) stop the service instead.</item>
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
    private int _failures;
    private int _connectionCount;

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
                current ??= await ConnectAsync(stoppingToken);
                if (current is null)
                {
                    return; // unrecoverable, already logged
                }

                var ended = await Task.WhenAny(current.DisconnectRequested, current.Closed).WaitAsync(stoppingToken);
                if (ended == current.Closed)
                {
                    await current.DisposeAsync();
                    current = null;
                    _failures = Math.Max(_failures, 1); // a dropped socket reconnects after a short, jittered pause
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
                        var next = await ConnectAsync(stoppingToken);
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
                        _failures++;
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
    private async Task<SocketModeConnection?> ConnectAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            if (_failures > 0)
            {
                var delay = Backoff(_failures);
                LogReconnecting(delay.TotalSeconds, _failures);
                await Task.Delay(delay, _time, stoppingToken);
            }

            SocketModeConnection? connection = null;
            try
            {
                var url = await _api.OpenSocketModeConnectionAsync(stoppingToken);
                connection = await SocketModeConnection.OpenAsync(url, HandleEnvelopeAsync, KeepAlive, _logger, ++_connectionCount, stoppingToken);
                await connection.Hello.WaitAsync(HelloTimeout, _time, stoppingToken);
                _failures = 0;
                return connection;
            }
            catch (SlackApiException ex) when (Unrecoverable.Contains(ex.Error))
            {
                LogUnrecoverable(ex.Error);
                return null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping while waiting for hello: close the half-open socket politely rather than leak it.
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                throw;
            }
            catch (Exception ex)
            {
                LogConnectFailed(ex.GetType().Name, ex.Message);
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                _failures++;
            }
        }
    }

    /// <summary>Full-jitter exponential backoff: a random delay between half and all of min(initial × 2^(n−1), max).</summary>
    internal TimeSpan Backoff(int failures)
    {
        var ceiling = Math.Min(MaxBackoff.TotalMilliseconds, InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + Random.Shared.NextDouble() / 2));
    }

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
