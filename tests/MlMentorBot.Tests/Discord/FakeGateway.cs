using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MlMentorBot.Tests.Discord;

/// <summary>
/// Plays Discord's side of the Gateway on Kestrel at 127.0.0.1, port 0. Each client connection shows up in
/// <see cref="NextConnectionAsync"/> with the path it used (<c>/gw</c> for the URL from <c>GET /gateway/bot</c>,
/// <c>/resume</c> for <c>resume_gateway_url</c>). Heartbeats are acknowledged automatically unless a connection says otherwise.
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<GatewayConnection> _connections = Channel.CreateUnbounded<GatewayConnection>();

    private FakeGateway(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string GatewayUrl => BaseUrl + "/gw";

    public string ResumeUrl => BaseUrl + "/resume";

    public int ConnectionCount { get; private set; }

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeGateway(app);
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new GatewayConnection(socket, context.Request.Path, context.Request.QueryString.Value ?? "");
            gateway.ConnectionCount++;
            await gateway._connections.Writer.WriteAsync(connection);
            await connection.RunAsync();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.BaseUrl = address.Replace("http://", "ws://");
        return gateway;
    }

    public async Task<GatewayConnection> NextConnectionAsync(int timeoutMs = 5000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        return await _connections.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True when no further connection arrives within <paramref name="ms"/>.</summary>
    public async Task<bool> StaysQuietAsync(int ms)
    {
        using var timeout = new CancellationTokenSource(ms);
        try
        {
            await _connections.Reader.WaitToReadAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One client connection as the server sees it.</summary>
internal sealed class GatewayConnection(WebSocket socket, string path, string query)
{
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _sequence;

    public string Path { get; } = path.TrimEnd('/');

    public string Query { get; } = query;

    /// <summary>When false, heartbeats go unanswered (a zombie connection from the client's point of view).</summary>
    public bool IsAcking { get; set; } = true;

    public List<JsonNode> All { get; } = [];

    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    public async Task RunAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var sb = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult(result.CloseStatus);
                        return;
                    }

                    sb.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);

                var message = JsonNode.Parse(sb.ToString())!;
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
            _closed.TrySetResult(null); // dropped without a close frame
            _received.Writer.TryComplete();
        }
    }

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
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

    public Task CloseAsync(int code) => socket.CloseOutputAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);

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
