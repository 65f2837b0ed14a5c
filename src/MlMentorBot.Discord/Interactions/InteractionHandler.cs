using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Discord.Rest;

namespace MlMentorBot.Discord.Interactions;

/// <summary>
/// Answers one interaction, whether it came over HTTP or the Gateway: turns the payload into a core request, dispatches it,
/// and sends exactly one initial response through the caller's <c>sendInitial</c> (the HTTP response body, or
/// <c>POST /interactions/{id}/{token}/callback</c>).
/// The 3-second deadline is timed from <em>receipt</em>, not from the snowflake, so a skewed clock cannot make us give up
/// (Discord.Net #2010): if the reply is ready within <see cref="DiscordOptions.AckBudget"/> it is sent as type 4
/// (or 7 for a button on our own private reply); otherwise we defer (5, or 6 for that update) and edit <c>@original</c> later.
/// https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
/// </summary>
internal sealed class InteractionHandler
{
    private readonly InteractionCommands _commands;
    private readonly CustomIdCodec _customIds;
    private readonly InteractionAutocomplete _autocomplete;
    private readonly MessageRenderer _renderer;
    private readonly DiscordRestClient _rest;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionHandler> _logger;

    /// <summary>
    /// Responses already built from <see cref="BotReply.IsReused"/> replies (type 4, and type 7 for button updates): such a
    /// handler hands out the same reply instance for the same answer, so a repeat skips rendering, and
    /// <see cref="InteractionResponse.ToJson"/> skips serialising. Entries go when their reply is collected.
    /// </summary>
    private readonly ConditionalWeakTable<BotReply, InteractionResponse> _keptMessages = new();
    private readonly ConditionalWeakTable<BotReply, InteractionResponse> _keptUpdates = new();

    public InteractionHandler(
        ICommandDispatcher dispatcher,
        MessageRenderer renderer,
        CustomIdCodec customIds,
        DiscordRestClient rest,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<InteractionHandler> logger,
        IAutocompleteProvider? autocomplete = null)
    {
        _commands = new InteractionCommands(dispatcher, customIds);
        _customIds = customIds;
        _renderer = renderer;
        _rest = rest;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _autocomplete = new InteractionAutocomplete(autocomplete);
    }

