using System.Globalization;
using System.Text.Json;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord.Rendering;

namespace MlMentorBot.Discord.Rest;

/// <summary>
/// Bot-initiated posts (check-in prompts, digests) through <c>POST /channels/{id}/messages</c> and edits through
/// <c>PATCH /channels/{id}/messages/{id}</c>. Needs the bot user in the guild with VIEW_CHANNEL and SEND_MESSAGES.
/// A <c>threadId</c> is the id of an earlier message in the channel: the post replies to it (<c>message_reference</c>); to post
/// inside a Discord thread, pass the thread's own id as the channel. https://discord.com/developers/docs/resources/message#create-message
/// </summary>
internal sealed class DiscordChannelMessenger(DiscordRestClient rest, MessageRenderer renderer) : IChannelMessenger
{
    public string Platform => "discord";

    public Task<string> PostAsync(string channelId, BotReply reply, string? threadId, CancellationToken cancellationToken) =>
        PostAsync(channelId, reply, threadId, null, cancellationToken);

    public async Task<string> PostAsync(string channelId, BotReply reply, string? threadId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var payload = await renderer.RenderAsync(reply, allowEphemeral: false, cancellationToken);
        if (threadId is not null)
        {
            payload = payload with { MessageReference = new MessageReference(ParseId(threadId, nameof(threadId))) };
        }

        if (idempotencyKey is not null)
        {
            // A scheduled post retried (by this replica or one that took its claim over) within Discord's window is created once.
            payload = payload with { Nonce = idempotencyKey, EnforceNonce = true };
        }

        var created = await rest.SendAsync(DiscordRoute.CreateMessage(ParseId(channelId, nameof(channelId))),
            JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Relaxed.MessagePayload), cancellationToken);
        return created?.GetProperty("id").GetString() ?? throw new DiscordApiException(System.Net.HttpStatusCode.OK, null, "Discord returned no message id.");
    }

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
