using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Storage;
using MlMentorBot.Slack;
using Npgsql;

namespace MlMentorBot.Cli;

/// <summary>
/// <c>storage migrate --from sqlite:PATH --to postgres:CONNECTION [--force]</c> (issue #11): copies an existing SQLite database
/// into PostgreSQL. Both schemas are first brought to this release's version (the SQLite file is migrated as the bot would on
/// start). Every table is then copied in foreign-key order inside one PostgreSQL transaction, converting SQLite's ISO 8601
/// text to <c>timestamptz</c> and 0/1 to <c>boolean</c> where the PostgreSQL column says so; identity sequences continue
/// after the largest copied id; row counts are compared per table before the commit and printed. A target that already holds
/// rows is refused unless <c>--force</c>, which empties it first in the same transaction.
/// Exit codes: 0 copied, 1 a fault (no such file, server unreachable, target not empty, counts differ), 2 bad usage.
/// The connection string's password is never printed.
/// </summary>
internal static partial class StorageMigrateVerb
{
    public const int Copied = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string UsageText = "Usage: storage migrate --from sqlite:PATH --to postgres:CONNECTION [--force]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        string? from = null, to = null;
        var isForced = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Length:
                    from = args[++i];
                    break;
                case "--to" when i + 1 < args.Length:
                    to = args[++i];
                    break;
                case "--force":
                    isForced = true;
                    break;
                default:
                    output.WriteLine($"unexpected argument '{args[i]}'. {UsageText}");
                    return Usage;
            }
        }

        if (from is null || to is null)
        {
            output.WriteLine($"both --from and --to are required. {UsageText}");
            return Usage;
        }

        if (!from.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) || from.Length == "sqlite:".Length)
        {
            output.WriteLine($"--from must be sqlite:PATH (e.g. sqlite:data/mlmentorbot.db). {UsageText}");
            return Usage;
        }

        if (!to.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase) || to.Length == "postgres:".Length)
        {
            output.WriteLine($"--to must be postgres:CONNECTION (e.g. \"postgres:Host=db;Database=mlmentorbot;Username=bot;Password=…\"). {UsageText}");
            return Usage;
        }

        var path = Path.GetFullPath(from["sqlite:".Length..]);
        var storage = new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = to["postgres:".Length..] };
        try
        {
            if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(storage.ConnectionString).Host))
            {
                output.WriteLine($"--to must name the PostgreSQL server with Host=…. {UsageText}");
                return Usage;
            }
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the keyword ("Keyword not supported: 'hots'"), never the value.
            output.WriteLine($"--to is not a valid PostgreSQL connection string: {ex.Message}");
            return Usage;
        }

        if (!File.Exists(path))
        {
            output.WriteLine($"There is no SQLite database at {path}: check the path after sqlite: (the bot's default is data/mlmentorbot.db).");
            return Failed;
        }

        var migrations = AllMigrations();
        var source = new SqliteDatabase(Options.Create(new StorageOptions { DatabasePath = path }), new ContentRoot(Directory.GetCurrentDirectory()),
            migrations, NullLogger<SqliteDatabase>.Instance);
        // A feature whose tables have no PostgreSQL script yet cannot run on PostgreSQL; its SQLite tables are checked in CopyAsync.
        await using var target = new PostgresDatabase(Options.Create(storage), migrations.Where(m => !string.IsNullOrWhiteSpace(m.Postgres)),
            NullLogger<PostgresDatabase>.Instance);
        try
        {
            source.Migrate();
            target.Migrate();
            var counts = await CopyAsync(source, storage.ConnectionString!, isForced, cancellationToken);
            foreach (var (table, rows) in counts)
            {
                output.WriteLine($"{table}: {rows} rows");
            }

            output.WriteLine($"Copied {counts.Count} tables, {counts.Sum(c => c.Rows)} rows from {path} to {target.Location}; row counts match.");
            return Copied;
        }
        catch (MigrateException ex)
        {
            output.WriteLine(ex.Message);
            return Failed;
        }
        catch (StorageUnavailableException ex)
        {
            // PostgresDatabase's messages name host, port and database, never the password.
            output.WriteLine(ex.Message);
            return Failed;
        }
        catch (NpgsqlException ex)
        {
            output.WriteLine($"{target.Location}: {ex.Message} Nothing was copied (the transaction was rolled back).");
            return Failed;
        }
        catch (SqliteException ex)
        {
            output.WriteLine($"{path} cannot be read as a SQLite database: {ex.Message}");
            return Failed;
        }
    }

    /// <summary>
    /// Every migration this release knows, whichever features the configuration switches on: the host's own registrations with
    /// every feature enabled (Slack OAuth's tables, for instance, exist only when it is configured, and a file that has them must
    /// not lose them). Only the registrations are read; no service is built.
    /// </summary>
    internal static IReadOnlyList<SchemaMigration> AllMigrations()
    {
        var everything = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:Mode"] = "Http",
            ["Slack:ClientId"] = "schema",
            ["Slack:ClientSecret"] = "schema",
        }).Build();
        var services = new ServiceCollection()
            .AddKnowledge(everything)
            .AddProgressStore(everything)
            .AddCommands()
            .AddCheckIns(everything)
            .AddModeration(everything)
            .AddSlackAdapter(everything);
        return services
            .Where(d => d.ServiceType == typeof(SchemaMigration) && d.ImplementationInstance is SchemaMigration)
            .Select(d => (SchemaMigration)d.ImplementationInstance!)
            .DistinctBy(m => m.Version)
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static async Task<IReadOnlyList<(string Table, long Rows)>> CopyAsync(SqliteDatabase source, string connectionString, bool isForced, CancellationToken cancellationToken)
    {
        await using var pg = new NpgsqlConnection(connectionString);
        await pg.OpenAsync(cancellationToken);
        await using var tx = await pg.BeginTransactionAsync(cancellationToken);
        var tables = await TablesInDependencyOrderAsync(pg);

        await using var sqlite = (SqliteConnection)await source.OpenAsync(cancellationToken);
        // One read transaction: in WAL mode every table is read from the same snapshot, even while the bot keeps writing.
        await using var snapshot = sqlite.BeginTransaction(deferred: true);
        var sourceTables = (await sqlite.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'",
            transaction: snapshot)).ToHashSet(StringComparer.Ordinal);
        // Tables of a feature that has no PostgreSQL script (or of a newer release) stop the copy only if they hold rows.
        var unknown = new List<string>();
        foreach (var table in sourceTables.Except(tables.Select(t => t.Name)).Order(StringComparer.Ordinal))
        {
            if (await sqlite.ExecuteScalarAsync<long>($"SELECT count(*) FROM {Quote(table)}", transaction: snapshot) > 0)
            {
                unknown.Add(table);
            }
        }

        if (unknown.Count > 0)
        {
            throw new MigrateException($"The PostgreSQL schema of this release has no table for {string.Join(", ", unknown)}, which hold rows in the SQLite file: those rows cannot be copied yet. Nothing was copied.");
        }

        var occupied = new List<string>();
        foreach (var table in tables)
        {
            if (await pg.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {Quote(table.Name)})", transaction: tx))
            {
                occupied.Add(table.Name);
            }
        }

        if (occupied.Count > 0)
        {
            if (!isForced)
            {
                throw new MigrateException($"The target database is not empty ({string.Join(", ", occupied)} hold rows): point --to at an empty database, or add --force to delete its rows first. Nothing was copied.");
            }

            await pg.ExecuteAsync($"TRUNCATE {string.Join(", ", tables.Select(t => Quote(t.Name)))} RESTART IDENTITY", transaction: tx);
        }

        var counts = new List<(string, long)>();
        foreach (var table in tables)
        {
            var copied = sourceTables.Contains(table.Name) ? await CopyTableAsync(sqlite, snapshot, pg, table, cancellationToken) : 0;
            var stored = await pg.ExecuteScalarAsync<long>($"SELECT count(*) FROM {Quote(table.Name)}", transaction: tx);
            if (stored != copied)
            {
                throw new MigrateException($"{table.Name}: {copied} rows read from SQLite but {stored} in PostgreSQL. Nothing was copied (the transaction was rolled back).");
            }

            foreach (var identity in table.Columns.Where(c => c.IsIdentity))
            {
                // Next id = max(id) + 1, or 1 for an empty table (is_called false hands out the value itself).
                await pg.ExecuteAsync(
                    $"SELECT setval(pg_get_serial_sequence(@Table, @Column), COALESCE((SELECT max({Quote(identity.Name)}) FROM {Quote(table.Name)}) + 1, 1), false)",
                    new { Table = Quote(table.Name), Column = identity.Name }, tx);
            }

            counts.Add((table.Name, stored));
        }

        await tx.CommitAsync(cancellationToken);
        return counts;
    }

    private static async Task<long> CopyTableAsync(SqliteConnection sqlite, SqliteTransaction snapshot, NpgsqlConnection pg, PgTable table, CancellationToken cancellationToken)
    {
        var sourceColumns = (await sqlite.QueryAsync<string>("SELECT name FROM pragma_table_info(@Name)", new { table.Name }, snapshot)).ToHashSet(StringComparer.Ordinal);
        var extra = sourceColumns.Except(table.Columns.Select(c => c.Name)).ToList();
        if (extra.Count > 0)
        {
            throw new MigrateException($"{table.Name}: the PostgreSQL schema has no column {string.Join(", ", extra)} from the SQLite file. Nothing was copied.");
        }

        // Columns the SQLite file lacks keep PostgreSQL's default.
        var columns = table.Columns.Where(c => sourceColumns.Contains(c.Name)).ToList();
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
        await using var writer = await pg.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({list}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await using var command = sqlite.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = $"SELECT {list} FROM {Quote(table.Name)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = reader.GetValue(i);
                if (value is DBNull)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(Convert(table.Name, columns[i], value), columns[i].Type, cancellationToken);
                }
            }

            rows++;
        }

        await writer.CompleteAsync(cancellationToken);
        return rows;
    }

    /// <summary>A fault the operator fixes; its message is the one line printed.</summary>
    private sealed class MigrateException(string message) : Exception(message);
}
