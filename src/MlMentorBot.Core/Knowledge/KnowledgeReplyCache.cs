using System.Collections.Concurrent;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Knowledge;

/// <summary>
/// Replies a handler builds from the knowledge alone (a topic, a list of topics, the salary figures), kept for the snapshot
/// they were built from and handed out again as the same <see cref="BotReply.IsReused"/> instance, so adapters can reuse what
/// they render from it. Everything is dropped when a reload replaces the snapshot. Keys are entry ids or fixed names, never
/// raw member text, so the cache is bounded by the size of the knowledge. Thread-safe; two racing callers may both build a
/// reply, and either copy is complete.
/// </summary>
internal sealed class KnowledgeReplyCache
{
    private State? _state;

    /// <summary>
    /// The reply stored under <paramref name="key"/> for <paramref name="snapshot"/>, built by <paramref name="build"/> on first
    /// use. <paramref name="build"/> must return the reply as its asker sees it privately (not aimed at anyone); it is stored
    /// with <see cref="BotReply.IsReused"/> set.
    /// </summary>
    public BotReply GetOrAdd(KnowledgeSnapshot snapshot, string key, Func<BotReply> build)
    {
        var state = Volatile.Read(ref _state);
        if (state?.Snapshot != snapshot)
        {
            state = new State(snapshot, new ConcurrentDictionary<string, BotReply>(StringComparer.Ordinal));
            Volatile.Write(ref _state, state);
        }

        return state.Replies.TryGetValue(key, out var kept)
            ? kept
            : state.Replies.GetOrAdd(key, build() with { IsPrivate = true, IsReused = true });
    }

    private sealed record State(KnowledgeSnapshot Snapshot, ConcurrentDictionary<string, BotReply> Replies);
}