    /// <summary>
    /// Handles <paramref name="interaction"/>, received at <paramref name="receivedAt"/> (a <see cref="TimeProvider.GetTimestamp"/> value).
    /// Calls <paramref name="sendInitial"/> exactly once unless <paramref name="cancellationToken"/> (the host's stopping token) fires;
    /// the task it returns must complete once Discord has the response, so that edits of <c>@original</c> come after it.
    /// Never throws for bad input or failed follow-ups; those are logged.
    /// </summary>
    public async Task HandleAsync(Interaction interaction, long receivedAt, Func<InteractionResponse, Task> sendInitial, CancellationToken cancellationToken)
    {
        var isInitialSent = false;
        Task SendInitialOnce(InteractionResponse response)
        {
            isInitialSent = true;
            return sendInitial(response);
        }

        try
        {
            switch (interaction.Type)
            {
                case InteractionType.Ping:
                    await SendInitialOnce(new InteractionResponse(CallbackType.Pong));
                    return;
                case InteractionType.ApplicationCommandAutocomplete:
                    await SendInitialOnce(_autocomplete.Answer(interaction));
                    return;
                case InteractionType.ApplicationCommand:
                case InteractionType.MessageComponent:
                case InteractionType.ModalSubmit:
                    await AnswerAsync(interaction, receivedAt, SendInitialOnce, cancellationToken);
                    return;
                default:
                    _logger.LogInformation("Ignoring interaction type {Type}", (int)interaction.Type);
                    await SendInitialOnce(Message(BotReply.Problem("Not supported", "I can't handle that kind of interaction."), CallbackType.ChannelMessageWithSource));
                    return;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Interaction {InteractionId} of type {Type} failed", interaction.Id, (int)interaction.Type);
            if (!isInitialSent)
            {
                // Silence shows as "The application did not respond"; an apology is better (reference pain point 1).
                var apology = new BotReply
                {
                    Title = "Something went wrong",
                    Sections = [new ReplySection(null, "I could not answer that just now. Please try again in a moment.")],
                    IsPrivate = true,
                    Tone = ReplyTone.Error,
                };
                await sendInitial(Message(apology, CallbackType.ChannelMessageWithSource));
            }
        }
    }

    private async Task AnswerAsync(Interaction interaction, long receivedAt, Func<InteractionResponse, Task> sendInitial, CancellationToken cancellationToken)
    {
        // A button on our own private reply edits that reply in place (type 7); anything else is a new message (type 4).
        var isUpdate = interaction.Type == InteractionType.MessageComponent
            && ((MessageFlags)(interaction.Message?.Flags ?? 0)).HasFlag(MessageFlags.Ephemeral);
        var canOpenModal = interaction.Type != InteractionType.ModalSubmit;

        // Everything that may wait on the database (a hashed custom id, the handler's reads and writes, the custom ids the
        // renderer stores) runs off this path, so the acknowledgement keeps the 3-second deadline even while another process
        // holds SQLite's write lock: the timer below defers, and the answer follows once the write is done (issue 13 item 9).
        // One hop to the thread pool for all of it: a second Task.Run only to await the first cost a work item per request.
        var work = Task.Run(async () =>
        {
            await _customIds.RecallAsync(interaction.Data?.CustomId, cancellationToken);
            var (replyWork, line) = _commands.Dispatch(interaction, cancellationToken);
            var reply = await replyWork;
            await _customIds.KeepAsync(reply, cancellationToken);
            var initial = reply.Modal is { } modal && canOpenModal
                ? new InteractionResponse(CallbackType.Modal, _renderer.RenderModal(modal))
                : Message(reply, isUpdate ? CallbackType.UpdateMessage : CallbackType.ChannelMessageWithSource);
            return (Reply: reply, CommandLine: line, Initial: initial);
        }, cancellationToken);

        var budget = _options.AckBudget - _time.GetElapsedTime(receivedAt);
        if (!work.IsCompleted && budget > TimeSpan.Zero)
        {
            try
            {
                await work.WaitAsync(budget, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }

        if (work.IsCompleted)
        {
            await sendInitial((await work).Initial);
            return;
        }

        // Too slow for the deadline: acknowledge now, edit later. Defer privately, since we do not yet know whether the reply
        // is private; a public reply then replaces the private placeholder as a follow-up.
        _logger.LogInformation("Interaction {InteractionId} deferred after {Elapsed} ms", interaction.Id, (long)_time.GetElapsedTime(receivedAt).TotalMilliseconds);
        await sendInitial(isUpdate
            ? new InteractionResponse(CallbackType.DeferredUpdateMessage)
            : new InteractionResponse(CallbackType.DeferredChannelMessageWithSource, new MessagePayload { AllowedMentions = AllowedMentions.None, Flags = (int)MessageFlags.Ephemeral }));

        var (late, commandLine, _) = await work;
        if (late.Modal is not null && commandLine() is { } line)
        {
            // A modal must be the first response; offer a button that opens it instead (a press may answer with a modal).
            late = late with
            {
                Modal = null,
                Actions = [new SuggestedAction("Open the form", line, ActionStyle.Primary), .. late.Actions],
            };
        }

        await FollowUpAsync(interaction, late, isUpdate, cancellationToken);
    }

    private async Task FollowUpAsync(Interaction interaction, BotReply reply, bool isUpdate, CancellationToken cancellationToken)
    {
        var token = interaction.Token;
        var appId = interaction.ApplicationId != 0 ? interaction.ApplicationId : ulong.Parse(_options.ApplicationId!, CultureInfo.InvariantCulture);
        try
        {
            await _customIds.KeepAsync(reply, cancellationToken);
            var payload = _renderer.Render(reply);
            if (isUpdate || payload.Flags is not null)
            {
                await _rest.SendAsync(DiscordRoute.EditOriginal(appId, token), Serialize(payload with { Flags = null }), cancellationToken);
                return;
            }

            await _rest.SendAsync(DiscordRoute.DeleteOriginal(appId, token), null, cancellationToken);
            await _rest.SendAsync(DiscordRoute.CreateFollowup(appId, token), Serialize(payload), cancellationToken);
        }
        catch (DiscordApiException ex)
        {
            _logger.LogWarning("Follow-up for interaction {InteractionId} failed: {Error}", interaction.Id, ex.Message);
        }
    }

    private InteractionResponse Message(BotReply reply, CallbackType type)
    {
        if (!reply.IsReused)
        {
            return Build(reply, type);
        }

        var kept = type == CallbackType.UpdateMessage ? _keptUpdates : _keptMessages;
        return kept.GetValue(reply, r => Build(r, type) with { IsReused = true });
    }

    private InteractionResponse Build(BotReply reply, CallbackType type)
    {
        var payload = _renderer.Render(reply);
        // An update keeps the message's flags; Discord does not let an edit change EPHEMERAL.
        return new(type, type == CallbackType.UpdateMessage ? payload with { Flags = null } : payload);
    }

    private static byte[] Serialize(MessagePayload payload) => JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Relaxed.MessagePayload);

}
