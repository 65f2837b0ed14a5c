using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.OAuth;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack.Inbound;

/// <summary>
/// The one place Slack traffic meets the core, for both HTTP mode and Socket Mode: payload → <see cref="CommandInput"/> or
/// <see cref="CommandRequest"/> → <see cref="ICommandDispatcher"/> → Block Kit. Reading member input is
/// <see cref="SlackPayloads"/>'s job and getting answers out within the 3-second rule is <see cref="SlackDelivery"/>'s.
/// Unreadable payloads throw <see cref="FormatException"/> (400 over HTTP).
/// </summary>
internal sealed partial class SlackInbound
{
    public const string Platform = "slack";

    private static readonly SlackAck WorkingOnIt = SlackAck.Of(
        new MessagePayload("ephemeral", "⏳ Working on it…", null), SlackJsonContext.Wire.MessagePayload);

    private readonly ICommandDispatcher _dispatcher;
    private readonly SlackOptions _options;
    private readonly ResponseUrlBudget _responseUrls;
    private readonly EventDeduplicator _events;
    private readonly SlackDelivery _delivery;
    private readonly CancellationToken _stopping;
    private readonly ILogger<SlackInbound> _logger;
    private readonly SlackAppLifecycle? _lifecycle;
    private readonly TimeProvider _time;

    public SlackInbound(
        ICommandDispatcher dispatcher,
        SlackApiClient api,
        IOptions<SlackOptions> options,
        TimeProvider time,
        ResponseUrlBudget responseUrls,
        EventDeduplicator events,
        IHostApplicationLifetime lifetime,
        ILogger<SlackInbound> logger,
        SlackAppLifecycle? lifecycle = null)
    {
        _dispatcher = dispatcher;
        _options = options.Value;
        _responseUrls = responseUrls;
        _events = events;
        // Stopped, not stopping: commands arriving while the replica drains (readiness already 503) must still be answered.
        _stopping = lifetime.ApplicationStopped;
        // Deliveries live until the host has stopped, not just until it starts to: answers already computed still go out while
        // the pacer drains.
        _delivery = new SlackDelivery(api, _options, time, lifetime.ApplicationStopped, logger);
        _logger = logger;
        _lifecycle = lifecycle;
        _time = time;
    }

    /// <summary>Runs a slash command; the returned ack is the immediate response (HTTP body or Socket Mode ack payload).</summary>
    public async Task<SlackAck> HandleSlashCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var member = new MemberKey(Platform, command.TeamId, command.UserId) { EnterpriseId = command.EnterpriseId };
        // Every Web API call this command leads to, now or later, uses this workspace's token, or its org's for an org-wide
        // install, whose community is then the org (issue #12).
        using var community = CommunityScope.Enter(new Community(Platform, command.TeamId, command.EnterpriseId) { IsOrgWide = command.IsEnterpriseInstall });
        var target = new SlackDelivery.Target(command.UserId, command.ChannelId, command.ResponseUrl, command.TriggerId);
        var received = _time.GetTimestamp();

        Task<BotReply> work;
        if (command.Text.Length > SlackPayloads.MaxCommandText)
        {
            work = Task.FromResult(BotReply.Problem("Too long", $"A command takes at most {SlackPayloads.MaxCommandText} characters; please shorten it."));
        }
        else
        {
            // The handler runs on the host's stopping token, not the request's: a late answer still has to reach response_url.
            // It starts off this stack so a database that keeps it waiting cannot hold the acknowledgement (issue 13 item 9),
            // unless it can be answered from memory without waiting for anything (a cached /roadmap): then the hop, its worker
            // wake-up and the ack budget's timer are saved (issue 10).
            var parsed = CommandTextParser.Parse(SlackPayloads.SlashCommandInput(command.Command, command.Text), member);
            if (!parsed.IsSuccess)
            {
                work = Task.FromResult(parsed.Problem!);
            }
            else
            {
                var request = Configure(parsed.Request!, command.ChannelId, command.UserName);
                work = _dispatcher.TryAnswerWithoutWaiting(request, out var answered)
                    ? Task.FromResult(answered)
                    : Task.Run(() => _dispatcher.DispatchAsync(request, _stopping), _stopping);
            }
        }

        var reply = await _delivery.WithinBudgetAsync(work, cancellationToken);
        if (reply is null)
        {
            LogDeferred(command.Command);
            // Only an answer that misses the acknowledgement goes to response_url, so only then is the URL's budget kept; its
            // 30 minutes still count from the invocation.
            if (command.ResponseUrl is not null)
            {
                _responseUrls.Register(command.ResponseUrl, _time.GetUtcNow() - _time.GetElapsedTime(received));
            }

            _delivery.Deliver(null, work, target);
            return WorkingOnIt;
        }

        if (reply.Modal is { } form && command.TriggerId is not null && await _delivery.TryOpenModalAsync(form, command.TriggerId, command.ChannelId, cancellationToken))
        {
            return SlackAck.Empty;
        }

