using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MlMentorBot.Benchmarks.CheckIns;

/// <summary>
/// Issue #5's store budget: with 100 000 members, 2 000 groups and 1 000 000 check-ins, building the digest of a 500-member
/// group and reading one member's history must each take under 50 ms. Group 1 has members 1–500 with 40 weeks of check-ins
/// each (20 000); the other 99 500 members are spread over groups 2–2000 with 10 weeks each (980 000 more, to 1 000 000).
/// The SQLite database is built once into <c>$TMPDIR/mlmentorbot-checkins-bench/checkins.db</c> and reused by later runs.
/// Run: <c>dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- --filter '*CheckIn*'</c>.
/// <para>
/// Issue #11 runs the same cases on PostgreSQL beside SQLite when <c>MLMENTORBOT_BENCH_POSTGRES</c> holds a connection string
/// to an empty database (<c>bench/scale-out/run.sh</c> starts a throwaway cluster and sets it); that database is seeded with
/// the same rows through binary <c>COPY</c> (Npgsql's <see cref="NpgsqlBinaryImporter"/>), a million rows in seconds.
/// </para>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class CheckInStoreBenchmarks
{
    /// <summary>In-process: the seeded database is shared, and no per-run project build (which timed out on a small machine).</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private const int Members = 100_000;
    private const int Groups = 2_000;
    private const int BigGroupSize = 500;
    private const int BigGroupWeeks = 40;
    private const int OtherWeeks = 10;
    private static readonly DateOnly LatestWeek = new(2026, 11, 23); // a Monday
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero); // after that week closed

    /// <summary>Where the rows live: always SQLite, and PostgreSQL when <c>MLMENTORBOT_BENCH_POSTGRES</c> is set.</summary>
    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = StorageProviders.Sqlite;

    public static IEnumerable<string> Providers() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable))
            ? [StorageProviders.Sqlite]
            : Environment.GetEnvironmentVariable("MLMENTORBOT_BENCH_ONLY_POSTGRES") == "1"
                ? [StorageProviders.Postgres]
                : [StorageProviders.Sqlite, StorageProviders.Postgres];

    private const string PostgresVariable = "MLMENTORBOT_BENCH_POSTGRES";

    private ServiceProvider _services = null!;
    private CheckInPublisher _publisher = null!;
    private CheckInStore _store = null!;
    private StudyGroup _bigGroup = null!;
    private CheckInWeek _week = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), "mlmentorbot-checkins-bench", "checkins.db");
        var postgres = Provider == StorageProviders.Postgres ? Environment.GetEnvironmentVariable(PostgresVariable) : null;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = "knowledge",
            ["Storage:DatabasePath"] = path,
            ["Storage:Provider"] = Provider,
            ["Storage:ConnectionString"] = postgres,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new ContentRoot(Directory.GetCurrentDirectory()))
            .AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddKnowledge(configuration).AddProgressStore(configuration).AddCommands().AddCheckIns(configuration);
        _services = services.BuildServiceProvider();
        if (postgres is null)
        {
            Seed(_services.GetRequiredService<SqliteDatabase>());
        }
        else
        {
            var database = _services.GetRequiredService<IDatabase>();
            database.Migrate();
            SeedPostgres(postgres);
        }

        _publisher = _services.GetRequiredService<CheckInPublisher>();
        _store = _services.GetRequiredService<CheckInStore>();
        _bigGroup = _services.GetRequiredService<StudyGroupStore>().GetAsync(1, CancellationToken.None).GetAwaiter().GetResult()!;
        _week = CheckInCalendar.WeekOf(_bigGroup.Schedule, LatestWeek);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>The digest of the 500-member group's latest week: members, check-ins, away, streaks over 40 weeks, rendering.</summary>
    [Benchmark]
    public async Task<int> DigestOf500MemberGroup() => (await _publisher.BuildDigestAsync(_bigGroup, _week, CancellationToken.None)).Sections.Count;

    /// <summary>One member's history (<c>/checkin history</c> reads the latest 24 weeks).</summary>
    [Benchmark]
    public async Task<int> MemberHistory() => (await _store.HistoryAsync(new MemberKey("discord", "g1", "u250"), 24, CancellationToken.None)).Count;

    private static void Seed(SqliteDatabase database)
    {
        // Bulk seeding with prepared SQLite commands, outside the bot's write path on purpose: a million rows in one go.
        using var connection = (SqliteConnection)database.Open();
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM checkins";
            if ((long)count.ExecuteScalar()! >= 1_000_000)
            {
                return;
            }
        }

        var clock = Stopwatch.StartNew();
        using var tx = connection.BeginTransaction();
        var at = "2026-01-01T00:00:00.000Z";
        Exec(connection, tx, "DELETE FROM members; DELETE FROM study_groups;");
        using (var insert = Prepare(connection, tx, "INSERT INTO members (id, platform, workspace_id, user_id, created_at) VALUES ($id, 'discord', 'g1', $user, $at)", "$id", "$user", "$at"))
        {
            for (var id = 1; id <= Members; id++)
            {
                Run(insert, id, $"u{id}", at);
            }
        }

        using (var insert = Prepare(connection, tx, """
            INSERT INTO study_groups (id, platform, workspace_id, channel_id, name, day, local_time, time_zone, window_hours, questions, created_at)
            VALUES ($id, 'discord', 'g1', $channel, $name, 1, '09:00', 'Europe/Berlin', 48, 'What I did this week|What I plan next week|Blockers (optional)', $at)
            """, "$id", "$channel", "$name", "$at"))
        {
            for (var id = 1; id <= Groups; id++)
            {
                Run(insert, id, $"c{id}", $"group-{id}", at);
            }
        }

        using var join = Prepare(connection, tx, "INSERT INTO study_group_members (group_id, member_id, display_name, is_admin, joined_at) VALUES ($g, $m, $name, $admin, $at)", "$g", "$m", "$name", "$admin", "$at");
        using var checkIn = Prepare(connection, tx, """
            INSERT INTO checkins (group_id, week_key, member_id, done, next, blockers, steps, is_late, created_at, updated_at)
            VALUES ($g, $week, $m, 'Worked through the linear algebra refresher and two Kaggle notebooks', 'Start the pandas course', $blockers, 'roadmap.foundations.math', 0, $at, $at)
            """, "$g", "$week", "$m", "$blockers", "$at");
        using var prompt = Prepare(connection, tx, "INSERT OR IGNORE INTO checkin_actions (group_id, week_key, kind, state, due_at, recorded_at, channel_id, message_id) VALUES ($g, $week, 'prompt', 'sent', $at, $at, 'c', 'm')", "$g", "$week", "$at");
        var total = 0;
        for (var member = 1; member <= Members; member++)
        {
            var isBig = member <= BigGroupSize;
            var group = isBig ? 1 : 2 + (member % (Groups - 1));
            Run(join, group, member, $"Member {member}", member == 1 ? 1 : 0, at);
            var weeks = isBig ? BigGroupWeeks : OtherWeeks;
            for (var w = 0; w < weeks && total < 1_000_000; w++)
            {
                // Group 1 members miss one week in seven, so streaks have something to compute.
                if (isBig && (member + w) % 7 == 0 && w > 0)
                {
                    continue;
                }

                var week = CheckInCalendar.FormatKey(LatestWeek.AddDays(-7 * w));
                Run(checkIn, group, week, member, member % 5 == 0 ? "Stuck on matrix calculus" : null, at);
                Run(prompt, group, week, at);
                total++;
            }
        }

        // Top up to exactly one million check-ins with older weeks of the other groups.
        for (var member = BigGroupSize + 1; total < 1_000_000; member = member == Members ? BigGroupSize + 1 : member + 1)
        {
            var week = CheckInCalendar.FormatKey(LatestWeek.AddDays(-7 * (OtherWeeks + (total / Members))));
            Run(checkIn, 2 + (member % (Groups - 1)), week, member, null, at);
            total++;
        }

        tx.Commit();
        Exec(connection, null, "ANALYZE;");
        Console.WriteLine($"// Seeded {Members} members, {Groups} groups, {total} check-ins in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static void SeedPostgres(string connectionString)
    {
        // The same rows as Seed, through binary COPY: one round trip per table instead of a million INSERTs.
        // No command timeout: finishing the million-row COPY (foreign keys, three indexes) took over Npgsql's default 30 s on a
        // busy machine.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ToString());
        connection.Open();
        using (var count = new NpgsqlCommand("SELECT count(*) FROM checkins", connection))
        {
            if ((long)count.ExecuteScalar()! >= 1_000_000)
            {
                return;
            }
        }

        var clock = Stopwatch.StartNew();
        using (var empty = new NpgsqlCommand("TRUNCATE members, study_groups CASCADE", connection))
        {
            empty.ExecuteNonQuery(); // what an interrupted earlier seeding left behind
        }

        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var members = connection.BeginBinaryImport("COPY members (id, platform, workspace_id, user_id, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var id = 1; id <= Members; id++)
            {
                members.WriteRow((long)id, "discord", "g1", $"u{id}", at);
            }

            members.Complete();
        }

        using (var groups = connection.BeginBinaryImport("""
            COPY study_groups (id, platform, workspace_id, channel_id, name, day, local_time, time_zone, window_hours, questions, created_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var id = 1; id <= Groups; id++)
            {
                groups.WriteRow((long)id, "discord", "g1", $"c{id}", $"group-{id}", 1, "09:00", "Europe/Berlin", 48,
                    "What I did this week|What I plan next week|Blockers (optional)", at);
            }

            groups.Complete();
        }

        using (var joins = connection.BeginBinaryImport("COPY study_group_members (group_id, member_id, display_name, is_admin, joined_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var member = 1; member <= Members; member++)
            {
                joins.WriteRow((long)GroupOf(member), (long)member, $"Member {member}", member == 1, at);
            }

            joins.Complete();
        }

        var prompts = new HashSet<(long Group, string Week)>();
        var total = 0;
        using (var checkIns = connection.BeginBinaryImport("""
            COPY checkins (group_id, week_key, member_id, done, next, blockers, steps, is_late, created_at, updated_at) FROM STDIN (FORMAT BINARY)
            """))
        {
            void Write(long group, string week, long member, string? blockers)
            {
                checkIns.StartRow();
                checkIns.Write(group);
                checkIns.Write(week);
                checkIns.Write(member);
                checkIns.Write("Worked through the linear algebra refresher and two Kaggle notebooks");
                checkIns.Write("Start the pandas course");
                if (blockers is null)
                {
                    checkIns.WriteNull();
                }
                else
                {
                    checkIns.Write(blockers);
                }

                checkIns.Write("roadmap.foundations.math");
                checkIns.Write(false);
                checkIns.Write(at, NpgsqlDbType.TimestampTz);
                checkIns.Write(at, NpgsqlDbType.TimestampTz);
            }

            for (var member = 1; member <= Members; member++)
            {
                var isBig = member <= BigGroupSize;
                var weeks = isBig ? BigGroupWeeks : OtherWeeks;
                for (var w = 0; w < weeks && total < 1_000_000; w++)
                {
                    if (isBig && (member + w) % 7 == 0 && w > 0)
                    {
                        continue;
                    }

                    var week = CheckInCalendar.FormatKey(LatestWeek.AddDays(-7 * w));
                    Write(GroupOf(member), week, member, member % 5 == 0 ? "Stuck on matrix calculus" : null);
                    prompts.Add((GroupOf(member), week));
                    total++;
                }
            }

            for (var member = BigGroupSize + 1; total < 1_000_000; member = member == Members ? BigGroupSize + 1 : member + 1)
            {
                var week = CheckInCalendar.FormatKey(LatestWeek.AddDays(-7 * (OtherWeeks + (total / Members))));
                Write(2 + (member % (Groups - 1)), week, member, null);
                total++;
            }

            checkIns.Complete();
        }

        using (var actions = connection.BeginBinaryImport("""
            COPY checkin_actions (group_id, week_key, kind, state, due_at, recorded_at, channel_id, message_id) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var (group, week) in prompts)
            {
                actions.WriteRow(group, week, "prompt", "sent", at, at, "c", "m");
            }

            actions.Complete();
        }

        // Explicit ids bypassed the identity sequences; move them past the seeded rows, then give the planner statistics.
        using (var tidy = new NpgsqlCommand("""
            SELECT setval(pg_get_serial_sequence('members', 'id'), (SELECT max(id) FROM members));
            SELECT setval(pg_get_serial_sequence('study_groups', 'id'), (SELECT max(id) FROM study_groups));
            ANALYZE;
            """, connection))
        {
            tidy.ExecuteNonQuery();
        }

        Console.WriteLine($"// Seeded PostgreSQL by COPY: {Members} members, {Groups} groups, {total} check-ins in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static int GroupOf(int member) => member <= BigGroupSize ? 1 : 2 + (member % (Groups - 1));

    private static void Exec(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
