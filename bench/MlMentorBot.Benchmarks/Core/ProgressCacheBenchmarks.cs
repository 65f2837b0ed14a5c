using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlMentorBot.Core;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Benchmarks.Core;

/// <summary>
/// <c>/roadmap</c> then <c>/progress show</c> for one member whose progress is already cached, with each way of keeping a
/// per-process progress cache correct when several replicas share the database (issue #11):
/// <list type="bullet">
/// <item><c>CommitEpoch</c> — the store as shipped on SQLite: the wal-index header, read from the mapped <c>-shm</c> file,
/// says whether anything was committed since the member was last checked (<c>PRAGMA data_version</c> on a dedicated
/// connection decides when the header moved); only then is <c>members.progress_version</c> read.</item>
/// <item><c>EpochWatchesOnly</c> — the same without the header: a <c>PRAGMA data_version</c> read (a read transaction) on
/// every read, as before issue 10's last step.</item>
/// <item><c>VersionChecked</c> — every read compares <c>members.progress_version</c> (one indexed row), as on PostgreSQL and
/// as on SQLite before the epoch.</item>
/// <item><c>NoCache</c> — dropped: every read queries the member's rows, so the roadmap's reused replies never match either.</item>
/// <item><c>LocalOnly</c> — the old cache invalidated only by this process's writes: wrong across replicas; it is also the
/// ceiling for invalidation by notification (PostgreSQL <c>LISTEN/NOTIFY</c>), whose hit costs no query.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ProgressCacheBenchmarks
{
    private ServiceProvider _provider = null!;
    private ICommandDispatcher _dispatcher = null!;
    private string _folder = null!;

    [Params("CommitEpoch", "EpochWatchesOnly", "VersionChecked", "NoCache", "LocalOnly")]
    public string Cache { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchFiles.NewTempFolder();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = BenchFiles.InRepository("knowledge"),
            ["Storage:DatabasePath"] = Path.Combine(_folder, "bench.db"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(new ContentRoot(_folder));
        services.AddKnowledge(configuration).AddProgressStore(configuration).AddCommands();
        services.AddSingleton<SqliteProgressStore>();
        services.RemoveAll<IProgressStore>();
        services.AddSingleton<IProgressStore>(sp => Cache switch
        {
            "NoCache" => new UncachedStore(sp.GetRequiredService<SqliteProgressStore>(), sp.GetRequiredService<IDatabase>()),
            "LocalOnly" => new LocalOnlyStore(sp.GetRequiredService<SqliteProgressStore>(), sp.GetRequiredService<IDatabase>()),
            "VersionChecked" => Configure(sp.GetRequiredService<SqliteProgressStore>(), useCommitEpoch: false),
            "EpochWatchesOnly" => Configure(sp.GetRequiredService<SqliteProgressStore>(), useCommitEpoch: true, useWalIndexHeader: false),
            _ => sp.GetRequiredService<SqliteProgressStore>(),
        });
        _provider = services.BuildServiceProvider();
        _dispatcher = _provider.GetRequiredService<ICommandDispatcher>();
        Type("/progress mark roadmap.foundations.sql learning").GetAwaiter().GetResult();
        Type("/progress mark roadmap.foundations.math done").GetAwaiter().GetResult();
        RoadmapAndProgressShow().GetAwaiter().GetResult();
    }

    private static SqliteProgressStore Configure(SqliteProgressStore store, bool useCommitEpoch, bool useWalIndexHeader = true)
    {
        store.UseCommitEpoch = useCommitEpoch;
        store.UseWalIndexHeader = useWalIndexHeader;
        return store;
    }

    [GlobalCleanup]
    public void Cleanup() => BenchFiles.Release(_provider, _folder);

    [Benchmark]
    public async Task RoadmapAndProgressShow()
    {
        await Type("/roadmap");
        await Type("/progress show");
    }

    private Task Type(string line) => _dispatcher.DispatchTextAsync(line, BenchCore.Member, null, CancellationToken.None);

    private const string ReadSql = """
        SELECT p.step_id AS StepId, p.status AS Status, p.first_set_at AS FirstSetAt, p.updated_at AS UpdatedAt
        FROM step_progress p JOIN members m ON m.id = p.member_id
        WHERE m.platform = @Platform AND m.workspace_id = @WorkspaceId AND m.user_id = @UserId
        """;

    private static async Task<IReadOnlyDictionary<string, StepProgress>> ReadAsync(IDatabase database, MemberKey member, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string StepId, string Status, string FirstSetAt, string UpdatedAt)>(
            new CommandDefinition(ReadSql, member, cancellationToken: cancellationToken));
        return rows.Select(r => new StepProgress(r.StepId, SqliteProgressStore.ParseStatus(r.Status), DateTimeOffset.Parse(r.FirstSetAt), DateTimeOffset.Parse(r.UpdatedAt)))
            .ToDictionary(p => p.StepId, StringComparer.OrdinalIgnoreCase).AsReadOnly();
    }

    /// <summary>Writes through the real store; reads the rows on every call.</summary>
    private sealed class UncachedStore(SqliteProgressStore inner, IDatabase database) : Delegating(inner)
    {
        public override Task<IReadOnlyDictionary<string, StepProgress>> GetAsync(MemberKey member, CancellationToken cancellationToken) =>
            ReadAsync(database, member, cancellationToken);
    }

    /// <summary>Writes through the real store; keeps what it read until this process writes that member again.</summary>
    private sealed class LocalOnlyStore(SqliteProgressStore inner, IDatabase database) : Delegating(inner)
    {
        private readonly ConcurrentDictionary<MemberKey, IReadOnlyDictionary<string, StepProgress>> _cache = new();

        public override async Task<IReadOnlyDictionary<string, StepProgress>> GetAsync(MemberKey member, CancellationToken cancellationToken) =>
            _cache.TryGetValue(member, out var kept) ? kept : _cache[member] = await ReadAsync(database, member, cancellationToken);

        public override async Task<StepProgress> SetAsync(MemberKey member, string stepId, StepStatus status, CancellationToken cancellationToken)
        {
            var stored = await base.SetAsync(member, stepId, status, cancellationToken);
            _cache.TryRemove(member, out _);
            return stored;
        }
    }

    private abstract class Delegating(SqliteProgressStore inner) : IProgressStore
    {
        public virtual Task<IReadOnlyDictionary<string, StepProgress>> GetAsync(MemberKey member, CancellationToken cancellationToken) => inner.GetAsync(member, cancellationToken);

        public virtual Task<StepProgress> SetAsync(MemberKey member, string stepId, StepStatus status, CancellationToken cancellationToken) =>
            inner.SetAsync(member, stepId, status, cancellationToken);

        // Never from memory: each variant's own GetAsync is what is measured.
        public bool TryGetWithoutWaiting(MemberKey member, [NotNullWhen(true)] out IReadOnlyDictionary<string, StepProgress>? progress)
        {
            progress = null;
            return false;
        }

        public Task<MemberExport> ExportAsync(MemberKey member, CancellationToken cancellationToken) => inner.ExportAsync(member, cancellationToken);

        public Task<int> DeleteAsync(MemberKey member, CancellationToken cancellationToken) => inner.DeleteAsync(member, cancellationToken);

        public Task<int> RenameStepAsync(string oldStepId, string newStepId, CancellationToken cancellationToken) => inner.RenameStepAsync(oldStepId, newStepId, cancellationToken);

        public Task<IReadOnlyDictionary<string, int>> CountByStepAsync(CancellationToken cancellationToken) => inner.CountByStepAsync(cancellationToken);
    }
}
