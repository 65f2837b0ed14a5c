using System.Text.Json;
using System.Text.Json.Serialization;
using MlMentorBot.Discord.Gateway;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;

namespace MlMentorBot.Discord;

/// <summary>
/// Source-generated System.Text.Json metadata for every Discord shape: snake_case names, nulls omitted on write, unknown
/// fields ignored on read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(ModalPayload))]
[JsonSerializable(typeof(AutocompletePayload))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DiscordJson : JsonSerializerContext;
