using System.Text.Json.Serialization;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack;

/// <summary>Source-generated System.Text.Json metadata for everything the adapter writes; Slack's wire format is snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(ChatPostMessageRequest))]
[JsonSerializable(typeof(ChatPostEphemeralRequest))]
[JsonSerializable(typeof(ChatUpdateRequest))]
[JsonSerializable(typeof(ViewsOpenRequest))]
[JsonSerializable(typeof(ViewsUpdateRequest))]
[JsonSerializable(typeof(ConversationsOpenRequest))]
[JsonSerializable(typeof(ModalMetadata))]
[JsonSerializable(typeof(ChallengeResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
