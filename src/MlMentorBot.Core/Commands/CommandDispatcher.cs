using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Replies;
using MlMentorBot.Core.Storage;
using MlMentorBot.Core.Telemetry;

namespace MlMentorBot.Core.Commands;

/// <summary>
/// Routes a <see cref="CommandRequest"/> to the one <see cref="ICommandHandler"/> registered for its command. Bad input and
/// handler failures become replies, so adapters never have to catch anything but cancellation.
/// </summary>
internal sealed class CommandDispatcher : ICommandDispatcher
{
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly ILogger<CommandDispatcher> _logger;
    private readonly CommandUsageRecorder? _usage;
    private readonly CommunityPermissions _permissions;

    public CommandDispatcher(
        IEnumerable<ICommandHandler> handlers, ILogger<CommandDispatcher> logger, CommandUsageRecorder? usage = null, CommunityPermissions? permissions = null)
    {
        _handlers = handlers.ToDictionary(h => h.CommandName, StringComparer.OrdinalIgnoreCase);
        _logger = logger;
        _usage = usage;
        // Without a store (a bare dispatcher in tests) the same rule runs on the platform's grants alone.
        _permissions = permissions ?? new CommunityPermissions(null, []);
    }

    private long _answeredWithoutWaiting;

    /// <summary>Requests answered by <see cref="TryAnswerWithoutWaiting"/> so far (for tests).</summary>
    internal long AnsweredWithoutWaiting => Interlocked.Read(ref _answeredWithoutWaiting);

    public bool TryAnswerWithoutWaiting(CommandRequest request, [NotNullWhen(true)] out BotReply? reply)
    {
        reply = null;
        var definition = CommandCatalog.Find(request.Command);
        if (definition is null || !_handlers.TryGetValue(definition.Name, out var handler))
        {
            return false;
        }

        // Only what needs no stored moderator roles: reading those is a database query (DispatchAsync does it).
        var sub = request.Subcommand is null ? null : definition.FindSubcommand(request.Subcommand);
        if (definition.IsModeratorOnly || definition.HasModeratorActions || sub is { IsModeratorOnly: true } or { IsOperatorOnly: true })
        {
            return false;
        }

        request = _permissions.DecideFromGrants(request);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (!handler.TryAnswerWithoutWaiting(request, out reply))
            {
                return false;
            }
        }
        catch (Exception ex)
        {
            // The ordinary path runs the handler again and turns the failure into a reply for the member.
            _logger.LogDebug(ex, "/{Command}: could not answer without waiting", request.Command);
            reply = null;
            return false;
        }

        BotTelemetry.CommandAnswered(definition.Name, request.Member.Platform, started);
        _usage?.Record(request, reply);
        Interlocked.Increment(ref _answeredWithoutWaiting);
        return true;
    }

    public async Task<BotReply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var definition = CommandCatalog.Find(request.Command);
        if (definition is null || !_handlers.TryGetValue(definition.Name, out var handler))
        {
            // Parse the name so the member gets the same "did you mean" reply as for typed text.
            return CommandTextParser.Parse("/" + request.Command, "", request.Member).Problem
                ?? BotReply.Problem("Unknown command", $"`/{request.Command}` is not available here. Type `/help`.");
        }

        var sub = request.Subcommand is null ? null : definition.FindSubcommand(request.Subcommand);
        var isModeratorOnly = definition.IsModeratorOnly || sub?.IsModeratorOnly == true;
        try
        {
            request = await _permissions.DecideAsync(request, isModeratorOnly || definition.HasModeratorActions, cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            // The platform's own grants still count; only moderators stored in the database are missing this time.
            _logger.LogWarning("/{Command} {Subcommand}: could not read the community's moderators: {Problem}", request.Command, request.Subcommand, ex.Message);
            request = await _permissions.DecideAsync(request, needsStoredRoles: false, cancellationToken);
        }

        if (isModeratorOnly && !request.IsModerator)
        {
            return BotReply.Problem("Moderators only", $"`/{definition.Name}{(sub is null ? "" : " " + sub.Name)}` is for moderators.");
        }

        if (sub?.IsOperatorOnly == true && !request.IsOperator)
        {
            return BotReply.Problem("Moderators only",
                $"`/{definition.Name} {sub.Name}` is for the bot's operators, who run its knowledge folder for every community it serves.");
        }

        using var measurement = BotTelemetry.StartCommand(definition.Name, request.Member.Platform);
        try
        {
            var reply = await handler.HandleAsync(request, cancellationToken);
            _usage?.Record(request, reply);
            return reply;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (StorageUnavailableException ex)
        {
            // The database logged the fault once at Error; the member must know their change was not kept.
            _logger.LogWarning("/{Command} {Subcommand} could not use the database: {Problem}", request.Command, request.Subcommand, ex.Message);
            return new BotReply
            {
                Title = "Not saved",
                Sections = [new ReplySection(null, "The bot cannot write to its database right now, so nothing was saved. " +
                    "The moderators can see why in the bot's log and on its health page. Please try again later.")],
                IsPrivate = true,
                Tone = ReplyTone.Error,
            };
        }
        catch (Exception ex)
        {
            // The member gets a plain apology; the log gets the detail (never the member's private text).
            _logger.LogError(ex, "Handler for /{Command} {Subcommand} failed", request.Command, request.Subcommand);
            return new BotReply
            {
                Title = "Something went wrong",
                Sections = [new ReplySection(null, "I could not answer that just now. Please try again in a moment.")],
                IsPrivate = true,
                Tone = ReplyTone.Error,
            };
        }
    }

    public Task<BotReply> DispatchTextAsync(
        string commandLine,
        MemberKey member,
        Func<CommandRequest, CommandRequest>? configure,
        CancellationToken cancellationToken) =>
        DispatchInputAsync(new CommandInput(commandLine), member, configure, cancellationToken);

    public Task<BotReply> DispatchInputAsync(
        CommandInput input,
        MemberKey member,
        Func<CommandRequest, CommandRequest>? configure,
        CancellationToken cancellationToken)
    {
        var parsed = CommandTextParser.Parse(input, member);
        if (!parsed.IsSuccess)
        {
            return Task.FromResult(parsed.Problem!);
        }

        var request = configure is null ? parsed.Request! : configure(parsed.Request!);
        return DispatchAsync(request, cancellationToken);
    }
}

/// <summary>
/// Hook for counting command use (the moderators' <c>/kb stats</c>). Records the command name and options' keys only, never
/// who asked. The default does nothing.
/// </summary>
internal class CommandUsageRecorder
{
    /// <param name="request">The command that ran.</param>
    /// <param name="reply">What it answered; <see cref="BotReply.EntryId"/> names the knowledge entry shown, if any.</param>
    public virtual void Record(CommandRequest request, BotReply reply)
    {
    }

    /// <summary>Drops the counts of <paramref name="community"/> not yet written, before its data is deleted.</summary>
    public virtual void Forget(string community)
    {
    }
}
