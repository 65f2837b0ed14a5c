using System.Collections.Concurrent;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.Moderation;

[Collection(ModerationHost.Collection)]
public sealed class ConcurrentReloadTests
{
    [Fact]
    public async Task Requests_during_reloads_all_succeed_and_each_sees_a_whole_knowledge_set()
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });
        var knowledge = host.Knowledge;
        var extra = host.File("career/extra.md");
        var extraText = File.ReadAllText(host.File("career/growth.md")).Replace("id: career.growth", "id: career.extra")
            .Replace("aliases: [career growth, advancement, promotion, management, leadership, career path]", "aliases: []");
        // Aliases and listed questions belong to one entry each.
        extraText = System.Text.RegularExpressions.Regex.Replace(extraText, @"questions:\n(  - .*\n)+", "");
        // Version → entry count, for every set that was ever applied.
        var counts = new ConcurrentDictionary<string, int>();
        counts[knowledge.Current.Version] = knowledge.Current.Entries.Count;
        using var stop = new CancellationTokenSource();

        var served = 0;
        var reloads = Task.Run(() =>
        {
            // At least 12 reloads, and keep going until the request loops have really run alongside them (a busy machine
            // may start them late); the cap only stops a broken test from spinning forever.
            for (var i = 0; (i < 12 || Volatile.Read(ref served) < 60) && i < 2000; i++)
            {
                if (i % 2 == 0)
                {
                    File.WriteAllText(extra, extraText);
                }
                else
                {
                    File.Delete(extra);
                }

                var outcome = knowledge.Reload("test");
                Assert.True(outcome.IsApplied, string.Join("\n", outcome.Result.Problems));
                counts[outcome.Current.Version] = outcome.Current.Entries.Count;
            }

            stop.Cancel();
        });
        var failures = new ConcurrentBag<string>();
        var requests = Enumerable.Range(0, 6).Select(n => Task.Run(async () =>
        {
            var lines = new[] { "/ask how much do juniors earn", "/skills frameworks", "/roadmap foundations", "/resources certs", "/salary entry" };
            while (!stop.IsCancellationRequested)
            {
                var snapshot = knowledge.Current;
                if (counts.TryGetValue(snapshot.Version, out var expected) && expected != snapshot.Entries.Count)
                {
                    failures.Add($"version {snapshot.Version} has {snapshot.Entries.Count} entries, expected {expected}");
                }

                var reply = await host.TypeAsync(lines[(n + served) % lines.Length]);
                Interlocked.Increment(ref served);
                if (reply.Tone is ReplyTone.Error or ReplyTone.Warning)
                {
                    failures.Add($"{reply.Title}: {string.Join(" ", reply.Sections.Select(s => s.Markdown))}");
                }
            }
        })).ToList();

        await reloads;
        await Task.WhenAll(requests);

        Assert.Empty(failures);
        Assert.True(served >= 60, $"only {served} requests ran during the reloads");
        Assert.Equal(2, counts.Values.Distinct().Count()); // both sets (with and without the extra entry) were served
    }
}
