namespace MlMentorBot.Core.Messaging;

/// <summary>
/// Thrown by an <see cref="IChannelMessenger"/> when the platform says the bot can no longer reach a channel: Discord's
/// 403 Missing Access (50001) or 404 Unknown Guild (10004) mean the bot left or was removed from the whole community
/// (<see cref="IsWholeCommunity"/>); 404 Unknown Channel (10003) means the one channel is gone. Schedulers stop posting there
/// instead of retrying (issue #12). https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
/// </summary>
public sealed class CommunityUnreachableException(bool isWholeCommunity, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when the whole community (guild) is out of reach, false when only the channel is.</summary>
    public bool IsWholeCommunity { get; } = isWholeCommunity;
}
