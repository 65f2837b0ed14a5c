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
/// (Discord.Net #2010): if the reply is ready within <see cref="DiscordOptions.DeferAfterMilliseconds"/> it is sent as type 4
/// (or 7 for a button on our own private reply); otherwise we defer (5, or 6 for that update) and edit <c>@original</c> later.
/// https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
/// </summary>
internal sealed class InteractionHandler
{
    /// <summary>Discord permission bits that make a member a moderator here: ADMINISTRATOR and MANAGE_GUILD.
    /// https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags</summary>
    internal const ulong Administrator = 1UL << 3;
    internal const ulong ManageGuild = 1UL << 5;

    private const int MaxChoices = 25;
    private const int ChoiceLimit = 100;

    private readonly ICommandDispatcher _dispatcher;
    private readonly IAutocompleteProvider? _autocomplete;
    private readonly MessageRenderer _renderer;
    private readonly CustomIdCodec _customIds;
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
        _dispatcher = dispatcher;
        _renderer = renderer;
        _customIds = customIds;
        _rest = rest;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _autocomplete = autocomplete;
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
                    await SendInitialOnce(Autocomplete(interaction));
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
        var (work, commandLine) = StartDispatch(interaction, cancellationToken);

        // A button on our own private reply edits that reply in place (type 7); anything else is a new message (type 4).
        var isUpdate = interaction.Type == InteractionType.MessageComponent
            && ((MessageFlags)(interaction.Message?.Flags ?? 0)).HasFlag(MessageFlags.Ephemeral);
        var canOpenModal = interaction.Type != InteractionType.ModalSubmit;

        var budget = TimeSpan.FromMilliseconds(_options.DeferAfterMilliseconds) - _time.GetElapsedTime(receivedAt);
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
            var reply = await work;
            if (reply.Modal is { } modal && canOpenModal)
            {
                await sendInitial(new InteractionResponse(CallbackType.Modal, _renderer.RenderModal(modal)));
                return;
            }

