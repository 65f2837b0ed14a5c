using System.Text.Json;

namespace MlMentorBot.Slack;

/// <summary>Tolerant reads from Slack's JSON: a missing property or one of another kind reads as absent, never throws.</summary>
internal static class JsonElementReading
{
    /// <summary>The property, or <c>default</c> (kind Undefined) when <paramref name="element"/> is not an object or lacks it.</summary>
    public static JsonElement Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    /// <summary>The property's string value, or null when it is missing or not a string.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>
    /// True when the property is JSON <c>true</c> or the string <c>"true"</c>: Slack sends <c>is_enterprise_install</c> as a bool in
    /// interaction and event payloads but as a string in slash commands, form-encoded or in a Socket Mode envelope.
    /// </summary>
    public static bool IsTrue(this JsonElement element, string name) => element.Child(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } value => string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
