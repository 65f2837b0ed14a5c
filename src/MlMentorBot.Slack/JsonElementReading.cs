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
}
