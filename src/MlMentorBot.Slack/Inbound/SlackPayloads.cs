using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MlMentorBot.Core.Commands;
using MlMentorBot.Slack.BlockKit;

namespace MlMentorBot.Slack.Inbound;

/// <summary>
/// Reads the parts of Slack payloads that carry member input: slash-command text (mentions → user ids) and a submitted modal
/// (<c>private_metadata</c> + <c>state.values</c> → <see cref="CommandInput"/>). Anything that cannot be read throws
/// <see cref="FormatException"/>, which the HTTP endpoints answer with 400 and Socket Mode with an empty ack.
/// </summary>
internal static partial class SlackPayloads
{
    /// <summary>
    /// Longest slash-command <c>text</c> accepted, in UTF-16 characters. Slack asks clients to keep a message to 4,000
    /// characters ("Clients should limit messages sent to channels to 4000 characters", RTM message limits) and the command
    /// box is such a client; longer text is refused before any parsing.
    /// </summary>
    public const int MaxCommandText = 4000;

    /// <summary>A modal text input holds at most 3,000 characters (Block Kit <c>plain_text_input.max_length</c>).</summary>
    public const int MaxFieldValue = 3000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a body as UTF-8; invalid bytes throw <see cref="FormatException"/> rather than turning into U+FFFD.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> body)
    {
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("The body is not valid UTF-8.");
        }
    }

    /// <summary>
    /// Checks that every property name and string in <paramref name="element"/> is text .NET can read: a JSON escape of a lone
    /// surrogate (<c>"\ud800"</c>) or invalid UTF-8 inside a string parses, but reading it throws, deep inside a handler.
    /// </summary>
    public static void EnsureReadable(JsonElement element)
    {
        try
        {
            Walk(element);
        }
        catch (InvalidOperationException)
        {
            throw new FormatException("The payload holds a string that is not valid Unicode (a lone surrogate or invalid UTF-8).");
        }

        static void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Splits slash-command text as Slack sends it into the command input: each real mention (<c>&lt;@U123|bob&gt;</c>, which
    /// only Slack writes: a typed <c>&lt;</c> arrives as <c>&amp;lt;</c>) becomes a user id, and the rest has Slack's
    /// <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> entities undone (https://docs.slack.dev/messaging/formatting-message-text#escaping).
    /// A mention anywhere in the text aims the answer at that member; it is not part of an <c>/ask</c> question.
    /// </summary>
    public static CommandInput SlashCommandInput(string command, string rawText)
    {
        var mentions = new List<string>();
        var text = rawText.Contains("<@", StringComparison.Ordinal)
            ? Mention().Replace(rawText, m =>
            {
                mentions.Add(m.Groups[1].Value);
                return " ";
            })
            : rawText;
        text = Unescape(text).Trim();
        return new CommandInput(text.Length == 0 ? command : command + " " + text) { MentionedUserIds = mentions };
    }

    /// <summary>
    /// Reads a <c>view_submission</c> of our modal: the command (and channel) from <c>private_metadata</c>, and each input's
    /// <c>state.values[block_id][action_id].value</c> as a field named after its block. Returns null when the view is not ours;
    /// throws <see cref="FormatException"/> when it is ours but unreadable (no command, wrong types).
    /// </summary>
    public static (CommandInput Input, string? Channel)? Submission(JsonElement view)
    {
        if (view.Text("callback_id") != BlockKitRenderer.ModalCallbackId)
        {
            return null;
        }

        if (view.Text("private_metadata") is not { } json)
        {
            throw new FormatException("The form has no private_metadata.");
        }

        ModalMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize(json, SlackJsonContext.Wire.ModalMetadata);
        }
        catch (JsonException)
        {
            throw new FormatException("The form's private_metadata is not the JSON this app wrote.");
        }

        if (metadata is not { Command: { Length: > 1 } command } || command[0] != '/')
        {
            throw new FormatException("The form's private_metadata names no command.");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var values = view.Child("state").Child("values");
        if (values.ValueKind == JsonValueKind.Object)
        {
            foreach (var block in values.EnumerateObject())
            {
                if (block.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var element in block.Value.EnumerateObject())
                {
                    if (element.Value.Text("value") is { } value && !string.IsNullOrWhiteSpace(value))
                    {
                        fields[block.Name] = value.Length > MaxFieldValue ? throw new FormatException("A form value is longer than Slack allows.") : value;
                    }
                }
            }
        }

        return (new CommandInput(command) { Fields = fields }, metadata.Channel);
    }

    private static string Unescape(string text) =>
        text.Contains('&', StringComparison.Ordinal)
            ? text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
            : text;

    /// <summary>A user mention as Slack escapes it: <c>&lt;@U123&gt;</c> or <c>&lt;@U123|name&gt;</c> (W… for Enterprise Grid).</summary>
    [GeneratedRegex(@"<@([UW][A-Z0-9]{1,20})(?:\|[^>]{0,100})?>")]
    private static partial Regex Mention();
}