        return _delivery.Ack(reply);
    }

    /// <summary>
    /// Handles an interaction payload (https://docs.slack.dev/reference/interaction-payloads): our buttons' <c>block_actions</c>
    /// run the command in the button's <c>value</c> as the member who pressed it; <c>view_submission</c> of our modal runs the
    /// command in <c>private_metadata</c> with each input as a form field. The ack is empty (for a submission, that closes the
    /// modal) unless a submitted value is wrong, when <c>response_action: errors</c> keeps the form open with what was typed.
    /// Throws <see cref="FormatException"/> for a payload that cannot be read.
    /// </summary>
    public async Task<SlackAck> HandleInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        SlackPayloads.EnsureReadable(payload);
        var type = payload.Text("type");
        var teamId = payload.Child("team").Text("id") ?? payload.Child("user").Text("team_id");
        var userId = payload.Child("user").Text("id");
        if (teamId is null || userId is null)
        {
            return SlackAck.Empty;
        }

        // Enterprise Grid: "enterprise": {"id": "E…"} on interaction payloads (null outside a grid org), and the JSON bool
        // "is_enterprise_install" when an org-wide install serves it (its community is then the org).
        var member = new MemberKey(Platform, teamId, userId) { EnterpriseId = payload.Child("enterprise").Text("id") ?? payload.Child("user").Text("enterprise_id") };
        var userName = payload.Child("user").Text("username") ?? payload.Child("user").Text("name");
        using var community = CommunityScope.Enter(new Community(Platform, teamId, member.EnterpriseId)
        {
            IsOrgWide = member.EnterpriseId is not null && payload.IsTrue("is_enterprise_install"),
        });
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
            _responseUrls.Register(responseUrl, _time.GetUtcNow());
        }

        var work = Task.Run(() => _dispatcher.DispatchTextAsync(commandLine, member, r => Configure(r, channelId, userName), _stopping), _stopping);
        // A feedback vote answers with the same /ask answer, its buttons given way to a thanks (issue #14): it replaces the
        // message voted on rather than posting the answer a second time.
        var isVote = commandLine.StartsWith("/feedback ", StringComparison.Ordinal);
        var target = new SlackDelivery.Target(member.UserId, channelId, responseUrl, payload.Text("trigger_id"), ReplacesOriginal: isVote);
        _delivery.Deliver(await _delivery.WithinBudgetAsync(work, cancellationToken), work, target);
        return SlackAck.Empty;
    }

    private async Task<SlackAck> HandleViewSubmissionAsync(JsonElement payload, MemberKey member, string? userName, CancellationToken cancellationToken)
    {
        if (SlackPayloads.Submission(payload.Child("view")) is not var (input, channel))
        {
            return SlackAck.Empty;
        }

        var work = Task.Run(() => _dispatcher.DispatchInputAsync(input, member, r => Configure(r, channel, userName), _stopping), _stopping);
        var reply = await _delivery.WithinBudgetAsync(work, cancellationToken);
        if (reply is { ProblemField: { } field } && input.Fields.ContainsKey(field))
        {
            // Closing the form would lose what the member typed; keep it open and mark the field
            // (https://docs.slack.dev/surfaces/modals#displaying_errors).
            return FieldError(field, reply);
        }

        _delivery.Deliver(reply, work, new SlackDelivery.Target(member.UserId, channel, null, null));
        return SlackAck.Empty;
    }

    /// <summary>
    /// Handles an Events API body (HTTP) or an <c>events_api</c> envelope's payload (Socket Mode): answers
    /// <c>url_verification</c> with its challenge and acknowledges <c>event_callback</c>s once per <c>event_id</c>
    /// (https://docs.slack.dev/apis/events-api/). The bot subscribes to no events yet, so callbacks are only logged.
    /// Throws <see cref="FormatException"/> for a body that cannot be read.
    /// </summary>
    public async Task<SlackAck> HandleEventAsync(JsonElement body, CancellationToken cancellationToken)
    {
        SlackPayloads.EnsureReadable(body);
        switch (body.Text("type"))
        {
            case "url_verification" when body.Text("challenge") is { } challenge:
                return SlackAck.Of(new ChallengeResponse(challenge), SlackJsonContext.Wire.ChallengeResponse);
            case "event_callback" when body.Text("event_id") is { } eventId:
                if (!await _events.IsFirstDeliveryAsync(eventId, cancellationToken))
                {
                    LogDuplicateEvent(eventId);
                    return SlackAck.Empty;
                }

                LogEvent(body.Child("event").Text("type") ?? "unknown", eventId);
                _lifecycle?.OnEvent(body); // app_uninstalled, tokens_revoked: stops using the token before the ack
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

    /// <summary><c>{"response_action":"errors","errors":{"steps":"…"}}</c>: the message is plain text, shown under the input.</summary>
    private static SlackAck FieldError(string field, BotReply reply)
    {
        var message = reply.Sections.Count > 0 ? reply.Sections[0].Markdown : reply.Title;
        message = message.Replace("`", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal);
        var cut = message.IndexOf("\n\n", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("response_action", "errors");
            json.WritePropertyName("errors");
            json.WriteStartObject();
            json.WriteString(field, message.Length > 300 ? message[..299] + "…" : message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new SlackAck(buffer.ToArray());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Command} took longer than the ack budget; answering through response_url")]
    private partial void LogDeferred(string command);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a redelivery of Slack event {EventId}")]
    private partial void LogDuplicateEvent(string eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventType} ({EventId}) acknowledged; no handler")]
    private partial void LogEvent(string eventType, string eventId);
}
