using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Knowledge;

/// <summary>
/// The handler of every topic command declared in <see cref="CommandCatalog.Topics"/> without a handler of its own
/// (<c>/skills [area]</c>, <c>/resources [topic]</c>): without an argument, the list of entries of the topic's kind; with
/// one, the entry found by key, alias or synonym, or "did you mean". Lists and entries are built once per snapshot and reused.
/// </summary>
internal sealed class TopicHandler(TopicDefinition topic, IKnowledgeProvider knowledge) : ICommandHandler
{
    private readonly KnowledgeReplyCache _replies = new();

    public string CommandName => topic.Name;

    public Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.Current;
        if (request.Option(topic.Option) is not { } typed)
        {
            var list = _replies.GetOrAdd(snapshot, "", () => EntryReplies.List(topic.ListTitle, topic.ListIntro, snapshot.OfKind(topic.Kind)));
            return Task.FromResult(EntryReplies.AimAt(list, request));
        }

        var entry = snapshot.Find(topic.Kind, typed);
        return Task.FromResult(entry is null
            ? EntryReplies.NotFound(topic.Noun, typed, "/" + topic.Name, snapshot.Suggest(topic.Kind, typed), snapshot.OfKind(topic.Kind).Select(e => e.Key))
            : EntryReplies.AimAt(_replies.GetOrAdd(snapshot, entry.Id, () => EntryReplies.Full(entry, snapshot)), request));
    }
}
