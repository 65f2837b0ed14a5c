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

        var messenger = messengers.FirstOrDefault(m => m.Platform.Equals(channel.Platform, StringComparison.OrdinalIgnoreCase));
        if (messenger is null)
        {
            logger.LogWarning("Moderation:AlertChannel names platform {Platform}, but no adapter for it is running; alert not posted: {Title}", channel.Platform, reply.Title);
            return false;
        }

        try
        {
            var post = reply with { IsPrivate = false, AimedAtUserId = null };
            await (idempotencyKey is null
                ? messenger.PostAsync(channel.ChannelId, post, null, cancellationToken)
                : messenger.PostAsync(channel.ChannelId, post, null, idempotencyKey, cancellationToken));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not post to the moderators' channel {Platform}/{Channel}: {Title}", channel.Platform, channel.ChannelId, reply.Title);
            return false;
        }
    }
}
