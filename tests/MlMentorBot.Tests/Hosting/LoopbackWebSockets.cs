using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MlMentorBot.Tests.Hosting;

/// <summary>
/// Kestrel on 127.0.0.1, port 0, with WebSockets on and logging off: the host for tests that play a platform's server side
/// in process (Discord's Gateway, Slack's Socket Mode). <paramref name="map"/> adds the endpoints before it starts.
/// </summary>
internal static class LoopbackServer
{
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        map(app);
        await app.StartAsync();
        return app;
    }
}

/// <summary>What a fake server accepted (connections), in order, for a test to take one at a time or to check that none came.</summary>
internal sealed class Arrivals<T>
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();

    public ValueTask AddAsync(T item) => _items.Writer.WriteAsync(item);

    /// <summary>The next arrival; throws <see cref="OperationCanceledException"/> when none comes within <paramref name="timeout"/>.</summary>
    public async Task<T> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _items.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True when nothing arrives within <paramref name="wait"/> (an arrival is left for <see cref="NextAsync"/>).</summary>
    public async Task<bool> NoneWithinAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            await _items.Reader.WaitToReadAsync(cts.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}

/// <summary>
/// The server's end of one test WebSocket: text sends one at a time, whole-message reads, dropping the connection, and how
/// the client closed it (<see cref="Closed"/>: the close status it sent, or null when the socket just failed).
/// </summary>
internal abstract class WebSocketPeer(WebSocket socket)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private WebSocketCloseStatus? _closeStatus;

    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    protected WebSocket Socket => socket;

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

    /// <summary>Kills the TCP connection without a close handshake, like a network drop.</summary>
    public void Drop() => socket.Abort();

    /// <summary>
    /// Reads one whole text message; null once the client has sent a close frame (its status is kept for
    /// <see cref="MarkClosed"/>). A failed socket throws <see cref="WebSocketException"/>.
    /// </summary>
    protected async Task<string?> ReadMessageAsync()
    {
        var message = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(_buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                _closeStatus = result.CloseStatus;
                return null;
            }

            message.Append(Encoding.UTF8.GetString(_buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);

        return message.ToString();
    }

    /// <summary>Completes <see cref="Closed"/>: with the status of the client's close frame, or null if none came.</summary>
    protected void MarkClosed() => _closed.TrySetResult(_closeStatus);
}
