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
internal sealed partial class DiscordJson : JsonSerializerContext
{
    /// <summary>
    /// The same metadata, writing non-ASCII text (emoji, dashes) as UTF-8 instead of <c>\uXXXX</c> escapes: the output goes to
    /// Discord's API, not into HTML, and replies full of emoji shrink by a third.
    /// Created on first use: static initialisers of partial classes run in an unspecified order, and this one needs <c>Default</c>.
    /// </summary>
    public static DiscordJson Relaxed => s_relaxed ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static DiscordJson? s_relaxed;
}
