using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack.Messaging;

/// <summary>
/// Bot-initiated Slack posts (check-in prompts, digests) through chat.postMessage / chat.update, paced per channel by
/// <see cref="SlackApiClient"/>. Message ids are Slack's <c>ts</c>; <c>threadId</c> is a parent message's <c>ts</c>
/// (https://docs.slack.dev/reference/methods/chat.postMessage#threads). A channel post is visible to the channel, so
/// <see cref="BotReply.IsPrivate"/> does not apply here. Throws <see cref="SlackApiException"/> on failure.
/// </summary>
internal sealed class SlackChannelMessenger(SlackApiClient api) : IChannelMessenger
{
    public string Platform => "slack";

    public Task<string> PostAsync(string channelId, BotReply reply, string? threadId, CancellationToken cancellationToken) =>
        api.PostMessageAsync(channelId, BlockKitRenderer.Render(reply with { IsPrivate = false }), threadId, cancellationToken);

    public Task UpdateAsync(string channelId, string messageId, BotReply reply, CancellationToken cancellationToken) =>
        api.UpdateMessageAsync(channelId, messageId, BlockKitRenderer.Render(reply with { IsPrivate = false }), cancellationToken);
}
