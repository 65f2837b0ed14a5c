using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.OAuth;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack.Messaging;

/// <summary>
/// Bot-initiated Slack posts (check-in prompts, digests) through chat.postMessage / chat.update, paced per channel by
/// <see cref="SlackApiClient"/>, with the token of the workspace in <see cref="CommunityScope.Current"/>. Message ids are Slack's
/// <c>ts</c>; <c>threadId</c> is a parent message's <c>ts</c> (https://docs.slack.dev/reference/methods/chat.postMessage#threads).
/// A channel post is visible to the channel, so <see cref="BotReply.IsPrivate"/> does not apply here. A workspace that has no
/// installation (it removed the app) is refused with one log line and an empty message id: nothing is posted, and the
/// scheduler records the post as done rather than trying again. Throws <see cref="SlackApiException"/> on any other failure.
/// </summary>
internal sealed partial class SlackChannelMessenger(SlackApiClient api, ILogger<SlackChannelMessenger> logger) : IChannelMessenger
{
    public string Platform => "slack";

    public async Task<string> PostAsync(string channelId, BotReply reply, string? threadId, CancellationToken cancellationToken)
    {
        try
        {
            return await api.PostMessageAsync(channelId, BlockKitRenderer.Render(reply with { IsPrivate = false }), threadId, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error == SlackTokenResolver.NotInstalled)
        {
            LogNotInstalled(CommunityScope.Current?.WorkspaceId ?? "(no workspace)", channelId);
            return "";
        }
    }

    public async Task UpdateAsync(string channelId, string messageId, BotReply reply, CancellationToken cancellationToken)
    {
        try
        {
            await api.UpdateMessageAsync(channelId, messageId, BlockKitRenderer.Render(reply with { IsPrivate = false }), cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error == SlackTokenResolver.NotInstalled)
        {
            LogNotInstalled(CommunityScope.Current?.WorkspaceId ?? "(no workspace)", channelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not posting to Slack channel {ChannelId}: workspace {Workspace} has no installation (the app was removed)")]
    private partial void LogNotInstalled(string workspace, string channelId);
}
