using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Messaging;

/// <summary>
/// Thrown by an adapter's channel pacing when one channel already has as many posts waiting as it may queue (Slack's
/// <c>ChannelPacer</c>, Discord's channel messenger). Nothing was sent. Callers answering a member tell
/// them with <see cref="Reply"/>; scheduled posts stay pending and are tried again on the next run.
/// </summary>
public sealed class ChannelBusyException(string channelId, int queued)
    : Exception($"Channel {channelId} already has {queued} posts waiting; this one was not queued.")
{
    /// <summary>The platform channel id whose queue is full.</summary>
    public string ChannelId { get; } = channelId;

    /// <summary>What a member is told when their post could not be queued.</summary>
    public static BotReply Reply { get; } = BotReply.Problem("This channel is busy",
        "Too many messages are waiting to be posted in this channel right now, so I did not post yours. Please try again in a few minutes.");
}
