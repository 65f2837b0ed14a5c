using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlMentorBot.Discord.Interactions;

// Incoming interaction shapes, deserialized leniently: unknown fields are ignored and most documented ones are optional,
// because not every documented field shows up in practice.
// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-structure

/// <summary>Interaction types. https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type</summary>
internal enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>An interaction as Discord sends it over HTTP or inside a Gateway <c>INTERACTION_CREATE</c> dispatch.</summary>
internal sealed record Interaction
{
    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong Id { get; init; }

    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong ApplicationId { get; init; }

    public InteractionType Type { get; init; }

    public string Token { get; init; } = "";

    public InteractionData? Data { get; init; }

    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong GuildId { get; init; }

    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong ChannelId { get; init; }

    /// <summary>Sent when invoked in a guild; the user is <c>member.user</c>.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Sent when invoked in a DM.</summary>
    public DiscordUser? User { get; init; }

    /// <summary>The message a component sat on (components, and modals opened from components).</summary>
    public InteractionMessage? Message { get; init; }

    public string? Locale { get; init; }

    public DiscordUser? Invoker => Member?.User ?? User;
}

/// <summary><c>data</c> for commands and autocomplete (name, options), components (custom_id, values) and modal submits (custom_id, components).</summary>
internal sealed record InteractionData
{
    public string? Name { get; init; }

    public IReadOnlyList<CommandOptionValue>? Options { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public IReadOnlyList<SubmittedComponent>? Components { get; init; }
}

/// <summary>
/// An option as invoked. Subcommands arrive as type 1 with nested <see cref="Options"/>; <see cref="Value"/> is a string,
/// number or bool; <see cref="IsFocused"/> marks the option being typed in an autocomplete interaction.
/// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-application-command-interaction-data-option-structure
/// </summary>
internal sealed record CommandOptionValue
{
    public string Name { get; init; } = "";

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<CommandOptionValue>? Options { get; init; }

    [JsonPropertyName("focused")]
    public bool IsFocused { get; init; }
}

/// <summary>
/// A modal submission component in either shape: the current Label (18) with a singular <see cref="Component"/>, or the
/// legacy Action Row (1) with <see cref="Components"/>. https://discord.com/developers/docs/components/reference#label
/// </summary>
internal sealed record SubmittedComponent
{
    public int Type { get; init; }

    public string? CustomId { get; init; }

    public string? Value { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public SubmittedComponent? Component { get; init; }

    public IReadOnlyList<SubmittedComponent>? Components { get; init; }
}

/// <summary>A guild member; <see cref="Permissions"/> is the member's permission bitfield in the channel, as a decimal string.</summary>
internal sealed record GuildMember
{
    public DiscordUser? User { get; init; }

    public string? Nick { get; init; }

    public string? Permissions { get; init; }

    /// <summary>The member's role ids (snowflakes as strings), for a community's moderator role (issue #12).</summary>
    public IReadOnlyList<string>? Roles { get; init; }
}

/// <summary>https://discord.com/developers/docs/resources/user#user-object</summary>
internal sealed record DiscordUser
{
    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong Id { get; init; }

    public string? Username { get; init; }

    public string? GlobalName { get; init; }
}

/// <summary>The message a component was on; <see cref="Flags"/> carries EPHEMERAL (64) for private replies.</summary>
internal sealed record InteractionMessage
{
    [JsonConverter(typeof(SnowflakeConverter))]
    public ulong Id { get; init; }

    public int Flags { get; init; }

    public DiscordUser? Author { get; init; }

    public InteractionMetadata? InteractionMetadata { get; init; }
}

/// <summary>Who triggered the interaction that created a message. https://discord.com/developers/docs/resources/message#message-interaction-metadata-object</summary>
internal sealed record InteractionMetadata
{
    public DiscordUser? User { get; init; }
}

/// <summary>
/// Snowflakes are JSON strings that may exceed 2^53 (https://discord.com/developers/docs/reference#snowflakes); read them
/// (or a bare number, leniently) into <see cref="ulong"/> and write them back as strings.
/// </summary>
internal sealed class SnowflakeConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String when ulong.TryParse(reader.GetString(), out var id) => id,
        JsonTokenType.Number when reader.TryGetUInt64(out var id) => id,
        JsonTokenType.Null => 0,
        _ => throw new JsonException("Expected a snowflake string."),
    };

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
