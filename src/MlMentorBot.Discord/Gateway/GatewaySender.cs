using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// Sends Gateway payloads on one connection: serialises sends (heartbeats come from another task), applies the send budget
/// (<see cref="GatewaySendLimiter"/>) and refuses payloads over Discord's 4096-byte cap (close 4002 otherwise).
/// https://discord.com/developers/docs/events/gateway#sending-events
/// </summary>
internal sealed class GatewaySender(ClientWebSocket socket, GatewaySendLimiter limiter) : IDisposable
{
    private const int MaxSendBytes = 4096;
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Op 1 with the last sequence number (null before the first dispatch).</summary>
    public Task SendHeartbeatAsync(int? sequence, CancellationToken cancellationToken) =>
        SendAsync(GatewayOp.Heartbeat, w => WriteSequence(w, sequence), isHeartbeat: true, cancellationToken);

    /// <summary>
    /// Op 2, intents 0 (interactions need none), as shard <c>[shardId, shardCount]</c>.
    /// https://discord.com/developers/docs/events/gateway-events#identify
    /// </summary>
    public Task SendIdentifyAsync(string token, int shardId, int shardCount, CancellationToken cancellationToken) =>
        SendAsync(GatewayOp.Identify, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteNumber("intents", 0);
            w.WriteStartArray("shard");
            w.WriteNumberValue(shardId);
            w.WriteNumberValue(shardCount);
            w.WriteEndArray();
            w.WriteStartObject("properties");
            w.WriteString("os", Environment.OSVersion.Platform.ToString().ToLowerInvariant());
            w.WriteString("browser", "MlMentorBot");
            w.WriteString("device", "MlMentorBot");
            w.WriteEndObject();
            w.WriteEndObject();
        }, isHeartbeat: false, cancellationToken);

    /// <summary>Op 6. https://discord.com/developers/docs/events/gateway-events#resume</summary>
    public Task SendResumeAsync(string token, string sessionId, int? sequence, CancellationToken cancellationToken) =>
        SendAsync(GatewayOp.Resume, w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteString("session_id", sessionId);
            w.WritePropertyName("seq");
            WriteSequence(w, sequence);
            w.WriteEndObject();
        }, isHeartbeat: false, cancellationToken);

    /// <summary>Sends <c>{"op": op, "d": …}</c>; throws <see cref="InvalidOperationException"/> for a payload over 4096 bytes.</summary>
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

    private static void WriteSequence(Utf8JsonWriter writer, int? sequence)
    {
        if (sequence is { } s)
        {
            writer.WriteNumberValue(s);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public void Dispose()
    {
        limiter.Dispose();
        _lock.Dispose();
    }
}
