using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Messaging;

/// <summary>
/// Posts bot-initiated messages (check-in prompts, digests, moderator alerts) to a channel. Each adapter registers one,
/// going through its own API client and rate limits (Discord: <c>POST /channels/{id}/messages</c>; Slack: <c>chat.postMessage</c>).
/// </summary>
public interface IChannelMessenger
{
    /// <summary><c>discord</c>, <c>slack</c> or <c>local</c>, matching <see cref="Commands.MemberKey.Platform"/>.</summary>
    string Platform { get; }

    /// <summary>
    /// Posts <paramref name="reply"/> to <paramref name="channelId"/>, in the thread of <paramref name="threadId"/> when given.
    /// Returns the new message's id (Discord snowflake, Slack <c>ts</c>). Throws the adapter's API exception on failure.
    /// </summary>
    Task<string> PostAsync(string channelId, BotReply reply, string? threadId, CancellationToken cancellationToken);

    /// <summary>Replaces the content of a message this bot posted earlier.</summary>
    Task UpdateAsync(string channelId, string messageId, BotReply reply, CancellationToken cancellationToken);
}
