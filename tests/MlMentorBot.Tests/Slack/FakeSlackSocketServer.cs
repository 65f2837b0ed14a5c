using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MlMentorBot.Tests.Slack;

/// <summary>
/// Plays Slack's side of Socket Mode in process (Kestrel on 127.0.0.1, port 0): <c>apps.connections.open</c> hands out
/// <c>ws://…/link?n=N</c>, and each WebSocket to it becomes a <see cref="Link"/> the test drives (send hello, envelopes,
/// disconnects; read acks; drop it). <see cref="Events"/> records opens and closes in order.
/// </summary>
internal sealed class FakeSlackSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Link> _links = Channel.CreateUnbounded<Link>();
    private int _opened;

    private FakeSlackSocketServer(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>Answers to <c>apps.connections.open</c> before the default <c>{"ok":true,"url":…}</c>.</summary>
    public ConcurrentQueue<string> OpenResponses { get; } = new();

    public int OpenCalls;

    public string? LastAuthorization { get; private set; }

    public bool SaysHello { get; set; } = true;

    public Uri ApiBaseUrl => new(_app.Urls.First() + "/api/");

    public static async Task<FakeSlackSocketServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSlackSocketServer(app);
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", (HttpContext http) =>
        {
            Interlocked.Increment(ref server.OpenCalls);
            server.LastAuthorization = http.Request.Headers.Authorization;
            var json = server.OpenResponses.TryDequeue(out var queued)
                ? queued
                : $$"""{"ok":true,"url":"{{app.Urls.First().Replace("http", "ws")}}/link?n={{server._opened + 1}}"}""";
            return Results.Text(json, "application/json");
        });
        app.Map("/link", async (HttpContext http) =>
        {
            var socket = await http.WebSockets.AcceptWebSocketAsync();
            var link = new Link(Interlocked.Increment(ref server._opened), socket, server.Events);
            server.Events.Enqueue($"open {link.Number}");
            if (server.SaysHello)
            {
                await link.SendAsync(SlackFixtures.Read("socket-hello.json"));
            }

            await server._links.Writer.WriteAsync(link);
            await link.ReceiveLoopAsync();
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>The next WebSocket the client opens.</summary>
    public async Task<Link> NextLinkAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _links.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True when no further WebSocket opens within <paramref name="wait"/>.</summary>
    public async Task<bool> NoLinkWithinAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            await _links.Reader.ReadAsync(cts.Token);
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

    /// <summary>One client connection, seen from Slack's side.</summary>
    internal sealed class Link(int number, WebSocket socket, ConcurrentQueue<string> events)
    {
        private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
        private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _sendLock = new(1, 1);

        public int Number => number;

        /// <summary>Completes with the close status the client sent (null if the socket just failed).</summary>
        public Task<WebSocketCloseStatus?> Closed => _closed.Task;

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

        /// <summary>The next message the client sent (an ack).</summary>
        public async Task<string> ReceiveAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            return await _received.Reader.ReadAsync(cts.Token);
        }

        /// <summary>Kills the TCP connection without a close handshake, like a network drop.</summary>
        public void Drop() => socket.Abort();

        internal async Task ReceiveLoopAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var message = new StringBuilder();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                        message.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        events.Enqueue($"close {number}");
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        _closed.TrySetResult(result.CloseStatus);
                        return;
                    }

                    await _received.Writer.WriteAsync(message.ToString());
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                events.Enqueue($"lost {number}");
                _closed.TrySetResult(null);
            }
        }
    }
}
