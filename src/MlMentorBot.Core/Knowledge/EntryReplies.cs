using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Knowledge;

/// <summary>Turns knowledge entries into replies and links between them, the same way for every topic command.</summary>
internal static class EntryReplies
{
    /// <summary>
    /// The command that shows an entry: the topic command declared for its kind (<c>/skills frameworks</c>,
    /// <c>/roadmap foundations</c>, <c>/salary</c>), or <c>/ask …</c> for kinds no topic command answers.
    /// </summary>
    public static string CommandFor(KnowledgeEntry entry) =>
        CommandCatalog.TopicFor(entry.Kind) is { } topic ? topic.CommandFor(entry.Key) : $"/ask {entry.Title}";

    /// <summary>
    /// The whole entry as the asker sees it privately: summary, every section, its sources, and buttons to up to four related
    /// entries. <see cref="AimAt"/> makes it public for someone else.
    /// </summary>
    public static BotReply Full(KnowledgeEntry entry, KnowledgeSnapshot knowledge) => new()
    {
        Title = entry.Title,
        Sections = entry.Sections.Prepend(new KnowledgeSection(entry.Id, null, $"*{entry.Summary}*", entry.Line))
            .Select(s => new ReplySection(s.Heading, s.Markdown)).ToList(),
        Sources = entry.Citations,
        EntryId = entry.Id,
        Actions = Related(entry, knowledge),
        IsPrivate = true,
    };

    /// <summary>
    /// A list of entries of one kind, as the asker sees it privately: title, the command that opens it, and its summary.
    /// </summary>
    public static BotReply List(string title, string intro, IEnumerable<KnowledgeEntry> entries)
    {
        var list = entries.ToList();
        var lines = list.Select(e => $"- **{e.Title}** — `{CommandFor(e)}`\n  {e.Summary}");
        return new BotReply
        {
            Title = title,
            Sections = [new ReplySection(null, intro + "\n\n" + string.Join("\n", lines))],
            Sources = Cite(list),
            Actions = list.Take(5).Select(e => new SuggestedAction(e.Title.Length > 40 ? e.Key : e.Title, CommandFor(e))).ToList(),
            IsPrivate = true,
        };
    }

    /// <summary>
    /// The sources of several entries, one citation per article (title and publisher); the first entry's note wins.
    /// </summary>
    public static IReadOnlyList<SourceCitation> Cite(IEnumerable<KnowledgeEntry> entries) =>
        entries.SelectMany(e => e.Citations).DistinctBy(c => (c.Title, c.Publisher)).ToList();

    /// <summary>How a source is named inline: its publisher, or its title when the publisher is unknown.</summary>
    public static string ShortName(KnowledgeSource source) =>
        source.Publisher.StartsWith("Unknown", StringComparison.OrdinalIgnoreCase) ? source.Title : source.Publisher;

    /// <summary>"I don't have X" with close matches and the list of what exists.</summary>
    public static BotReply NotFound(string what, string typed, string command, IReadOnlyList<string> near, IEnumerable<string> valid)
    {
        var text = $"I have no {what} called `{typed}`." + CloseMatches.DidYouMean(near.Select(n => $"{command} {n}"));
        text += $"\n\nAvailable: {string.Join(", ", valid.Select(v => $"`{v}`"))}.";
        return BotReply.Problem($"No {what} \"{typed}\"", text,
            near.Select(n => new SuggestedAction($"{command} {n}", $"{command} {n}")).Append(new SuggestedAction($"All {what}s", command)).ToList());
    }

    /// <summary>Buttons to related entries that have a command of their own (at most four).</summary>
    public static IReadOnlyList<SuggestedAction> Related(KnowledgeEntry entry, KnowledgeSnapshot knowledge) =>
        entry.Related.Select(knowledge.FindById).OfType<KnowledgeEntry>()
            .Where(e => CommandCatalog.TopicFor(e.Kind) is not null)
            .Take(4)
            .Select(e => new SuggestedAction(Shorten(e.Title), CommandFor(e)))
            .ToList();

    /// <summary>
    /// Knowledge answers are private to the asker unless the <c>user</c> option aims them at someone: then the reply is
    /// public and mentions only that member.
    /// </summary>
    public static BotReply AimAt(BotReply reply, CommandRequest request) =>
        request.Option("user") is { } user
            ? reply with { IsPrivate = false, AimedAtUserId = user, IsReused = false }
            : reply.IsPrivate ? reply : reply with { IsPrivate = true, IsReused = false };

    private static string Shorten(string title)
    {
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        var shown = colon > 0 && colon < 12 ? title[(colon + 2)..] : title;
        return shown.Length <= 40 ? shown : shown[..39] + "…";
    }
}
