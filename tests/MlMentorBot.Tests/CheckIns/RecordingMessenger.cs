using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.CheckIns;

/// <summary>Stands in for an adapter's channel messenger: records every post and edit with the fake clock's time.</summary>
public sealed class RecordingMessenger(TimeProvider time, string platform = "discord") : IChannelMessenger
{
    private int _next;

    public sealed record Post(string Id, string ChannelId, BotReply Reply, string? ThreadId, DateTimeOffset At);

    public List<Post> Posts { get; } = [];

    public List<(string MessageId, BotReply Reply)> Updates { get; } = [];

    /// <summary>How many of the next posts should fail as an API error would.</summary>
    public int FailNext { get; set; }

    /// <summary>When set, every post throws it (e.g. the adapter's "the bot was removed" error).</summary>
    public Exception? FailWith { get; set; }

    public string Platform => platform;

    public Task<string> PostAsync(string channelId, BotReply reply, string? threadId, CancellationToken cancellationToken)
    {
        lock (Posts)
        {
            if (FailWith is not null)
            {
                throw FailWith;
            }

            if (FailNext > 0)
            {
                FailNext--;
                throw new HttpRequestException("503 from the platform");
            }

            var id = $"m{++_next}";
            Posts.Add(new Post(id, channelId, reply, threadId, time.GetUtcNow()));
            return Task.FromResult(id);
        }
    }

    public Task UpdateAsync(string channelId, string messageId, BotReply reply, CancellationToken cancellationToken)
    {
        lock (Posts)
        {
            Updates.Add((messageId, reply));
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<Post> Titled(string prefix)
    {
        lock (Posts)
        {
            return Posts.Where(p => p.Reply.Title.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }
    }
}
