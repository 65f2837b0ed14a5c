using MlMentorBot.Slack.BlockKit;

namespace MlMentorBot.Slack.WebApi;

// Request bodies for the Web API methods the bot calls (https://docs.slack.dev/reference/methods/<method>), snake_case on the wire.

/// <summary>
/// A message as a slash command's immediate response, a Socket Mode ack payload, or a <c>response_url</c> POST
/// (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses): <c>response_type</c> is
/// <c>ephemeral</c> or <c>in_channel</c>.
/// </summary>
internal sealed record MessagePayload(string ResponseType, string Text, IReadOnlyList<Block>? Blocks, bool? ReplaceOriginal = null)
{
    public static MessagePayload From(SlackMessage message) =>
        new(message.IsEphemeral ? "ephemeral" : "in_channel", message.Text, message.Blocks);
}

/// <summary>https://docs.slack.dev/reference/methods/chat.postMessage</summary>
internal sealed record ChatPostMessageRequest(string Channel, string Text, IReadOnlyList<Block> Blocks, string? ThreadTs, bool UnfurlLinks = false);

/// <summary>https://docs.slack.dev/reference/methods/chat.postEphemeral — <c>user</c> must be in <c>channel</c>.</summary>
internal sealed record ChatPostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block> Blocks, string? ThreadTs);

/// <summary>https://docs.slack.dev/reference/methods/chat.update</summary>
internal sealed record ChatUpdateRequest(string Channel, string Ts, string Text, IReadOnlyList<Block> Blocks);

/// <summary>https://docs.slack.dev/reference/methods/views.open — the trigger id is valid for 3 s.</summary>
internal sealed record ViewsOpenRequest(string TriggerId, ModalView View);

/// <summary>https://docs.slack.dev/reference/methods/views.update</summary>
internal sealed record ViewsUpdateRequest(string ViewId, ModalView View, string? Hash);

/// <summary>https://docs.slack.dev/reference/methods/conversations.open — <c>users</c> is a comma-separated list.</summary>
internal sealed record ConversationsOpenRequest(string Users);

/// <summary>The Events API <c>url_verification</c> answer (https://docs.slack.dev/reference/events/url_verification).</summary>
internal sealed record ChallengeResponse(string Challenge);

/// <summary>https://docs.slack.dev/reference/methods/users.info (the fields the bot reads).</summary>
internal sealed record SlackUser(string Id, string TeamId, string Name, string? RealName, string? DisplayName, bool IsBot, bool IsAdmin);

/// <summary>https://docs.slack.dev/reference/methods/auth.test — who the bot token belongs to.</summary>
internal sealed record SlackAuthInfo(string TeamId, string UserId, string? BotId, string? EnterpriseId, string Url);
