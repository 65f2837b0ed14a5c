using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Tests.Storage;

/// <summary>Several replicas on one PostgreSQL database: each with its own <see cref="PostgresDatabase"/>, as separate processes have.</summary>
[Collection(PostgresCluster.Collection)]
public sealed class PostgresReplicaTests(PostgresCluster cluster)
{
    internal static readonly SchemaMigration[] AllMigrations =
    [
        .. SqliteProgressStore.Migrations, ComponentStateStore.Migration, StudyGroupStore.Migration, StudyGroupStore.CommunityMigration, .. CheckInStore.Migrations,
        KnowledgeAuditStore.Migration, AnswerGapStore.Migration, AnswerGapStore.CommunityMigration, UsageStats.Migration, UsageStats.CommunityMigration,
        .. ModerationScheduler.Migrations,
        KnowledgeAuditStore.VersionMigration, KnowledgeReloadRequests.Migration,
    ];

    [SkippableFact]
    public async Task Replicas_starting_at_the_same_moment_apply_every_migration_once()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var replicas = Enumerable.Range(0, 4).Select(_ => Replica(connectionString)).ToList();
        using var start = new Barrier(replicas.Count);

        await Task.WhenAll(replicas.Select(r => Task.Run(() =>
        {
            start.SignalAndWait();
            r.Migrate();
        })));

        await using var connection = await replicas[0].OpenAsync(CancellationToken.None);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(AllMigrations.Select(m => m.Version).Order(), versions);
        Assert.Empty(await connection.QueryAsync<string>("SELECT concat_ws(' ', database, classid, objid, mode, granted, pid) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        await DisposeAsync(replicas);
    }

    [SkippableFact]
    public async Task Concurrent_writes_through_two_replicas_are_all_kept()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var (a, b) = (Replica(connectionString), Replica(connectionString));
        var stores = new[] { new SqliteProgressStore(a, TimeProvider.System, []), new SqliteProgressStore(b, TimeProvider.System, []) };
        // 20 members, each marked on 10 steps, every member written through both replicas at once (the same members row
        // is created or updated by both), plus usage counts of one shared row incremented from both.
        var writes = Enumerable.Range(0, 200).Select(i => (Store: stores[i % 2], Member: new MemberKey("slack", "T1", $"U{i % 20:D3}"), Step: $"roadmap.load.s{i / 20}"));
        var usage = new[] { new UsageStats(a, TimeProvider.System), new UsageStats(b, TimeProvider.System) };
        foreach (var (stats, n) in usage.Select((s, n) => (s, n)))
        {
            for (var i = 0; i < 25 + n; i++)
            {
                stats.Record(new CommandRequest("roadmap", null, new Dictionary<string, string>(), new("slack", "T1", "U000")), new Core.Replies.BotReply { Title = "Roadmap" });
            }
        }

        await Task.WhenAll(
            writes.Select(w => Task.Run(() => w.Store.SetAsync(w.Member, w.Step, StepStatus.Done, CancellationToken.None)))
                .Concat(usage.Select(u => Task.Run(() => u.FlushAsync(CancellationToken.None)))));

        var counts = await stores[0].CountByStepAsync(CancellationToken.None);
        Assert.All(Enumerable.Range(0, 10), s => Assert.Equal(20, counts[$"roadmap.load.s{s}"]));
        await using var connection = await b.OpenAsync(CancellationToken.None);
        Assert.Equal(20L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM members"));
        Assert.Equal(51L, await connection.ExecuteScalarAsync<long>("SELECT count FROM community_usage_counts WHERE community = 'slack:T1' AND name = '/roadmap'"));
        await DisposeAsync([a, b]);
    }

    [SkippableFact]
    public async Task Concurrent_marks_of_one_member_queue_instead_of_aborting_each_other()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var log = new RetryLog();
        var (a, b) = (Replica(connectionString, log), Replica(connectionString, log));
        var stores = new[] { new SqliteProgressStore(a, TimeProvider.System, []), new SqliteProgressStore(b, TimeProvider.System, []) };
        var one = new MemberKey("slack", "T1", "U0ONE");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // 64 marks of one member (64 steps, so each write leaves its own row) and 64 members marking the same step, all at
        // once and spread over two replicas: bench/slack/load.sh's worst case, where SERIALIZABLE writes aborted each other.
        var writes = Enumerable.Range(0, 64).Select(i => (Member: one, Step: $"roadmap.load.s{i}"))
            .Concat(Enumerable.Range(0, 64).Select(i => (Member: new MemberKey("slack", "T1", $"U{i:D3}"), Step: "roadmap.foundations.math")))
            .Select(async (w, i) =>
            {
                await start.Task;
                return await stores[i % 2].SetAsync(w.Member, w.Step, StepStatus.Done, CancellationToken.None);
            }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(writes);

        Assert.Equal(128, results.Length);
        Assert.Equal(64, (await stores[1].GetAsync(one, CancellationToken.None)).Values.Count(p => p.Status == StepStatus.Done));
        Assert.Equal(64, (await stores[0].CountByStepAsync(CancellationToken.None))["roadmap.foundations.math"]);
        await using (var connection = await a.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(65L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM members"));
        }

        // Not one transaction was aborted and run again: writers of one member waited for its row lock instead.
        Assert.Empty(log.Retries);
        await DisposeAsync([a, b]);
    }

    private static PostgresDatabase Replica(string connectionString, ILogger<PostgresDatabase>? logger = null) =>
        new(Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = connectionString }),
            AllMigrations, logger ?? NullLogger<PostgresDatabase>.Instance);

    /// <summary>The "retried" lines <see cref="PostgresDatabase"/> logs at Debug, one per aborted and repeated transaction.</summary>
    private sealed class RetryLog : ILogger<PostgresDatabase>
    {
        public ConcurrentQueue<string> Retries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (message.Contains("retried", StringComparison.Ordinal))
            {
                Retries.Enqueue(message);
            }
        }
    }

    private static async Task DisposeAsync(IEnumerable<PostgresDatabase> replicas)
    {
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }
}
