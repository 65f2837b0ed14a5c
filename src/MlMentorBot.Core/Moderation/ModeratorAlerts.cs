using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Moderation;

/// <summary>
/// Posts to the moderators' channel (<see cref="ModerationOptions.AlertChannel"/>) through the messenger of its platform.
/// Never throws: an alert that cannot be posted is logged, because the thing it reports is already in the logs too.
/// </summary>
internal sealed class ModeratorAlerts(IOptions<ModerationOptions> options, IEnumerable<IChannelMessenger> messengers, ILogger<ModeratorAlerts> logger)
{
    /// <summary>True when an alert channel is configured.</summary>
    public bool IsConfigured => options.Value.AlertChannel is { Platform.Length: > 0, ChannelId.Length: > 0 };

    /// <summary>Posts <paramref name="reply"/>; returns false when no channel is configured or posting failed.</summary>
    public Task<bool> PostAsync(BotReply reply, CancellationToken cancellationToken) => PostAsync(reply, null, cancellationToken);

    /// <summary>
    /// As <see cref="PostAsync(BotReply, CancellationToken)"/>, with the idempotency key of a one-time post that another replica
    /// may retry (see <see cref="IChannelMessenger.PostAsync(string, BotReply, string?, string?, CancellationToken)"/>).
    /// </summary>
    public async Task<bool> PostAsync(BotReply reply, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (options.Value.AlertChannel is not { Platform.Length: > 0, ChannelId.Length: > 0 } channel)
        {
            return false;
        }

        return await PostToAsync(channel.Platform, channel.ChannelId, reply, idempotencyKey, cancellationToken);
    }

    /// <summary>The platform of the operators' alert channel, or null when none is configured.</summary>
    public string? Platform => IsConfigured ? options.Value.AlertChannel!.Platform.ToLowerInvariant() : null;

    /// <summary>
    /// Posts <paramref name="reply"/> to a community's own moderators' channel (<paramref name="channelId"/> on
    /// <paramref name="platform"/>), with the same never-throw rule. The caller sets <see cref="CommunityScope"/> so the post
    /// uses that community's credentials. Returns false when it was not posted.
    /// </summary>
    public async Task<bool> PostToAsync(string platform, string channelId, BotReply reply, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var messenger = messengers.FirstOrDefault(m => m.Platform.Equals(platform, StringComparison.OrdinalIgnoreCase));
        if (messenger is null)
        {
            logger.LogWarning("No adapter for platform {Platform} is running; moderators' post not sent: {Title}", platform, reply.Title);
            return false;
        }

        try
        {
            var post = reply with { IsPrivate = false, AimedAtUserId = null };
            await (idempotencyKey is null
                ? messenger.PostAsync(channelId, post, null, cancellationToken)
                : messenger.PostAsync(channelId, post, null, idempotencyKey, cancellationToken));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not post to the moderators' channel {Platform}/{Channel}: {Title}", platform, channelId, reply.Title);
            return false;
        }
    }
}
