using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MlMentorBot.Slack.Inbound;

namespace MlMentorBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket (https://docs.slack.dev/apis/events-api/using-socket-mode). Reads messages until the socket
/// closes: <c>hello</c> completes <see cref="Hello"/>, <c>disconnect</c> completes <see cref="DisconnectRequested"/> with its
/// reason (the socket keeps delivering until the caller closes it), and each envelope is handled concurrently and acknowledged
/// with <c>{"envelope_id", "payload"?}</c>. Client pings with a pong timeout detect a socket that is open but silent.
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    public delegate Task<SlackAck> EnvelopeHandler(string type, JsonElement payload, CancellationToken cancellationToken);

    private readonly ClientWebSocket _socket;
    private readonly EnvelopeHandler _handler;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _readLoop = Task.CompletedTask;

    private SocketModeConnection(ClientWebSocket socket, EnvelopeHandler handler, ILogger logger, int id)
    {
        _socket = socket;
        _handler = handler;
        _logger = logger;
        Id = id;
    }

    /// <summary>A number for logs, counting connections since start.</summary>
    public int Id { get; }

    /// <summary>Completes when Slack says <c>hello</c>: the connection is live.</summary>
    public Task Hello => _hello.Task;

    /// <summary>Completes with the reason of a <c>disconnect</c> message (<c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c> …).</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    /// <summary>Completes when the socket has closed or failed.</summary>
    public Task Closed => _readLoop;

    public static async Task<SocketModeConnection> OpenAsync(
        Uri url, EnvelopeHandler handler, TimeSpan keepAlive, ILogger logger, int id, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = keepAlive;
        socket.Options.KeepAliveTimeout = keepAlive;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new SocketModeConnection(socket, handler, logger, id);
        connection._readLoop = connection.ReadLoopAsync();
        return connection;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), _cts.Token);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    LogClosedByServer(Id, _socket.CloseStatus, _socket.CloseStatusDescription);
                    break;
                }

                OnMessage(buffer.WrittenMemory);
            }
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        catch (WebSocketException ex)
        {
            LogDropped(Id, ex.Message);
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("The socket closed before hello."));
        }
    }

    private void OnMessage(ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            LogUnreadable(Id);
            return;
        }

        var root = document.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        var envelopeId = root.TryGetProperty("envelope_id", out var e) ? e.GetString() : null;
        if (envelopeId is null)
        {
            switch (type)
            {
                case "hello":
                    LogHello(Id, root.TryGetProperty("num_connections", out var n) ? n.GetInt32() : 0);
                    _hello.TrySetResult();
                    break;
                case "disconnect":
                    _disconnect.TrySetResult(root.TryGetProperty("reason", out var r) ? r.GetString() ?? "unknown" : "unknown");
                    break;
            }

            document.Dispose();
            return;
        }

        // Handle envelopes concurrently so a slow one never delays the next one's 3-second ack.
        _ = Task.Run(async () =>
        {
            using (document)
            {
                await HandleEnvelopeAsync(type ?? "", envelopeId, root);
            }
        });
    }

    private async Task HandleEnvelopeAsync(string type, string envelopeId, JsonElement envelope)
    {
        SlackAck ack;
        try
        {
            var payload = envelope.TryGetProperty("payload", out var p) ? p : default;
            ack = await _handler(type, payload, _cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // Ack anyway: an unacknowledged envelope is redelivered, and would fail the same way.
            LogEnvelopeFailed(ex, type);
            ack = SlackAck.Empty;
        }

        await SendAckAsync(envelopeId, ack);
    }

    private async Task SendAckAsync(string envelopeId, SlackAck ack)
    {
        var output = new ArrayBufferWriter<byte>(256 + (ack.Json?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (ack.Json is { } json)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(json, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        await _sendLock.WaitAsync(_cts.Token);
        try
        {
            await _socket.SendAsync(output.WrittenMemory, WebSocketMessageType.Text, true, _cts.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogAckLost(Id, envelopeId);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the socket politely (waiting briefly for in-flight acks' sends), then stops reading.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }

                await _readLoop.WaitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }

        await _cts.CancelAsync();
        await _readLoop;
        _socket.Dispose();
        _cts.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Id} is live ({Connections} open)")]
    private partial void LogHello(int id, int connections);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack closed Socket Mode connection {Id}: {Status} {Description}")]
    private partial void LogClosedByServer(int id, WebSocketCloseStatus? status, string? description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Id} dropped: {Reason}")]
    private partial void LogDropped(int id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Id} sent a message that is not JSON")]
    private partial void LogUnreadable(int id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack {Type} envelope failed; acknowledged anyway")]
    private partial void LogEnvelopeFailed(Exception ex, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the ack for envelope {EnvelopeId} on connection {Id}")]
    private partial void LogAckLost(int id, string envelopeId);
}
