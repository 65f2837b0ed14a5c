using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Discord;

/// <summary>
/// Plays Discord's side of the Gateway on Kestrel at 127.0.0.1, port 0. Each client connection shows up in
/// <see cref="NextConnectionAsync"/> with the path it used (<c>/gw</c> for the URL from <c>GET /gateway/bot</c>,
/// <c>/resume</c> for <c>resume_gateway_url</c>). Heartbeats are acknowledged automatically unless a connection says otherwise.
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private readonly Arrivals<GatewayConnection> _connections = new();
    private WebApplication _app = null!;

    public string BaseUrl { get; private set; } = "";

    public string GatewayUrl => BaseUrl + "/gw";

    public string ResumeUrl => BaseUrl + "/resume";

    public int ConnectionCount { get; private set; }

    public static async Task<FakeGateway> StartAsync()
    {
        var gateway = new FakeGateway();
        gateway._app = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new GatewayConnection(socket, context.Request.Path, context.Request.QueryString.Value ?? "");
            gateway.ConnectionCount++;
            await gateway._connections.AddAsync(connection);
            await connection.RunAsync();
        }));
        gateway.BaseUrl = gateway._app.Urls.First().Replace("http://", "ws://");
        return gateway;
    }

    public Task<GatewayConnection> NextConnectionAsync(int timeoutMs = 5000) => _connections.NextAsync(TimeSpan.FromMilliseconds(timeoutMs));

    /// <summary>True when no further connection arrives within <paramref name="ms"/>.</summary>
    public Task<bool> StaysQuietAsync(int ms) => _connections.NoneWithinAsync(TimeSpan.FromMilliseconds(ms));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One client connection as the server sees it.</summary>
internal sealed class GatewayConnection(WebSocket socket, string path, string query) : WebSocketPeer(socket)
{
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private int _sequence;

    public string Path { get; } = path.TrimEnd('/');

    public string Query { get; } = query;

    /// <summary>When false, heartbeats go unanswered (a zombie connection from the client's point of view).</summary>
    public bool IsAcking { get; set; } = true;

    public List<JsonNode> All { get; } = [];

    public async Task RunAsync()
    {
        try
        {
            while (Socket.State == WebSocketState.Open && await ReadMessageAsync() is { } text)
            {
                var message = JsonNode.Parse(text)!;
                lock (All)
                {
                    All.Add(message);
                }

                if ((int)message["op"]! == 1 && IsAcking)
                {
                    await SendAsync("""{"op":11,"d":null}""");
                }

                await _received.Writer.WriteAsync(message);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            MarkClosed();
            _received.Writer.TryComplete();
        }
    }

    public Task HelloAsync(int heartbeatMs = 100) => SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatMs}}},"s":null,"t":null}""");

    /// <summary>Sends a dispatch with the next sequence number.</summary>
    public Task DispatchAsync(string eventName, string data) =>
        SendAsync($$"""{"op":0,"s":{{Interlocked.Increment(ref _sequence)}},"t":"{{eventName}}","d":{{data}}}""");

    public Task ReadyAsync(string resumeUrl, string sessionId = "session-1")
    {
        var ready = JsonNode.Parse(DiscordFixtures.Text("gateway_ready.json"))!;
        ready["d"]!["resume_gateway_url"] = resumeUrl;
        ready["d"]!["session_id"] = sessionId;
        return DispatchAsync("READY", ready["d"]!.ToJsonString());
    }

    /// <summary>
    /// Sends a close frame with <paramref name="code"/>. The client may answer it and end the connection before Kestrel's
    /// flush returns (the flush then throws on a completed response); the frame went out, and <see cref="WebSocketPeer.Closed"/>
    /// is already complete, so that race is not a failure.
    /// </summary>
    public async Task CloseAsync(int code)
    {
        try
        {
            await Socket.CloseOutputAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);
        }
        catch (Exception ex) when ((ex is OperationCanceledException or ObjectDisposedException or WebSocketException) && Closed.IsCompleted)
        {
        }
    }

    /// <summary>Waits for the next message with opcode <paramref name="op"/>, skipping others (usually heartbeats).</summary>
    public async Task<JsonNode> ReceiveAsync(int op, int timeoutMs = 5000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        while (true)
        {
            var message = await _received.Reader.ReadAsync(timeout.Token);
            if ((int)message["op"]! == op)
            {
                return message;
            }
        }
    }
}
