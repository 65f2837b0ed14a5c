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

    /// <summary>
    /// As <see cref="PostAsync(string, BotReply, string?, CancellationToken)"/>, for a scheduled post that replicas may retry:
    /// <paramref name="idempotencyKey"/> (at most 25 characters, the same on every retry of one fire time) lets a platform that
    /// supports it create the message once (Discord: <c>nonce</c> with <c>enforce_nonce</c>, checked for a few minutes). Platforms
    /// without such a key (Slack, the local chat) ignore it; docs/scale-out.md says what that means.
    /// </summary>
    Task<string> PostAsync(string channelId, BotReply reply, string? threadId, string? idempotencyKey, CancellationToken cancellationToken) =>
        PostAsync(channelId, reply, threadId, cancellationToken);

    /// <summary>Replaces the content of a message this bot posted earlier.</summary>
    Task UpdateAsync(string channelId, string messageId, BotReply reply, CancellationToken cancellationToken);
}
