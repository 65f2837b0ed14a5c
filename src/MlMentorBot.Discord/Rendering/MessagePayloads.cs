using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlMentorBot.Discord.Rendering;

// Outgoing shapes. Nulls are omitted when written (DiscordJson), so each record lists every field it may carry.

/// <summary>Interaction callback types. https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type</summary>
internal enum CallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    AutocompleteResult = 8,
    Modal = 9,
}

/// <summary>
/// An interaction response: <c>{type, data}</c>. <see cref="Data"/> is a <see cref="MessagePayload"/>, a
/// <see cref="ModalPayload"/> or an <see cref="AutocompletePayload"/>.
/// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object
/// </summary>
internal sealed record InteractionResponse(CallbackType Type, object? Data = null)
{
    /// <summary>
    /// True when this same instance is sent again for the same answer (it was built from a <c>BotReply.IsReused</c> reply), so
    /// its JSON may be kept: see <see cref="ToJson"/>. Not sent.
    /// </summary>
    [JsonIgnore]
    public bool IsReused { get; init; }

    private static readonly ConditionalWeakTable<InteractionResponse, byte[]> Kept = new();

    /// <summary>
    /// The response as UTF-8 JSON (relaxed escaping, <see cref="DiscordJson.Relaxed"/>). For a reused response the bytes are
    /// serialised once and shared, so callers must not change them; entries go when the response is collected.
    /// </summary>
    public byte[] ToJson() => IsReused ? Kept.GetValue(this, static r => r.Serialize()) : Serialize();

    private byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this, DiscordJson.Relaxed.InteractionResponse);
}

/// <summary>Message flags we set. https://discord.com/developers/docs/resources/message#message-object-message-flags</summary>
[Flags]
internal enum MessageFlags
{
    None = 0,
    Ephemeral = 1 << 6,
}

/// <summary>A message body for callbacks, webhook edits and channel posts. https://discord.com/developers/docs/resources/message#create-message</summary>
internal sealed record MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public required AllowedMentions AllowedMentions { get; init; }

    public int? Flags { get; init; }

    public MessageReference? MessageReference { get; init; }

    /// <summary>With <see cref="EnforceNonce"/>: Discord returns the message already created with this nonce (up to 25 characters) in the last few minutes instead of a second one.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }
}

/// <summary>https://discord.com/developers/docs/resources/message#allowed-mentions-object</summary>
internal sealed record AllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string>? Users = null)
{
    public static readonly AllowedMentions None = new([]);
}

/// <summary>Replies to a message in the same channel. https://discord.com/developers/docs/resources/message#message-reference-structure</summary>
internal sealed record MessageReference(
    [property: JsonConverter(typeof(Interactions.SnowflakeConverter))] ulong MessageId,
    bool FailIfNotExists = false);

/// <summary>https://discord.com/developers/docs/resources/message#embed-object</summary>
internal sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedFooter? Footer { get; init; }
}

internal sealed record EmbedField(string Name, string Value, bool Inline);

internal sealed record EmbedFooter(string Text);

/// <summary>
/// A component of any type we send: Action Row (1), Button (2), Text Input (4), Label (18).
/// https://discord.com/developers/docs/components/reference
/// </summary>
internal sealed record Component(int Type)
{
    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The single child of a Label.</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; init; }

    public bool? Required { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public int? MaxLength { get; init; }
}

/// <summary>Type 9 data. https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal</summary>
internal sealed record ModalPayload(string CustomId, string Title, IReadOnlyList<Component> Components);

/// <summary>Type 8 data; at most 25 choices.</summary>
internal sealed record AutocompletePayload(IReadOnlyList<AutocompleteChoice> Choices);

internal sealed record AutocompleteChoice(string Name, string Value);
