using Dapper;
using Microsoft.Data.Sqlite;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Progress;

/// <summary>The progress store's behaviour, run on each provider by the subclasses below.</summary>
public abstract class ProgressStoreTests : IDisposable
{
    private static readonly MemberKey Discord = new("discord", "81384788765712384", "80351110224678912");
    private static readonly MemberKey DiscordDm = new("discord", "", "80351110224678912");
    private static readonly MemberKey Slack = new("slack", "T0001", "U2147483697");
    private readonly CoreServices _core;

    protected ProgressStoreTests(TestStorage storage)
    {
        Storage = storage;
        _core = new CoreServices(storage: storage.Settings);
    }

    protected TestStorage Storage { get; }

    protected CoreServices Core => _core;

    private IProgressStore Store => _core.Get<IProgressStore>();

    public void Dispose()
    {
        _core.Dispose();
        Storage.Dispose();
    }

    [SkippableFact]
    public async Task A_slack_enterprise_id_is_stored_kept_and_not_part_of_the_identity()
    {
        var inGrid = Slack with { EnterpriseId = "E0001" };
        Assert.Equal(Slack, inGrid);
        Assert.Equal(Slack.GetHashCode(), inGrid.GetHashCode());

        await Store.SetAsync(inGrid, "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);
        await Store.SetAsync(Slack, "roadmap.foundations.sql", StepStatus.Done, CancellationToken.None); // a payload without it

        var export = await Store.ExportAsync(Slack, CancellationToken.None);
        Assert.Equal("E0001", export.Member.EnterpriseId);
        Assert.Equal(2, export.Steps.Count);
        await using var connection = await _core.Get<IDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM members WHERE platform = 'slack'"));
    }

    [SkippableFact]
    public async Task A_status_set_is_read_back_with_timestamps()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await Store.SetAsync(Discord, "roadmap.foundations.math", StepStatus.Learning, CancellationToken.None);
        var progress = await Store.GetAsync(Discord, CancellationToken.None);

        var row = progress["ROADMAP.foundations.math"];
        Assert.Equal(StepStatus.Learning, row.Status);
        Assert.InRange(row.FirstSetAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(TimeSpan.Zero, row.UpdatedAt.Offset);
    }

    [SkippableFact]
    public async Task Changing_a_status_keeps_when_it_was_first_set()
    {
        var first = await Store.SetAsync(Slack, "roadmap.foundations.sql", StepStatus.Learning, CancellationToken.None);
        await Task.Delay(5);

        var second = await Store.SetAsync(Slack, "roadmap.foundations.sql", StepStatus.Done, CancellationToken.None);

        Assert.Equal(StepStatus.Done, second.Status);
        Assert.Equal(first.FirstSetAt, second.FirstSetAt);
        Assert.True(second.UpdatedAt >= first.UpdatedAt);
    }

    [SkippableFact]
    public async Task Members_are_kept_apart_by_platform_workspace_and_user()
    {
        await Store.SetAsync(Discord, "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);

        Assert.Empty(await Store.GetAsync(DiscordDm, CancellationToken.None));
        Assert.Empty(await Store.GetAsync(Slack, CancellationToken.None));
        Assert.Single(await Store.GetAsync(Discord, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Progress_survives_a_new_store_on_the_same_database()
    {
        await Store.SetAsync(Discord, "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);

        // Same database, fresh services: as after a restart.
        using var restarted = new CoreServices(storage: Storage.Settings);

        var progress = await restarted.Get<IProgressStore>().GetAsync(Discord, CancellationToken.None);
        Assert.Equal(StepStatus.Done, progress["roadmap.foundations.math"].Status);
    }

    [SkippableFact]
    public async Task Migrations_are_recorded_once()
    {
        await Store.GetAsync(Discord, CancellationToken.None);
        using var restarted = new CoreServices(storage: Storage.Settings);
        await restarted.Get<IProgressStore>().GetAsync(Discord, CancellationToken.None);

        await using var connection = await _core.Get<IDatabase>().OpenAsync(CancellationToken.None);
        Assert.Equal([1, 2, 3], await connection.QueryAsync<int>("SELECT version FROM schema_migrations WHERE version < 100 ORDER BY version"));
    }

    [SkippableFact]
    public async Task Step_ids_match_whatever_their_letter_case()
    {
        await Store.SetAsync(Discord, "roadmap.foundations.math", StepStatus.Learning, CancellationToken.None);
        await Store.SetAsync(Discord, "ROADMAP.Foundations.Math", StepStatus.Done, CancellationToken.None);

        var progress = await Store.GetAsync(Discord, CancellationToken.None);

        Assert.Equal(StepStatus.Done, Assert.Single(progress).Value.Status);
    }

    [SkippableFact]
    public async Task Export_and_delete_cover_every_row_of_the_member_only()
    {
        await Store.SetAsync(Discord, "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);
        await Store.SetAsync(Discord, "roadmap.foundations.sql", StepStatus.Skipped, CancellationToken.None);
        await Store.SetAsync(Slack, "roadmap.foundations.sql", StepStatus.Done, CancellationToken.None);

        var export = await Store.ExportAsync(Discord, CancellationToken.None);
        var deleted = await Store.DeleteAsync(Discord, CancellationToken.None);

        Assert.Equal(["roadmap.foundations.math", "roadmap.foundations.sql"], export.Steps.Select(s => s.StepId));
        Assert.NotNull(export.FirstSeenAt);
        Assert.Equal(3, deleted);
        Assert.Empty(await Store.GetAsync(Discord, CancellationToken.None));
        Assert.Null((await Store.ExportAsync(Discord, CancellationToken.None)).FirstSeenAt);
        Assert.Single(await Store.GetAsync(Slack, CancellationToken.None));
        Assert.Equal(0, await Store.DeleteAsync(Discord, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Renaming_a_step_moves_progress_and_keeps_the_more_advanced_status()
    {
        await Store.SetAsync(Discord, "roadmap.old.step", StepStatus.Done, CancellationToken.None);
        await Store.SetAsync(Slack, "roadmap.old.step", StepStatus.Learning, CancellationToken.None);
        await Store.SetAsync(Slack, "roadmap.new.step", StepStatus.Done, CancellationToken.None);

        var moved = await Store.RenameStepAsync("roadmap.old.step", "roadmap.new.step", CancellationToken.None);

        Assert.Equal(2, moved);
        Assert.Equal(StepStatus.Done, (await Store.GetAsync(Discord, CancellationToken.None))["roadmap.new.step"].Status);
        var slack = await Store.GetAsync(Slack, CancellationToken.None);
        Assert.Equal(StepStatus.Done, slack["roadmap.new.step"].Status);
        Assert.False(slack.ContainsKey("roadmap.old.step"));
        Assert.Equal(2, (await Store.CountByStepAsync(CancellationToken.None))["roadmap.new.step"]);
    }

    [SkippableFact]
    public async Task Cached_reads_follow_every_kind_of_write()
    {
        await Store.SetAsync(Discord, "roadmap.old.step", StepStatus.Learning, CancellationToken.None);
        Assert.Equal(StepStatus.Learning, (await Store.GetAsync(Discord, CancellationToken.None))["roadmap.old.step"].Status);

        await Store.SetAsync(Discord, "roadmap.old.step", StepStatus.Done, CancellationToken.None);
        Assert.Equal(StepStatus.Done, (await Store.GetAsync(Discord, CancellationToken.None))["roadmap.old.step"].Status);

        await Store.RenameStepAsync("roadmap.old.step", "roadmap.new.step", CancellationToken.None);
        Assert.Equal(["roadmap.new.step"], (await Store.GetAsync(Discord, CancellationToken.None)).Keys);

        await Store.DeleteAsync(Discord, CancellationToken.None);
        Assert.Empty(await Store.GetAsync(Discord, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_burst_of_writers_from_many_members_all_land()
    {
        // More writers than thread-pool threads: they must queue for the write lock without starving the one holding it.
        var writes = Enumerable.Range(0, 300).Select(i => (Member: new MemberKey("slack", "T0001", $"U{i % 30:D4}"), Step: $"roadmap.load.s{i / 30}"));

        await Task.WhenAll(writes.Select(w => Task.Run(() => Store.SetAsync(w.Member, w.Step, StepStatus.Done, CancellationToken.None))));

        var counts = await Store.CountByStepAsync(CancellationToken.None);
        Assert.All(Enumerable.Range(0, 10), s => Assert.Equal(30, counts[$"roadmap.load.s{s}"]));
    }

    [SkippableFact]
    public async Task Concurrent_writers_all_land()
    {
        var steps = Enumerable.Range(0, 40).Select(i => $"roadmap.load.s{i}").ToList();

        await Task.WhenAll(steps.Select(s => Task.Run(() => Store.SetAsync(Discord, s, StepStatus.Done, CancellationToken.None))));

        Assert.Equal(40, (await Store.GetAsync(Discord, CancellationToken.None)).Count);
    }
}

public sealed class ProgressStoreOnSqliteTests() : ProgressStoreTests(TestStorage.Sqlite())
{
    private static readonly MemberKey Bob = new("slack", "T0001", "U0BOB");

    [Fact]
    public async Task A_cached_member_is_served_without_a_query_until_something_is_committed()
    {
        var store = (SqliteProgressStore)Core.Get<IProgressStore>();
        await store.SetAsync(Bob, "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);
        await store.GetAsync(Bob, CancellationToken.None); // read and cached
        var (queries, hits) = (store.VersionQueries, store.EpochHits);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(StepStatus.Done, (await store.GetAsync(Bob, CancellationToken.None))["roadmap.foundations.math"].Status);
        }

        Assert.Equal(queries, store.VersionQueries); // the short-cut, not the per-member check
        Assert.Equal(hits + 5, store.EpochHits);

        // Any commit (here an unrelated member's, through this process's own write path) sends the next read to the check.
        await store.SetAsync(CoreServices.Alice, "roadmap.foundations.sql", StepStatus.Learning, CancellationToken.None);
        await store.GetAsync(Bob, CancellationToken.None);
        Assert.Equal(queries + 1, store.VersionQueries);
        await store.GetAsync(Bob, CancellationToken.None);
        Assert.Equal(queries + 1, store.VersionQueries); // checked again in the new epoch: short-cut once more
    }

    [Fact]
    public async Task A_write_through_another_process_is_read_at_once_by_a_store_that_had_it_cached()
    {
        // Two service providers on one file share nothing in memory, as two processes (replicas) would not.
        using var other = new CoreServices(storage: Storage.Settings);
        var writer = other.Get<IProgressStore>();
        var reader = (SqliteProgressStore)Core.Get<IProgressStore>();
        await writer.SetAsync(Bob, "roadmap.foundations.math", StepStatus.Learning, CancellationToken.None);
        await reader.GetAsync(Bob, CancellationToken.None);
        Assert.Equal(StepStatus.Learning, (await reader.GetAsync(Bob, CancellationToken.None))["roadmap.foundations.math"].Status);
        var hits = reader.EpochHits;
        Assert.True(hits > 0, "the second read should have been served from the current epoch");

        for (var round = 0; round < 20; round++)
        {
            var status = round % 2 == 0 ? StepStatus.Done : StepStatus.Skipped;
            await writer.SetAsync(Bob, "roadmap.foundations.math", status, CancellationToken.None);

            Assert.Equal(status, (await reader.GetAsync(Bob, CancellationToken.None))["roadmap.foundations.math"].Status);
            Assert.Equal(status, (await reader.GetAsync(Bob, CancellationToken.None))["roadmap.foundations.math"].Status);
        }

        Assert.Equal(hits + 20, reader.EpochHits); // each round's second read took the short-cut, and was still right

        Assert.Equal(2, await writer.DeleteAsync(Bob, CancellationToken.None));
        Assert.Empty(await reader.GetAsync(Bob, CancellationToken.None));
    }

    [Fact]
    public async Task A_commit_moves_the_epoch_seen_through_any_watch_connection()
    {
        using var epoch = new SqliteCommitEpoch(Core.Get<SqliteDatabase>());
        epoch.Current(0);
        var before = epoch.Current(1); // both watches open; a member checked now would be stamped with this epoch
        Assert.Equal(before, epoch.Current(0));

        await Core.Get<IProgressStore>().SetAsync(Bob, "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);

        // The second watch, which the bot uses while the first is busy, must not hand out the pre-commit epoch.
        var afterOnSecond = epoch.Current(1);
        Assert.NotEqual(before, afterOnSecond);
        var afterOnFirst = epoch.Current(0);
        Assert.NotEqual(before, afterOnFirst);
        Assert.True(afterOnFirst >= afterOnSecond, "the epoch only moves forward");
    }

    [Fact]
    public async Task The_wal_index_header_answers_until_a_commit_and_then_sends_the_read_to_the_watches()
    {
        await Core.Get<IProgressStore>().SetAsync(Bob, "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);
        using var epoch = new SqliteCommitEpoch(Core.Get<SqliteDatabase>());
        Assert.Null(epoch.FromHeader()); // nothing recorded before a watch has read

        var first = epoch.Current();
        Assert.NotNull(first);
        var hits = epoch.HeaderHits;
        Assert.Equal(first, epoch.Current());
        Assert.Equal(first, epoch.CurrentWithoutWaiting());
        Assert.Equal(hits + 2, epoch.HeaderHits); // both answered from the header, no watch read

        await using var other = new SqliteConnection($"Data Source={Core.Get<SqliteDatabase>().FilePath}");
        await other.OpenAsync();
        Assert.Equal(1, await other.ExecuteAsync("UPDATE members SET progress_version = progress_version + 1"));
        Assert.Null(epoch.FromHeader()); // the commit rewrote the header

        var second = epoch.Current();
        Assert.True(second > first, $"the commit must move the epoch ({first} -> {second})");
        Assert.Equal(second, epoch.FromHeader());

        // A checkpoint that empties the WAL changes no content, and a commit after it may end at the frame the one before
        // ended at: the header still moves (new salts, iChange incremented), and so does the epoch.
        await other.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        var afterCheckpoint = epoch.Current();
        await other.ExecuteAsync("UPDATE members SET progress_version = progress_version + 1");
        Assert.Null(epoch.FromHeader());
        Assert.True(epoch.Current() > afterCheckpoint, "a commit after the WAL restarted must move the epoch");
    }

    [Fact]
    public async Task A_wal_index_left_beside_a_file_no_longer_in_wal_mode_is_not_trusted()
    {
        using var temp = new TempDir();
        var path = temp.File("rollback.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
            Assert.True(SqliteWalIndexHeader.IsInWalMode(path));
            File.Copy(path + "-shm", temp.File("kept-shm"));
            await connection.ExecuteAsync("PRAGMA journal_mode = DELETE");
        }

        // The -shm file of the WAL days, put back: commits in rollback mode would never change its header.
        File.Copy(temp.File("kept-shm"), path + "-shm", overwrite: true);
        Assert.False(SqliteWalIndexHeader.IsInWalMode(path));
    }

    [Fact]
    public async Task A_write_by_another_os_process_is_read_at_once_by_a_store_answering_from_the_wal_index_header()
    {
        // The local chat of the built bot, a separate process on the same file, as a second replica or an operator would be.
        var member = new MemberKey("local", "", "alice");
        var store = (SqliteProgressStore)Core.Get<IProgressStore>();
        var path = Core.Get<SqliteDatabase>().FilePath;
        async Task MarkInAnotherProcess(string status)
        {
            var (exit, _, errors) = await HostProcess.RunAsync(Path.GetDirectoryName(path)!,
                ["chat", "--user", "alice", "--db", path, "--knowledge", RepoPaths.Knowledge], $"/progress mark roadmap.foundations.math {status}\n");
            Assert.True(exit == 0, errors);
        }

        await MarkInAnotherProcess("learning");
        Assert.Equal(StepStatus.Learning, (await store.GetAsync(member, CancellationToken.None))["roadmap.foundations.math"].Status);
        var headerHits = store.EpochHeaderHits;
        Assert.Equal(StepStatus.Learning, (await store.GetAsync(member, CancellationToken.None))["roadmap.foundations.math"].Status);
        Assert.True(store.EpochHeaderHits > headerHits, "the second read should have been answered from the header");

        await MarkInAnotherProcess("done");
        Assert.Equal(StepStatus.Done, (await store.GetAsync(member, CancellationToken.None))["roadmap.foundations.math"].Status);
        Assert.True(store.TryGetWithoutWaiting(member, out var inline));
        Assert.Equal(StepStatus.Done, inline["roadmap.foundations.math"].Status);
    }

    [Fact]
    public void The_epoch_read_for_a_request_stack_opens_no_watch()
    {
        using var epoch = new SqliteCommitEpoch(Core.Get<SqliteDatabase>());
        Assert.Null(epoch.CurrentWithoutWaiting()); // opening one is file I/O and PRAGMAs: left to the ordinary path

        var current = epoch.Current(0);
        Assert.NotNull(current);
        Assert.Equal(current, epoch.CurrentWithoutWaiting());
    }

    [Fact]
    public async Task A_read_without_waiting_serves_only_an_entry_known_current_and_follows_another_connections_write()
    {
        var store = (SqliteProgressStore)Core.Get<IProgressStore>();
        Assert.False(store.TryGetWithoutWaiting(Bob, out _)); // never read
        await store.SetAsync(Bob, "roadmap.foundations.math", StepStatus.Learning, CancellationToken.None);
        Assert.False(store.TryGetWithoutWaiting(Bob, out _)); // a write is not a read: nothing cached yet
        await store.GetAsync(Bob, CancellationToken.None);
        Assert.True(store.TryGetWithoutWaiting(Bob, out var cached));
        Assert.Equal(StepStatus.Learning, cached["roadmap.foundations.math"].Status);

        await using (var connection = new SqliteConnection($"Data Source={Core.Get<SqliteDatabase>().FilePath}"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("UPDATE step_progress SET status = 'done'; UPDATE members SET progress_version = progress_version + 1;");
        }

        Assert.False(store.TryGetWithoutWaiting(Bob, out _)); // the commit moved the epoch: the entry may be stale
        Assert.Equal(StepStatus.Done, (await store.GetAsync(Bob, CancellationToken.None))["roadmap.foundations.math"].Status);
        Assert.True(store.TryGetWithoutWaiting(Bob, out var current));
        Assert.Equal(StepStatus.Done, current["roadmap.foundations.math"].Status);
    }

    [Fact]
    public async Task A_write_lock_held_by_another_connection_does_not_stop_a_read_without_waiting()
    {
        var store = (SqliteProgressStore)Core.Get<IProgressStore>();
        await store.SetAsync(Bob, "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);
        await store.GetAsync(Bob, CancellationToken.None);

        // WAL: a writer holding the lock (here, for as long as the test likes) leaves readers free, so the epoch read
        // behind the inline /roadmap answers at once instead of waiting for the busy timeout.
        await using var writer = new SqliteConnection($"Data Source={Core.Get<SqliteDatabase>().FilePath}");
        await writer.OpenAsync();
        using var transaction = writer.BeginTransaction(); // BEGIN IMMEDIATE: the write lock
        await writer.ExecuteAsync("UPDATE step_progress SET status = 'skipped'", transaction: transaction);

        Assert.True(store.TryGetWithoutWaiting(Bob, out var progress));
        Assert.Equal(StepStatus.Done, progress["roadmap.foundations.math"].Status); // the uncommitted write is not visible
    }

    [Fact]
    public async Task A_write_by_a_plain_connection_of_this_process_is_seen_by_the_cache()
    {
        var store = (SqliteProgressStore)Core.Get<IProgressStore>();
        await store.SetAsync(Bob, "roadmap.foundations.math", StepStatus.Learning, CancellationToken.None);
        await store.GetAsync(Bob, CancellationToken.None);
        await store.GetAsync(Bob, CancellationToken.None);

        // Neither through the store nor through its database object: as a migration script or sqlite3 shell would.
        await using (var connection = new SqliteConnection($"Data Source={Core.Get<SqliteDatabase>().FilePath}"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("UPDATE step_progress SET status = 'done'; UPDATE members SET progress_version = progress_version + 1;");
        }

        Assert.Equal(StepStatus.Done, (await store.GetAsync(Bob, CancellationToken.None))["roadmap.foundations.math"].Status);
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode()
    {
        await Core.Get<IProgressStore>().GetAsync(new("local", "", "alice"), CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={Core.Get<SqliteDatabase>().FilePath}");
        await connection.OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }
}

[Collection(PostgresCluster.Collection)]
public sealed class ProgressStoreOnPostgresTests(PostgresCluster cluster) : ProgressStoreTests(TestStorage.Postgres(cluster))
{
    [SkippableFact]
    public async Task Times_are_timestamptz_in_utc()
    {
        await Core.Get<IProgressStore>().SetAsync(new("local", "", "alice"), "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);

        await using var connection = await Core.Get<IDatabase>().OpenAsync(CancellationToken.None);
        var types = await connection.QueryAsync<string>("""
            SELECT data_type FROM information_schema.columns
            WHERE table_name = 'step_progress' AND column_name IN ('first_set_at', 'updated_at')
            """);
        Assert.Equal(["timestamp with time zone", "timestamp with time zone"], types);
    }
}
