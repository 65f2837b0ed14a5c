using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
using MlMentorBot.Tests.Hosting;
using Npgsql;

namespace MlMentorBot.Tests.Storage;

/// <summary>
/// The backup and restore procedures of docs/scale-out.md, as an operator runs them: SQLite's <c>VACUUM INTO</c> on the live
/// file while the bot keeps writing, restored by putting the copy in place of the file; PostgreSQL's <c>pg_dump -Fc</c>
/// restored with <c>pg_restore</c> into a fresh database. In both cases the bot started on the restored data shows the
/// members' progress.
/// </summary>
[Collection(PostgresCluster.Collection)]
public sealed class BackupRestoreTests(PostgresCluster cluster)
{
    private const string Step = "roadmap.ml-engineer.python";

    [Fact]
    public async Task A_sqlite_backup_taken_with_vacuum_into_while_writes_go_on_restores_a_consistent_database()
    {
        using var temp = new TempDir();
        using var live = new CoreServices();
        var progress = live.Get<IProgressStore>();
        for (var i = 0; i < 20; i++)
        {
            await progress.SetAsync(Member(i), Step, StepStatus.Done, CancellationToken.None);
        }

        // Writes keep going through the bot's own write path while the backup runs.
        using var stop = new CancellationTokenSource();
        var written = 20;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await progress.SetAsync(Member(written), Step, StepStatus.Done, CancellationToken.None);
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 40)
        {
            await Task.Delay(1);
        }

        var backup = temp.File("backup.db");
        await using (var connection = new SqliteConnection($"Data Source={live.DatabasePath}"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("VACUUM INTO @backup", new { backup });
        }

        var duringBackup = Volatile.Read(ref written);
        while (Volatile.Read(ref written) < duringBackup + 20)
        {
            await Task.Delay(1);
        }

        await stop.CancelAsync();
        await writer;

        // Restore: the bot is stopped, the copy replaces the file, the bot starts on it.
        var restoredPath = Path.Combine(temp.Path, "restored", "mlmentorbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restoredPath)!);
        File.Copy(backup, restoredPath);
        await using (var check = new SqliteConnection($"Data Source={restoredPath}"))
        {
            Assert.Equal("ok", await check.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        }

        using var restored = new CoreServices(storage: new Dictionary<string, string?> { ["Storage:DatabasePath"] = restoredPath });
        var counts = await restored.Get<IProgressStore>().CountByStepAsync(CancellationToken.None);
        // Every write finished before the backup began is in it; writes after it are not (the copy is one snapshot).
        Assert.InRange(counts[Step], 40, duringBackup);
        Assert.True(written > counts[Step], "writes went on after the backup");
        Assert.Equal(StepStatus.Done, (await restored.Get<IProgressStore>().GetAsync(Member(0), CancellationToken.None))[Step].Status);
        Assert.Equal(written, (await live.Get<IProgressStore>().CountByStepAsync(CancellationToken.None))[Step]);
    }

    [SkippableFact]
    public async Task A_postgres_dump_restored_into_a_fresh_database_shows_the_same_progress()
    {
        var source = await cluster.CreateDatabaseAsync();
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_dump"))).OrderDescending().FirstOrDefault();
        Skip.If(bin is null, $"pg_dump is not installed: {PostgresCluster.InstallCommand}");
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = source };
        using (var live = new CoreServices(storage: settings))
        {
            for (var i = 0; i < 25; i++)
            {
                await live.Get<IProgressStore>().SetAsync(Member(i), Step, i % 5 == 0 ? StepStatus.Skipped : StepStatus.Done, CancellationToken.None);
            }
        }

        using var temp = new TempDir();
        var dump = temp.File("mlmentorbot.dump");
        var from = new NpgsqlConnectionStringBuilder(source);
        await RunAsync(Path.Combine(bin!, "pg_dump"), "-h", from.Host!, "-p", $"{from.Port}", "-U", from.Username!, "-Fc", "-f", dump, from.Database!);
        var target = await cluster.CreateDatabaseAsync();
        var to = new NpgsqlConnectionStringBuilder(target);
        await RunAsync(Path.Combine(bin!, "pg_restore"), "-h", to.Host!, "-p", $"{to.Port}", "-U", to.Username!, "--no-owner", "--exit-on-error", "-d", to.Database!, dump);

        using var restored = new CoreServices(storage: new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = target });
        var store = restored.Get<IProgressStore>();
        Assert.Equal(StepStatus.Done, (await store.GetAsync(Member(1), CancellationToken.None))[Step].Status);
        Assert.Equal(StepStatus.Skipped, (await store.GetAsync(Member(5), CancellationToken.None))[Step].Status);
        // Identity sequences came along: a new member gets a fresh id instead of a duplicate-key error.
        await store.SetAsync(Member(99), Step, StepStatus.Done, CancellationToken.None);
        await using var connection = new NpgsqlConnection(target);
        Assert.Equal(26L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM members"));
    }

    private static MemberKey Member(int i) => new("slack", "T1", $"U{i:D5}");

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} exited with {process.ExitCode}: {await errors}");
    }
}
