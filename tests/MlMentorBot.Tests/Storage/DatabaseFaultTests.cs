using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Storage;

/// <summary>Issue #13 item 8: a database that cannot keep a write says so, to the member, the log and <c>/health</c>.</summary>
public sealed class DatabaseFaultTests
{
    private static readonly MemberKey Alice = new("local", "", "alice");

    [Fact]
    public async Task A_database_deleted_while_running_refuses_writes_and_health_says_503()
    {
        var errors = new ErrorLog();
        using var factory = new BotFactory(services: s => s.AddSingleton<ILoggerProvider>(errors));
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<IProgressStore>();
        var dispatcher = factory.Services.GetRequiredService<ICommandDispatcher>();
        await store.SetAsync(Alice, "roadmap.foundations.math", StepStatus.Done, CancellationToken.None);
        var path = factory.Temp.File("bot.db");

        File.Delete(path); // as `rm` does while the bot runs: its open connections keep the unlinked file

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.SetAsync(Alice, "roadmap.foundations.sql", StepStatus.Done, CancellationToken.None));
        var reply = await dispatcher.DispatchTextAsync("/progress mark roadmap.foundations.python done", Alice, null, CancellationToken.None);
        var health = await client.GetAsync("/health");

        Assert.Equal("Not saved", reply.Title);
        Assert.Contains("nothing was saved", reply.Sections[0].Markdown);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.GetProperty("database").GetProperty("writable").GetBoolean());
        Assert.Contains("deleted", body.RootElement.GetProperty("database").GetProperty("problem").GetString());
        Assert.Single(errors.Entries, e => e.Category == typeof(SqliteDatabase).FullName); // once, not per write
        Assert.False(File.Exists(path)); // refused writes did not quietly create an empty database either
    }

    [Fact]
    public async Task Every_store_refuses_a_write_into_a_deleted_file()
    {
        using var core = new CoreServices(configure: s => s.AddCheckIns(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
        var groups = core.Get<StudyGroupStore>();
        var checkIns = core.Get<CheckInStore>();
        var group = await groups.CreateAsync(Alice, "Alice", "c1", "study", new GroupSchedule(DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", 48), CancellationToken.None);
        File.Delete(core.DatabasePath);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => groups.JoinAsync(group.Id, Alice with { UserId = "bob" }, "Bob", CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => checkIns.SaveAsync(group.Id, 1, "2026-W10", "a", "b", null, [], false, CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => core.Get<ComponentStateStore>().RememberAsync("k", "v", CancellationToken.None));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes; Windows cannot chmod
    public async Task A_read_only_database_gives_503_with_the_reason_and_SIGTERM_still_exits_0()
    {
        using var temp = new TempDir();
        await using var host = await RunningHost.StartAsync(temp.Path, "--LocalChat:Enabled=true"); // as the prober ran it
        await host.TypeAsync("/progress mark roadmap.foundations.math done"); // a usage count to flush at shutdown
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health")).StatusCode);

        File.SetUnixFileMode(temp.File("bot.db"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead); // chmod 444
        var health = await host.Client.GetAsync("/health");
        var (exitCode, errors) = await host.TerminateAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("read-only", await health.Content.ReadAsStringAsync());
        Assert.True(exitCode == 0, $"exit {exitCode}:\n{errors}");
        Assert.DoesNotContain("Unhandled exception", errors);
    }

    [Fact]
    public async Task Usage_counts_that_cannot_be_written_at_shutdown_do_not_fail_the_shutdown()
    {
        using var core = new CoreServices(configure: s => s.AddModeration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
        await core.TypeAsync("/roadmap"); // counted in memory
        var scheduler = core.Provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ModerationScheduler>().Single();
        File.Delete(core.DatabasePath);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // new connections now find no file

        await scheduler.StopAsync(CancellationToken.None); // threw before: SIGTERM then ended in exit 134
    }

    [Fact]
    public async Task Two_processes_migrating_one_new_file_at_once_apply_each_migration_once()
    {
        var migrations = SqliteProgressStore.Migrations.Append(ComponentStateStore.Migration).ToList();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var temp = new TempDir();
            var options = Options.Create(new StorageOptions { DatabasePath = temp.File("bot.db") });
            // Two SqliteDatabase instances share nothing in memory, as two processes would not.
            var first = new SqliteDatabase(options, new ContentRoot(temp.Path), migrations, NullLogger<SqliteDatabase>.Instance);
            var second = new SqliteDatabase(options, new ContentRoot(temp.Path), migrations, NullLogger<SqliteDatabase>.Instance);
            using var go = new Barrier(2);

            await Task.WhenAll(
                Task.Run(() => { go.SignalAndWait(); first.Migrate(); }),
                Task.Run(() => { go.SignalAndWait(); second.Migrate(); }));

            await using var connection = await first.OpenAsync(CancellationToken.None);
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM schema_migrations";
            Assert.Equal((long)migrations.Count, await count.ExecuteScalarAsync());
        }
    }

    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    log.Entries.Enqueue((category, formatter(state, exception)));
                }
            }
        }
    }
}
