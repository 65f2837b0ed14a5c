using System.Diagnostics.CodeAnalysis;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Commands;

/// <summary>
/// The one entry point adapters call. Never throws for bad input: an unknown command, a missing option or a failing handler
/// all come back as a helpful <see cref="BotReply"/>. Throws only <see cref="OperationCanceledException"/> when
/// the caller's cancellation token is cancelled.
/// </summary>
public interface ICommandDispatcher
{
    /// <summary>Runs the handler for an already-parsed request.</summary>
    Task<BotReply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Answers <paramref name="request"/> on the caller's stack when its handler can do so from memory alone, without touching
    /// the database or waiting for any lock (today: a <c>/roadmap</c> whose member's progress is cached and known current);
    /// false otherwise, and the caller runs <see cref="DispatchAsync"/> as usual. Adapters that must acknowledge within a
    /// deadline run <see cref="DispatchAsync"/> off their request's stack, because SQLite's async API is synchronous underneath
    /// and a handler waiting for a lock would hold the acknowledgement (issue 13 item 9); this saves that thread-pool hop when
    /// nothing can wait (issue 10). Never throws: a handler failure is a false here, and the ordinary path then reports it.
    /// </summary>
    bool TryAnswerWithoutWaiting(CommandRequest request, [NotNullWhen(true)] out BotReply? reply);

    /// <summary>
    /// Parses <paramref name="commandLine"/> as typed (for example <c>/salary level:entry</c>, or a button's stored command)
    /// with <see cref="CommandTextParser"/> and runs it; parse problems come back as usage replies.
    /// <paramref name="configure"/> lets the adapter set channel, moderator flag and display name.
    /// </summary>
    Task<BotReply> DispatchTextAsync(
        string commandLine,
        MemberKey member,
        Func<CommandRequest, CommandRequest>? configure,
        CancellationToken cancellationToken);

    /// <summary>
    /// The entry point for "command plus values": parses <see cref="CommandInput.CommandLine"/> and then applies the
    /// input's form fields and mentioned members as they are (no text round trip), and runs the command. Parse problems
    /// come back as usage replies; <paramref name="configure"/> lets the adapter set channel, moderator flag and display name.
    /// </summary>
    Task<BotReply> DispatchInputAsync(
        CommandInput input,
        MemberKey member,
        Func<CommandRequest, CommandRequest>? configure,
        CancellationToken cancellationToken);
}

/// <summary>One handler per catalog command (<see cref="CommandName"/> without the slash).</summary>
public interface ICommandHandler
{
    /// <summary>The catalog name this handler answers, without the slash (<c>roadmap</c>).</summary>
    string CommandName { get; }

    /// <summary>
    /// Answers one request. Bad member input is a <see cref="ReplyTone.Warning"/> reply, not an exception; a
    /// <see cref="Storage.StorageUnavailableException"/> or any other exception becomes an <see cref="ReplyTone.Error"/> reply
    /// in the dispatcher.
    /// </summary>
    Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The reply <see cref="HandleAsync"/> would give, when it can be had from memory alone: no database, no lock waited for,
    /// no I/O (see <see cref="ICommandDispatcher.TryAnswerWithoutWaiting"/>). The default answers nothing that way.
    /// </summary>
    bool TryAnswerWithoutWaiting(CommandRequest request, [NotNullWhen(true)] out BotReply? reply)
    {
        reply = null;
        return false;
    }
}

/// <summary>
/// Suggestions for options whose <see cref="OptionDefinition.Autocomplete"/> is set (Discord autocomplete, type 8;
/// at most 25 choices; names and values at most 100 characters).
/// </summary>
public interface IAutocompleteProvider
{
    /// <summary>At most 25 choices (Discord's autocomplete limit) matching what the member has typed so far; empty when nothing matches.</summary>
    IReadOnlyList<OptionChoice> Suggest(AutocompleteSource source, string typed, MemberKey member);
}
