using System.Reflection;
using System.Text.RegularExpressions;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Tests.Storage;

/// <summary>
/// The rules every schema migration keeps so that old and new replicas can run side by side during a rolling deploy
/// (docs/contributing.md, "Adding a migration"): expand only (new tables, new nullable or defaulted columns, new indexes),
/// never drop, rename or retype what the previous release reads; one version number per migration; a PostgreSQL script
/// beside every SQLite one. A contracting change waits for the release after the one that stopped using the column.
/// </summary>
public sealed partial class MigrationRulesTests
{
    /// <summary>
    /// Every <see cref="SchemaMigration"/> declared in a static field (one, or an array of them) of the bot's assemblies,
    /// Discord's included.
    /// </summary>
    public static IReadOnlyList<SchemaMigration> Declared { get; } =
        new[]
        {
            typeof(SqliteDatabase).Assembly,                       // Core
            typeof(Program).Assembly,                              // host
            typeof(MlMentorBot.Slack.SlackOptions).Assembly,
            typeof(MlMentorBot.Discord.DiscordOptions).Assembly,
        }
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => !type.ContainsGenericParameters)
        .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        .SelectMany(field => field.GetValue(null) switch
        {
            SchemaMigration one => [one],
            IEnumerable<SchemaMigration> many => many,
            _ => [],
        })
        .Distinct()
        .OrderBy(m => m.Version)
        .ToList();

    public static TheoryData<int> Versions => [.. Declared.Select(m => m.Version).Distinct()];

    [Fact]
    public void The_scan_finds_the_known_migrations_and_every_version_is_used_once()
    {
        // 1 (members/progress), 100 (study groups), 200 (audit), 400 (Slack installations), 500 (Gateway identify locks):
        // one from each assembly, so a scan that silently found nothing would fail here.
        Assert.Superset(new HashSet<int> { 1, 100, 200, 400, 500 }, Declared.Select(m => m.Version).ToHashSet());
        var shared = Declared.GroupBy(m => m.Version).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(shared.Count == 0, $"Migration versions used twice: {string.Join(", ", shared)}");
    }

    [Fact]
    public void Storage_migrate_copies_every_table_the_host_creates()
    {
        // The migrate verb reads the host's registrations; a feature whose migration it misses would lose its rows.
        // Discord's identify locks (500) are leases, not data: a new cluster starts without them.
        var copied = MlMentorBot.Cli.StorageMigrateVerb.AllMigrations().Select(m => m.Version).ToHashSet();
        var missing = Declared.Select(m => m.Version).Where(v => v != 500 && !copied.Contains(v)).ToList();
        Assert.True(missing.Count == 0, $"storage migrate does not know migrations {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_migration_only_expands_the_schema(int version)
    {
        var migration = Declared.Single(m => m.Version == version);
        Assert.False(string.IsNullOrWhiteSpace(migration.Postgres), $"Migration {version} ({migration.Name}) has no PostgreSQL script.");
        foreach (var (dialect, sql) in new[] { ("SQLite", migration.Sql), ("PostgreSQL", migration.Postgres!) })
        {
            var problems = Problems(StripComments(sql)).ToList();
            Assert.True(problems.Count == 0,
                $"Migration {version} ({migration.Name}), {dialect} script: {string.Join("; ", problems)}. Old replicas still read " +
                "this schema during a rolling deploy: add, never drop, rename or retype (docs/contributing.md).");
        }
    }

    [Theory]
    [InlineData("ALTER TABLE members DROP COLUMN enterprise_id")]
    [InlineData("DROP TABLE checkins")]
    [InlineData("ALTER TABLE members RENAME COLUMN user_id TO member_id")]
    [InlineData("ALTER TABLE members RENAME TO people")]
    [InlineData("ALTER TABLE members ALTER COLUMN user_id TYPE bigint")]
    [InlineData("ALTER TABLE members ADD COLUMN community text NOT NULL")]
    public void The_rule_catches_a_contracting_change(string sql) => Assert.NotEmpty(Problems(sql));

    [Theory]
    [InlineData("ALTER TABLE members ADD COLUMN community text NOT NULL DEFAULT ''")]
    [InlineData("ALTER TABLE members ADD COLUMN progress_version integer")]
    [InlineData("CREATE TABLE IF NOT EXISTS t (id integer PRIMARY KEY, name text NOT NULL)")]
    [InlineData("CREATE INDEX IF NOT EXISTS ix_t ON t (name)")]
    public void The_rule_allows_an_expanding_change(string sql) => Assert.Empty(Problems(sql));

    private static IEnumerable<string> Problems(string sql)
    {
        foreach (Match match in Contracting().Matches(sql))
        {
            yield return $"'{match.Value.Trim()}' contracts the schema";
        }

        foreach (Match match in AddColumn().Matches(sql))
        {
            var clause = match.Value;
            if (Regex.IsMatch(clause, @"\bNOT\s+NULL\b", RegexOptions.IgnoreCase) && !Regex.IsMatch(clause, @"\bDEFAULT\b", RegexOptions.IgnoreCase))
            {
                yield return $"'{clause.Trim()}' adds a NOT NULL column without a DEFAULT, which old replicas' inserts would violate";
            }
        }
    }

    private static string StripComments(string sql) => Regex.Replace(sql, @"--[^\n]*", "");

    [GeneratedRegex(@"\bDROP\s+(TABLE|COLUMN)\b[^;]*|\bRENAME\b[^;]*|\bALTER\s+COLUMN\b[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex Contracting();

    [GeneratedRegex(@"\bADD\s+COLUMN\b[^;,]*", RegexOptions.IgnoreCase)]
    private static partial Regex AddColumn();
}
