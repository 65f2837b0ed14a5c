using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack.Inbound;

/// <summary>
/// The one place Slack traffic meets the core, for both HTTP mode and Socket Mode: payload → <see cref="CommandRequest"/> →
/// <see cref="ICommandDispatcher"/> → Block Kit. It owns Slack's 3-second rule: a handler gets <see cref="SlackOptions.AckBudget"/>
/// (2.5 s); an answer ready by then is the acknowledgement itself, a later one goes to <c>response_url</c> after an ephemeral
/// "working on it" (https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands).
/// </summary>
internal sealed partial class SlackInbound
{
    public const string Platform = "slack";

    private static readonly SlackAck WorkingOnIt = SlackAck.Of(
        new MessagePayload("ephemeral", "⏳ Working on it…", null), SlackJsonContext.Wire.MessagePayload);

    private readonly ICommandDispatcher _dispatcher;
    private readonly SlackApiClient _api;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly ResponseUrlBudget _responseUrls;
    private readonly EventDeduplicator _events;
    private readonly CancellationToken _stopping;
    private readonly ILogger<SlackInbound> _logger;

    /// <summary>
    /// Block Kit JSON already rendered, per <see cref="BotReply.IsReused"/> reply instance: replies are immutable and such a
    /// handler hands out the same instance for the same answer (a member's /roadmap until their next write), so repeating the
    /// command skips rendering and serialising. Entries go when their reply is collected. Read-only once stored: the bytes are
    /// written to many responses.
    /// </summary>
    private readonly ConditionalWeakTable<BotReply, byte[]> _rendered = new();

    private static byte[] Render(BotReply reply) =>
        JsonSerializer.SerializeToUtf8Bytes(MessagePayload.From(BlockKitRenderer.Render(reply)), SlackJsonContext.Wire.MessagePayload);

    public SlackInbound(
        ICommandDispatcher dispatcher,
        SlackApiClient api,
        IOptions<SlackOptions> options,
        TimeProvider time,
        ResponseUrlBudget responseUrls,
        EventDeduplicator events,
        IHostApplicationLifetime lifetime,
        ILogger<SlackInbound> logger)
    {
        _dispatcher = dispatcher;
        _api = api;
        _options = options.Value;
        _time = time;
        _responseUrls = responseUrls;
        _events = events;
        _stopping = lifetime.ApplicationStopping;
        _logger = logger;
    }

    /// <summary>Where an answer can go: the interaction's <c>response_url</c>, a modal's trigger, or the channel via the Web API.</summary>
    private sealed record ReplyTarget(string UserId, string? ChannelId, string? ResponseUrl, string? TriggerId);

    /// <summary>Runs a slash command; the returned ack is the immediate response (HTTP body or Socket Mode ack payload).</summary>
    public async Task<SlackAck> HandleSlashCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var member = new MemberKey(Platform, command.TeamId, command.UserId) { EnterpriseId = command.EnterpriseId };
        var parsed = CommandTextParser.Parse(command.Command, command.Text, member);
        var target = new ReplyTarget(command.UserId, command.ChannelId, command.ResponseUrl, command.TriggerId);
        if (command.ResponseUrl is not null)
        {
            _responseUrls.Register(command.ResponseUrl);
        }

        // The handler runs on the host's stopping token, not the request's: a late answer still has to reach response_url.
        var work = parsed.IsSuccess
            ? _dispatcher.DispatchAsync(Configure(parsed.Request!, command.ChannelId, command.UserName), _stopping)
            : Task.FromResult(parsed.Problem!);

        var reply = await WithinBudgetAsync(work, cancellationToken);
        if (reply is null)
        {
            LogDeferred(command.Command);
            _ = FollowUpWhenDoneAsync(work, target);
            return WorkingOnIt;
        }

        if (reply.Modal is { } form && command.TriggerId is not null && await TryOpenModalAsync(form, command.TriggerId, command.ChannelId, cancellationToken))
        {
            return SlackAck.Empty;
        }

