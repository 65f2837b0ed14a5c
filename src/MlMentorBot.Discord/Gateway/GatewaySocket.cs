using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace MlMentorBot.Discord.Gateway;

/// <summary>Reading whole Gateway messages from the socket and closing it so the session stays resumable.</summary>
internal static class GatewaySocket
{
    private const WebSocketCloseStatus ResumableClose = (WebSocketCloseStatus)4000;

    /// <summary>The next complete message, or null when the server closed the socket.</summary>
    public static async Task<GatewayPayload?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
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
    public static async Task CloseAsync(ClientWebSocket socket, WebSocketCloseStatus status = ResumableClose)
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
}
