using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MlMentorBot.Slack.Inbound;

/// <summary>
/// What goes back to Slack for one request or envelope: nothing (a bare 200 / <c>{"envelope_id"}</c>) or a JSON body
/// (the HTTP response, or the Socket Mode ack's <c>payload</c>).
/// </summary>
internal readonly record struct SlackAck(byte[]? Json)
{
    public static SlackAck Empty => default;

    public static SlackAck Of<T>(T value, JsonTypeInfo<T> typeInfo) => new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
}