        return new SlackAck(reply.IsReused ? _rendered.GetValue(reply, Render) : Render(reply));
    }

    /// <summary>
    /// Handles an interaction payload (https://docs.slack.dev/reference/interaction-payloads): our buttons' <c>block_actions</c>
    /// run the command in the button's <c>value</c> as the member who pressed it; <c>view_submission</c> of our modal runs the
    /// command in <c>private_metadata</c> with each input as a named option. The ack is always empty (for a submission, that closes
    /// the modal); answers are delivered separately.
    /// </summary>
    public async Task<SlackAck> HandleInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var type = payload.Text("type");
        var teamId = payload.Child("team").Text("id") ?? payload.Child("user").Text("team_id");
        var userId = payload.Child("user").Text("id");
        if (teamId is null || userId is null)
        {
            return SlackAck.Empty;
        }

        // Enterprise Grid: "enterprise": {"id": "E…"} on interaction payloads (null outside a grid org).
        var member = new MemberKey(Platform, teamId, userId) { EnterpriseId = payload.Child("enterprise").Text("id") ?? payload.Child("user").Text("enterprise_id") };
        var userName = payload.Child("user").Text("username") ?? payload.Child("user").Text("name");
        return type switch
        {
            "block_actions" => await HandleBlockActionAsync(payload, member, userName, cancellationToken),
            "view_submission" => await HandleViewSubmissionAsync(payload, member, userName, cancellationToken),
            _ => SlackAck.Empty,
        };
    }

    private async Task<SlackAck> HandleBlockActionAsync(JsonElement payload, MemberKey member, string? userName, CancellationToken cancellationToken)
    {
        var action = payload.Child("actions") is { ValueKind: JsonValueKind.Array } actions && actions.GetArrayLength() > 0 ? actions[0] : default;
        if (action.Text("action_id")?.StartsWith(BlockKitRenderer.ActionIdPrefix, StringComparison.Ordinal) != true
            || action.Text("value") is not { Length: > 0 } commandLine)
        {
            return SlackAck.Empty;
        }

        var channelId = payload.Child("channel").Text("id") ?? payload.Child("container").Text("channel_id");
        var responseUrl = payload.Text("response_url");
        if (responseUrl is not null)
        {
            _responseUrls.Register(responseUrl);
        }

        var work = _dispatcher.DispatchTextAsync(commandLine, member, r => Configure(r, channelId, userName), _stopping);
        await DeliverWhenDoneAsync(work, new ReplyTarget(member.UserId, channelId, responseUrl, payload.Text("trigger_id")), cancellationToken);
        return SlackAck.Empty;
    }

    private async Task<SlackAck> HandleViewSubmissionAsync(JsonElement payload, MemberKey member, string? userName, CancellationToken cancellationToken)
    {
        var view = payload.Child("view");
        if (view.Text("callback_id") != BlockKitRenderer.ModalCallbackId
            || view.Text("private_metadata") is not { } json
            || JsonSerializer.Deserialize(json, SlackJsonContext.Wire.ModalMetadata) is not { } metadata)
        {
            return SlackAck.Empty;
        }

        var (commandLine, placeholders) = SubmissionCommandLine(metadata.Command, view.Child("state").Child("values"));
        var work = _dispatcher.DispatchTextAsync(commandLine, member, r => Configure(r, metadata.Channel, userName) with
        {
            Options = r.Options.ToDictionary(o => o.Key, o => placeholders.GetValueOrDefault(o.Value, o.Value), StringComparer.OrdinalIgnoreCase),
        }, _stopping);
        await DeliverWhenDoneAsync(work, new ReplyTarget(member.UserId, metadata.Channel, null, null), cancellationToken);
        return SlackAck.Empty;
    }

    /// <summary>
    /// Handles an Events API body (HTTP) or an <c>events_api</c> envelope's payload (Socket Mode): answers
    /// <c>url_verification</c> with its challenge and acknowledges <c>event_callback</c>s once per <c>event_id</c>
    /// (https://docs.slack.dev/apis/events-api/). The bot subscribes to no events yet, so callbacks are only logged.
    /// </summary>
    public SlackAck HandleEvent(JsonElement body)
    {
        switch (body.Text("type"))
        {
            case "url_verification" when body.Text("challenge") is { } challenge:
                return SlackAck.Of(new ChallengeResponse(challenge), SlackJsonContext.Wire.ChallengeResponse);
            case "event_callback" when body.Text("event_id") is { } eventId:
                if (!_events.IsFirstDelivery(eventId))
                {
                    LogDuplicateEvent(eventId);
                    return SlackAck.Empty;
                }

                LogEvent(body.Child("event").Text("type") ?? "unknown", eventId);
                return SlackAck.Empty;
            default:
                return SlackAck.Empty;
        }
    }

    private CommandRequest Configure(CommandRequest request, string? channelId, string? userName) => request with
    {
        ChannelId = channelId,
        IsModerator = _options.IsAdmin(request.Member.UserId),
        DisplayName = userName,
    };

    /// <summary>The reply if it is ready within the budget, else null (the work keeps running).</summary>
    private async Task<BotReply?> WithinBudgetAsync(Task<BotReply> work, CancellationToken cancellationToken)
    {
        if (work.IsCompletedSuccessfully)
        {
            return work.Result;
        }

        try
        {
            return await work.WaitAsync(_options.AckBudget, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>For interactions: waits up to the budget so quick answers leave promptly, then delivers in the background.</summary>
    private async Task DeliverWhenDoneAsync(Task<BotReply> work, ReplyTarget target, CancellationToken cancellationToken)
    {
        var reply = await WithinBudgetAsync(work, cancellationToken);
        _ = reply is null ? FollowUpWhenDoneAsync(work, target) : FollowUpAsync(reply, target);
    }

    private async Task FollowUpWhenDoneAsync(Task<BotReply> work, ReplyTarget target)
    {
        try
        {
            var reply = await work;
            // A trigger id is valid for 3 s, so a late answer cannot open a modal any more.
            await FollowUpAsync(reply, target with { TriggerId = null });
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Delivers an answer outside the ack: a modal, the <c>response_url</c>, or the Web API when the URL is spent or absent.</summary>
    private async Task FollowUpAsync(BotReply reply, ReplyTarget target)
    {
        await Task.Yield(); // never run delivery on the caller's stack, which is about to acknowledge
        try
        {
            if (reply.Modal is { } form && target.TriggerId is not null
                && await TryOpenModalAsync(form, target.TriggerId, target.ChannelId, _stopping))
            {
                return;
            }

            var message = BlockKitRenderer.Render(reply);
            if (target.ResponseUrl is not null
                && await _api.RespondAsync(target.ResponseUrl, MessagePayload.From(message) with { ReplaceOriginal = false }, _stopping))
            {
                return;
            }

            var channel = target.ChannelId ?? await _api.OpenDirectMessageAsync(target.UserId, _stopping);
            if (message.IsEphemeral)
            {
                await _api.PostEphemeralAsync(channel, target.UserId, message, null, _stopping);
            }
            else
            {
                await _api.PostMessageAsync(channel, message, null, _stopping);
            }
        }
        catch (SlackApiException ex)
        {
            LogDeliveryFailed(ex.Method, ex.Error);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TryOpenModalAsync(ModalForm form, string triggerId, string? channelId, CancellationToken cancellationToken)
    {
        if (BlockKitRenderer.RenderModal(form, channelId) is not { } view)
        {
            return false;
        }

        try
        {
            await _api.OpenViewAsync(triggerId, view, cancellationToken);
            return true;
        }
        catch (SlackApiException ex)
        {
            LogDeliveryFailed(ex.Method, ex.Error);
            return false;
        }
    }

    /// <summary>
    /// Builds <c>{command} name:value …</c> from a submitted modal's <c>state.values[block_id][action_id].value</c>. Values that
    /// would not survive the text parser as one word (spaces, quotes) are passed as placeholders and swapped back in after
    /// parsing, so any text a member typed arrives unchanged.
    /// </summary>
    internal static (string CommandLine, Dictionary<string, string> Placeholders) SubmissionCommandLine(string command, JsonElement values)
    {
        var sb = new StringBuilder(command);
        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal);
        if (values.ValueKind != JsonValueKind.Object)
        {
            return (command, placeholders);
        }

        foreach (var block in values.EnumerateObject())
        {
            if (!IsOptionName(block.Name) || block.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var element in block.Value.EnumerateObject())
            {
                if (element.Value.Text("value") is not { } value || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                if (value.AsSpan().IndexOfAny("\"'“”‘’\u0001") < 0 && !value.Any(char.IsWhiteSpace))
                {
                    sb.Append(' ').Append(block.Name).Append(':').Append(value);
                }
                else
                {
                    var key = $"\u0001{placeholders.Count}";
                    placeholders[key] = value;
                    sb.Append(' ').Append(block.Name).Append(':').Append(key);
                }
            }
        }

        return (sb.ToString(), placeholders);
    }

    private static bool IsOptionName(string name) =>
        name.Length is > 0 and <= 64 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Command} took longer than the ack budget; answering through response_url")]
    private partial void LogDeferred(string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver a Slack answer: {Method} failed with {Error}")]
    private partial void LogDeliveryFailed(string method, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a redelivery of Slack event {EventId}")]
    private partial void LogDuplicateEvent(string eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventType} ({EventId}) acknowledged; no handler")]
    private partial void LogEvent(string eventType, string eventId);
}
