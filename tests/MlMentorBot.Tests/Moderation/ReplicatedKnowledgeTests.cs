using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;
using Moq;

namespace MlMentorBot.Tests.Moderation;

/// <summary>
/// Two replicas of the real host on one database, each loading the same knowledge folder (issue #11), run on each provider by
/// the subclasses below.
/// </summary>
[Collection(ModerationHost.Collection)]
public abstract class ReplicatedKnowledgeTests : IDisposable
{
    private readonly TempDir _knowledge = new();
    private readonly TestStorage _storage;
    private readonly Mock<IChannelMessenger> _slack = new();
    private readonly List<BotFactory> _replicas = [];

    protected ReplicatedKnowledgeTests(TestStorage storage)
    {
        _storage = storage;
        RepoPaths.CopyKnowledgeTo(_knowledge.Path);
        _slack.SetupGet(m => m.Platform).Returns("slack");
        _slack.Setup(m => m.PostAsync(It.IsAny<string>(), It.IsAny<BotReply>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync("1");
        for (var i = 0; i < 2; i++)
        {
            var replica = new BotFactory(storage.With(new Dictionary<string, string?>
            {
                ["Knowledge:Path"] = _knowledge.Path,
                ["Moderation:IsWatchEnabled"] = "false",
                ["Moderation:PollSeconds"] = "1",
                ["Moderation:AlertChannel:Platform"] = "slack",
                ["Moderation:AlertChannel:ChannelId"] = "C0MODS",
            }), services => services.AddSingleton(_slack.Object));
            _ = replica.Services; // start: start-up load, processor, watcher
            _replicas.Add(replica);
        }
    }

    public void Dispose()
    {
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }

        _knowledge.Dispose();
        _storage.Dispose();
    }

    private static T Get<T>(BotFactory replica) where T : notnull => replica.Services.GetRequiredService<T>();

    private static Task UntilProcessedAsync(BotFactory replica) => ModerationHost.UntilAsync(
        () => Get<KnowledgeReloadProcessor>(replica).LastReport?.Outcome == Get<KnowledgeService>(replica).LastOutcome, "the load is processed");

    private static async Task<string> ModeratorAsync(BotFactory replica, string line) => PlainTextRenderer.Render(
        await Get<ICommandDispatcher>(replica).DispatchTextAsync(line, ModerationHost.Moderator,
            r => r with { IsModerator = true, DisplayName = "Mod" }, CancellationToken.None));

    [SkippableFact]
    public async Task Each_version_is_audited_once_and_kb_reload_on_one_replica_reaches_the_other()
    {
        foreach (var replica in _replicas)
        {
            await UntilProcessedAsync(replica);
        }

        var history = await Get<KnowledgeAuditStore>(_replicas[0]).HistoryAsync(10, CancellationToken.None);
        Assert.Single(history); // one start-up entry, not one per replica

        File.WriteAllText(Path.Combine(_knowledge.Path, "resources/bootcamps.md"),
            File.ReadAllText(Path.Combine(_knowledge.Path, "resources/bootcamps.md")).Replace("## Programs named", "## Programmes named"));
        Assert.Contains("Knowledge reloaded", await ModeratorAsync(_replicas[0], "/kb reload"));
        var version = Get<KnowledgeService>(_replicas[0]).Current.Version;

        await ModerationHost.UntilAsync(() => Get<KnowledgeService>(_replicas[1]).Current.Version == version, "the other replica reloads");
        await UntilProcessedAsync(_replicas[1]);
        Assert.Contains("on another replica", Get<KnowledgeService>(_replicas[1]).LastOutcome!.Trigger);
        history = await Get<KnowledgeAuditStore>(_replicas[1]).HistoryAsync(10, CancellationToken.None);
        Assert.Equal(2, history.Count);
        Assert.Equal("/kb reload by Mod (local::mod)", history[0].TriggeredBy);
    }

    [SkippableFact]
    public async Task A_rejected_version_alerts_the_moderators_once_across_replicas()
    {
        File.WriteAllText(Path.Combine(_knowledge.Path, "salary/figures.md"),
            File.ReadAllText(Path.Combine(_knowledge.Path, "salary/figures.md")).Replace("    source: roadmap-article\n", "    source: nowhere\n"));

        Assert.Contains("Reload rejected", await ModeratorAsync(_replicas[0], "/kb reload"));
        await ModerationHost.UntilAsync(() => Get<KnowledgeService>(_replicas[1]).LastOutcome is { IsApplied: false }, "the other replica reloads too");
        await UntilProcessedAsync(_replicas[1]);
        await UntilProcessedAsync(_replicas[0]);

        _slack.Verify(m => m.PostAsync("C0MODS", It.Is<BotReply>(r => r.Title == "Knowledge update rejected"), null, It.IsAny<CancellationToken>()), Times.Once);
    }
}

public sealed class ReplicatedKnowledgeOnSqliteTests() : ReplicatedKnowledgeTests(TestStorage.Sqlite());

[Collection(ModerationHost.Collection)]
public sealed class ReplicatedKnowledgeOnPostgresTests(PostgresCluster cluster) : ReplicatedKnowledgeTests(TestStorage.Postgres(cluster)), IClassFixture<PostgresCluster>;
