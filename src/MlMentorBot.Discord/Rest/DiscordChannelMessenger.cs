using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord.Rendering;

namespace MlMentorBot.Discord.Rest;

/// <summary>
/// Bot-initiated posts (check-in prompts, digests, moderator alerts) through <c>POST /channels/{id}/messages</c> and edits
/// through <c>PATCH /channels/{id}/messages/{id}</c>. Needs the bot user in the guild with VIEW_CHANNEL and SEND_MESSAGES.
/// A <c>threadId</c> is the id of an earlier message in the channel: the post replies to it (<c>message_reference</c>); to post
/// inside a Discord thread, pass the thread's own id as the channel. https://discord.com/developers/docs/resources/message#create-message
/// Posts go through the adapter's <see cref="ChannelPacer"/>: one at a time per channel (the REST client waits out the channel's
/// rate-limit bucket), at most <see cref="ChannelPacer.Capacity"/> queued, <see cref="ChannelBusyException"/> past that, and
/// drained when the host stops. Edits are not queued: they replace a message already there and have their own bucket.
/// </summary>
internal sealed class DiscordChannelMessenger(
    DiscordRestClient rest,
    MessageRenderer renderer,
    [FromKeyedServices(DiscordChannelMessenger.PlatformName)] ChannelPacer pacer) : IChannelMessenger
{
    /// <summary>The platform name, also the key of this adapter's <see cref="ChannelPacer"/>.</summary>
    public const string PlatformName = "discord";

    public string Platform => PlatformName;

    public Task<string> PostAsync(string channelId, BotReply reply, string? threadId, CancellationToken cancellationToken) =>
        PostAsync(channelId, reply, threadId, null, cancellationToken);

    public Task<string> PostAsync(string channelId, BotReply reply, string? threadId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // Rendering may store hashed custom ids first; when it finishes at once (the usual case), the caller gets the pacer's own
        // task, which completes when the post is sent, so a drain that has sent everything leaves no caller still waiting.
        var rendering = renderer.RenderAsync(reply, allowEphemeral: false, cancellationToken);
        return rendering.IsCompletedSuccessfully
            ? Enqueue(channelId, rendering.Result, threadId, idempotencyKey, cancellationToken)
            : RenderedThenEnqueuedAsync(rendering, channelId, threadId, idempotencyKey, cancellationToken);
    }

    private async Task<string> RenderedThenEnqueuedAsync(
        Task<MessagePayload> rendering, string channelId, string? threadId, string? idempotencyKey, CancellationToken cancellationToken) =>
        await Enqueue(channelId, await rendering, threadId, idempotencyKey, cancellationToken);

    private Task<string> Enqueue(string channelId, MessagePayload payload, string? threadId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (threadId is not null)
        {
            payload = payload with { MessageReference = new MessageReference(ParseId(threadId, nameof(threadId))) };
        }

        if (idempotencyKey is not null)
        {
            // A scheduled post retried (by this replica or one that took its claim over) within Discord's window is created once.
            payload = payload with { Nonce = idempotencyKey, EnforceNonce = true };
        }

        var route = DiscordRoute.CreateMessage(ParseId(channelId, nameof(channelId)));
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Relaxed.MessagePayload);
        return pacer.RunAsync(channelId, async ct =>
        {
            JsonElement? created;
            try
            {
                created = await rest.SendAsync(route, body, ct);
            }
            catch (DiscordApiException ex) when (ex.Code is MissingAccess or UnknownGuild or UnknownChannel)
            {
                // The bot was removed from the guild, or the channel is gone: the scheduler stops posting there (issue #12).
                throw new CommunityUnreachableException(ex.Code != UnknownChannel, ex.Message, ex);
            }

            return created?.GetProperty("id").GetString() ?? throw new DiscordApiException(System.Net.HttpStatusCode.OK, null, "Discord returned no message id.");
        }, cancellationToken);
    }

    // https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
    private const int UnknownChannel = 10003;
    private const int UnknownGuild = 10004;
    private const int MissingAccess = 50001;

    public async Task UpdateAsync(string channelId, string messageId, BotReply reply, CancellationToken cancellationToken)
    {
        var payload = await renderer.RenderAsync(reply, allowEphemeral: false, cancellationToken);
        await rest.SendAsync(DiscordRoute.EditMessage(ParseId(channelId, nameof(channelId)), ParseId(messageId, nameof(messageId))),
            JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Relaxed.MessagePayload), cancellationToken);
    }

    private static ulong ParseId(string value, string name) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException($"'{value}' is not a Discord id.", name);
}
