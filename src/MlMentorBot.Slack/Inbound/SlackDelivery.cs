using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack.Inbound;

/// <summary>
/// Gets answers to Slack within its 3-second rule (https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands):
/// waits up to <see cref="SlackOptions.AckBudget"/> so a quick answer can be the acknowledgement itself, and delivers a later one
/// outside it: a modal, the <c>response_url</c>, or the Web API. A member's own answer goes back at once (response_url or
/// chat.postEphemeral); only public posts take the channel's paced queue.
/// </summary>
internal sealed partial class SlackDelivery(SlackApiClient api, SlackOptions options, TimeProvider time, CancellationToken stopping, ILogger logger)
{
    /// <summary>
    /// Where an answer can go: the interaction's <c>response_url</c>, a modal's trigger, or the channel via the Web API.
    /// <paramref name="ReplacesOriginal"/>: the answer takes the place of the message whose button was pressed
    /// (<c>replace_original: true</c> on the response_url, https://docs.slack.dev/interactivity/handling-user-interaction#modifying_original)
    /// instead of arriving as a new message.
    /// </summary>
    public sealed record Target(string UserId, string? ChannelId, string? ResponseUrl, string? TriggerId, bool ReplacesOriginal = false);

    /// <summary>
    /// Block Kit JSON already rendered, per <see cref="BotReply.IsReused"/> reply instance: replies are immutable and such a
    /// handler hands out the same instance for the same answer (a member's /roadmap until their next write), so repeating the
    /// command skips rendering and serialising. Entries go when their reply is collected. Read-only once stored: the bytes are
    /// written to many responses.
    /// </summary>
    private readonly ConditionalWeakTable<BotReply, byte[]> _rendered = new();

    /// <summary>The reply as a slash command's immediate response body.</summary>
    public SlackAck Ack(BotReply reply) => new(reply.IsReused ? _rendered.GetValue(reply, Render) : Render(reply));

    private static byte[] Render(BotReply reply) =>
        JsonSerializer.SerializeToUtf8Bytes(MessagePayload.From(BlockKitRenderer.Render(reply)), SlackJsonContext.Wire.MessagePayload);

    /// <summary>The reply if it is ready within the budget, else null (the work keeps running).</summary>
    public async Task<BotReply?> WithinBudgetAsync(Task<BotReply> work, CancellationToken cancellationToken)
    {
        if (work.IsCompletedSuccessfully)
        {
            return work.Result;
        }

        try
        {
            return await work.WaitAsync(options.AckBudget, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Delivers <paramref name="reply"/> now, or the work's answer once it is done; never on the caller's stack.</summary>
    public void Deliver(BotReply? reply, Task<BotReply> work, Target target) =>
        _ = reply is null ? FollowUpWhenDoneAsync(work, target) : FollowUpAsync(reply, target);

    private async Task FollowUpWhenDoneAsync(Task<BotReply> work, Target target)
    {
        try
        {
            var reply = await work;
            // A trigger id is valid for 3 s, so a late answer cannot open a modal any more.
            await FollowUpAsync(reply, target with { TriggerId = null });
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Delivers an answer outside the ack: a modal, the <c>response_url</c>, or the Web API when the URL is spent or absent.</summary>
    private async Task FollowUpAsync(BotReply reply, Target target)
    {
        await Task.Yield(); // never run delivery on the caller's stack, which is about to acknowledge
        try
        {
            if (reply.Modal is { } form && target.TriggerId is not null
                && await TryOpenModalAsync(form, target.TriggerId, target.ChannelId, stopping))
            {
                return;
            }

            var message = BlockKitRenderer.Render(reply);
            if (target.ResponseUrl is not null
                && await api.RespondAsync(target.ResponseUrl, MessagePayload.From(message) with { ReplaceOriginal = target.ReplacesOriginal }, stopping))
            {
                return;
            }

            var channel = target.ChannelId ?? await api.OpenDirectMessageAsync(target.UserId, stopping);
            if (message.IsEphemeral)
            {
                await api.PostEphemeralAsync(channel, target.UserId, message, null, stopping);
                return;
            }

            try
            {
                await api.PostMessageAsync(channel, message, null, stopping);
            }
            catch (ChannelBusyException ex)
            {
                // The channel's queue is full: tell the member rather than drop their answer silently.
                LogChannelBusy(ex.ChannelId);
                await api.PostEphemeralAsync(channel, target.UserId, BlockKitRenderer.Render(ChannelBusyException.Reply), null, stopping);
            }
        }
        catch (SlackApiException ex)
        {
            LogDeliveryFailed(ex.Method, ex.Error);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    public async Task<bool> TryOpenModalAsync(ModalForm form, string triggerId, string? channelId, CancellationToken cancellationToken)
    {
        if (BlockKitRenderer.RenderModal(form, channelId) is not { } view)
        {
            return false;
        }

        try
        {
            await api.OpenViewAsync(triggerId, view, cancellationToken);
            return true;
        }
        catch (SlackApiException ex)
        {
            LogDeliveryFailed(ex.Method, ex.Error);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver a Slack answer: {Method} failed with {Error}")]
    private partial void LogDeliveryFailed(string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack channel {ChannelId} has too many posts queued; told the member instead of posting")]
    private partial void LogChannelBusy(string channelId);
}