            await sendInitial(Message(reply, isUpdate ? CallbackType.UpdateMessage : CallbackType.ChannelMessageWithSource));
            return;
        }

        // Too slow for the deadline: acknowledge now, edit later. Defer privately, since we do not yet know whether the reply
        // is private; a public reply then replaces the private placeholder as a follow-up.
        _logger.LogInformation("Interaction {InteractionId} deferred after {Elapsed} ms", interaction.Id, (long)_time.GetElapsedTime(receivedAt).TotalMilliseconds);
        await sendInitial(isUpdate
            ? new InteractionResponse(CallbackType.DeferredUpdateMessage)
            : new InteractionResponse(CallbackType.DeferredChannelMessageWithSource, new MessagePayload { AllowedMentions = AllowedMentions.None, Flags = (int)MessageFlags.Ephemeral }));

        var late = await work;
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

    private (Task<BotReply> Work, Func<string?> CommandLine) StartDispatch(Interaction interaction, CancellationToken cancellationToken)
    {
        var invoker = interaction.Invoker;
        if (invoker is null || interaction.Data is null)
        {
            return (Task.FromResult(BotReply.Problem("Unreadable request", "Discord sent an interaction I could not read.")), NoLine);
        }

        var member = new MemberKey("discord", interaction.GuildId == 0 ? "" : Id(interaction.GuildId), Id(invoker.Id));
        CommandRequest Configure(CommandRequest request) => request with
        {
            ChannelId = interaction.ChannelId == 0 ? null : Id(interaction.ChannelId),
            IsModerator = IsModerator(interaction.Member),
            DisplayName = interaction.Member?.Nick ?? invoker.GlobalName ?? invoker.Username,
        };

        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                {
                    var request = Configure(ToRequest(interaction.Data, member));
                    return (_dispatcher.DispatchAsync(request, cancellationToken), () => CommandLines.Format(request));
                }

            case InteractionType.MessageComponent:
                {
                    var line = _customIds.DecodeButton(interaction.Data.CustomId);
                    return line is null
                        ? (Task.FromResult(BotReply.Problem("This button has expired", "Please run the command again, or type `/help`.")), NoLine)
                        : (_dispatcher.DispatchTextAsync(line, member, Configure, cancellationToken), () => line);
                }

            default:
                {
                    var form = _customIds.DecodeModal(interaction.Data.CustomId);
                    if (form is null)
                    {
                        return (Task.FromResult(BotReply.Problem("This form has expired", "Please run the command again.")), NoLine);
                    }

                    var fields = ModalValues(interaction.Data.Components ?? []).ToList();
                    var line = CommandLines.WithOptions(form, fields);
                    if (line is not null)
                    {
                        return (_dispatcher.DispatchTextAsync(line, member, Configure, cancellationToken), NoLine);
                    }

                    // A value with both kinds of quote cannot be typed; parse placeholders, then put the real text back.
                    var placeholders = fields.Select((f, i) => KeyValuePair.Create(f.Key, $"field{i}")).ToList();
                    return (_dispatcher.DispatchTextAsync(CommandLines.WithOptions(form, placeholders)!, member, request =>
                    {
                        var options = request.Options.ToDictionary(StringComparer.OrdinalIgnoreCase);
                        foreach (var (name, value) in fields)
                        {
                            options[name] = value;
                        }

                        return Configure(request with { Options = options });
                    }, cancellationToken), NoLine);
                }
        }
    }

    private InteractionResponse Autocomplete(Interaction interaction)
    {
        var data = interaction.Data;
        var command = data?.Name is { } name ? CommandCatalog.Find(name) : null;
        var choices = new List<AutocompleteChoice>();
        if (command is not null && interaction.Invoker is { } invoker && _autocomplete is not null)
        {
            var (subcommand, given) = Flatten(data!.Options);
            var definitions = (subcommand is null ? null : command.FindSubcommand(subcommand))?.Options ?? command.Options;
            var focused = given.FirstOrDefault(o => o.IsFocused);
            var definition = focused is null ? null : definitions.FirstOrDefault(d => d.Name.Equals(focused.Name, StringComparison.OrdinalIgnoreCase));
            if (definition is not null && definition.Autocomplete != AutocompleteSource.None)
            {
                var member = new MemberKey("discord", interaction.GuildId == 0 ? "" : Id(interaction.GuildId), Id(invoker.Id));
                choices.AddRange(_autocomplete.Suggest(definition.Autocomplete, ValueText(focused!.Value) ?? "", member)
                    .Where(c => c.Value.Length is > 0 and <= ChoiceLimit)
                    .Take(MaxChoices)
                    .Select(c => new AutocompleteChoice(MessageRenderer.Truncate(c.Name.Length == 0 ? c.Value : c.Name, ChoiceLimit), c.Value)));
            }
        }

        return new InteractionResponse(CallbackType.AutocompleteResult, new AutocompletePayload(choices));
    }

    private static CommandRequest ToRequest(InteractionData data, MemberKey member)
    {
        var (subcommand, given) = Flatten(data.Options);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in given)
        {
            if (ValueText(option.Value) is { } text)
            {
                options[option.Name] = text;
            }
        }

        return new CommandRequest(data.Name ?? "", subcommand, options, member);
    }

    /// <summary>Unwraps a subcommand (type 1), or a group (2) holding one, into its name and leaf options.</summary>
    private static (string? Subcommand, IReadOnlyList<CommandOptionValue> Options) Flatten(IReadOnlyList<CommandOptionValue>? options)
    {
        var list = options ?? [];
        if (list is [{ Type: 2 } group])
        {
            list = group.Options ?? [];
        }

        return list is [{ Type: 1 } sub] ? (sub.Name, sub.Options ?? []) : (null, list);
    }

    private static string? ValueText(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number => value.Value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>Reads modal values in the Label shape (18 → component) and the legacy Action Row shape (1 → components).</summary>
    internal static IEnumerable<KeyValuePair<string, string>> ModalValues(IEnumerable<SubmittedComponent> components)
    {
        foreach (var component in components)
        {
            if (component.Component is { } child)
            {
                foreach (var value in ModalValues([child]))
                {
                    yield return value;
                }
            }
            else if (component.Components is { } children)
            {
                foreach (var value in ModalValues(children))
                {
                    yield return value;
                }
            }
            else if (component.CustomId is { } id)
            {
                yield return KeyValuePair.Create(id, component.Value ?? string.Join(",", component.Values ?? []));
            }
        }
    }

    internal static bool IsModerator(GuildMember? member) =>
        member?.Permissions is { } text && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (Administrator | ManageGuild)) != 0;

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

    private static readonly Func<string?> NoLine = static () => null;

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
