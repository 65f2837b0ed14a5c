using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Slack;

/// <summary>
/// Plays Slack's side of Socket Mode in process (Kestrel on 127.0.0.1, port 0): <c>apps.connections.open</c> hands out
/// <c>ws://…/link?n=N</c>, and each WebSocket to it becomes a <see cref="Link"/> the test drives (send hello, envelopes,
/// disconnects; read acks; drop it). <see cref="Events"/> records opens and closes in order.
/// </summary>
internal sealed class FakeSlackSocketServer : IAsyncDisposable
{
    private readonly Arrivals<Link> _links = new();
    private WebApplication _app = null!;
    private int _opened;

    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>Answers to <c>apps.connections.open</c> before the default <c>{"ok":true,"url":…}</c>.</summary>
    public ConcurrentQueue<string> OpenResponses { get; } = new();

    public int OpenCalls;

    public string? LastAuthorization { get; private set; }

    public bool SaysHello { get; set; } = true;

    public Uri ApiBaseUrl => new(_app.Urls.First() + "/api/");

    public static async Task<FakeSlackSocketServer> StartAsync()
    {
        var server = new FakeSlackSocketServer();
        server._app = await LoopbackServer.StartAsync(app =>
        {
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

                await server._links.AddAsync(link);
                await link.ReceiveLoopAsync();
            });
        });
        return server;
    }

    /// <summary>The next WebSocket the client opens.</summary>
    public Task<Link> NextLinkAsync(TimeSpan? timeout = null) => _links.NextAsync(timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>True when no further WebSocket opens within <paramref name="wait"/>.</summary>
    public Task<bool> NoLinkWithinAsync(TimeSpan wait) => _links.NoneWithinAsync(wait);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One client connection, seen from Slack's side.</summary>
    internal sealed class Link(int number, WebSocket socket, ConcurrentQueue<string> events) : WebSocketPeer(socket)
    {
        private readonly Channel<string> _received = Channel.CreateUnbounded<string>();

        public int Number => number;

        /// <summary>The next message the client sent (an ack).</summary>
        public async Task<string> ReceiveAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            return await _received.Reader.ReadAsync(cts.Token);
        }

        internal async Task ReceiveLoopAsync()
        {
            try
            {
                while (await ReadMessageAsync() is { } message)
                {
                    await _received.Writer.WriteAsync(message);
                }

                events.Enqueue($"close {number}");
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                events.Enqueue($"lost {number}");
            }

            MarkClosed();
        }
    }
}
