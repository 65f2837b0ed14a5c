using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// Posts to a group's channel through the <see cref="IChannelMessenger"/> of the group's platform (the adapters' REST clients,
/// with their rate limits; the local chat prints). Also keeps a posted digest current when someone checks in late.
/// </summary>
public sealed class CheckInPublisher(
    IEnumerable<IChannelMessenger> messengers,
    CheckInStore store,
    IKnowledgeProvider knowledge,
    ILogger<CheckInPublisher> logger)
{
    /// <summary>Posts and returns the message id; throws <see cref="InvalidOperationException"/> when no adapter serves the platform.</summary>
    public async Task<string> PostAsync(StudyGroup group, BotReply reply, string? threadId, CancellationToken cancellationToken)
    {
        // The group's community picks the credentials (one Slack token per installed workspace or org-wide install, issue #12).
        using var community = CommunityScope.Enter(group.Scope);
        return await MessengerFor(group).PostAsync(group.ChannelId, reply, threadId, cancellationToken);
    }

    /// <summary>As <see cref="PostAsync(StudyGroup, BotReply, string?, CancellationToken)"/>, with the scheduled claim's idempotency key (see <see cref="IChannelMessenger.PostAsync(string, BotReply, string?, string?, CancellationToken)"/>).</summary>
    public async Task<string> PostAsync(StudyGroup group, BotReply reply, string? threadId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var community = CommunityScope.Enter(group.Scope);
        return await MessengerFor(group).PostAsync(group.ChannelId, reply, threadId, idempotencyKey, cancellationToken);
    }

    /// <summary>The week's digest as it stands now (every stored check-in and away note), without posting it.</summary>
    public async Task<BotReply> BuildDigestAsync(StudyGroup group, CheckInWeek week, CancellationToken cancellationToken) =>
        CheckInMessages.Digest(group, week, await store.LoadWeekAsync(group, week, cancellationToken), knowledge.Current);

    /// <summary>
    /// After a late check-in: when the week's digest is already posted, edits it to include the check-in and adds a note in
    /// its thread (issue #5: "a late check-in updates the digest or adds to it in thread"). Failures are logged, not thrown:
    /// the check-in itself is stored either way.
    /// </summary>
    public async Task AddLateCheckInAsync(StudyGroup group, CheckInWeek week, GroupMember member, CheckIn checkIn, CancellationToken cancellationToken)
    {
        var digest = await store.GetActionAsync(group.Id, week.Key, ScheduledKind.Digest, cancellationToken);
        if (digest is not { State: "sent", MessageId: { Length: > 0 } messageId })
        {
            return; // not posted yet: the scheduler's digest will include it
        }

        using var community = CommunityScope.Enter(group.Scope);
        try
        {
            var messenger = MessengerFor(group);
            await messenger.UpdateAsync(group.ChannelId, messageId, await BuildDigestAsync(group, week, cancellationToken), cancellationToken);
            await messenger.PostAsync(group.ChannelId, CheckInMessages.LateAddition(group, member, checkIn), messageId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not add a late check-in to the digest of group {GroupId} week {Week}", group.Id, week.Key);
        }
    }

    private IChannelMessenger MessengerFor(StudyGroup group) =>
        messengers.FirstOrDefault(m => string.Equals(m.Platform, group.Platform, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No channel messenger for platform '{group.Platform}' (is its adapter enabled?)");
}
