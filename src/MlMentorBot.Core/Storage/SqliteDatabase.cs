using System.ComponentModel.DataAnnotations;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlMentorBot.Core.Storage;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>SQLite file; relative paths are resolved against the content root; the folder is created. Default <c>data/mlmentorbot.db</c>.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/mlmentorbot.db";

    /// <summary>How long a writer waits for a lock before failing, in seconds. Default 5.</summary>
    [Range(1, 120)]
    public int BusyTimeoutSeconds { get; set; } = 5;
}

/// <summary>
/// One schema change. Versions are applied in ascending order, once, each in its own transaction, and recorded in
/// <c>schema_migrations</c>. Ranges by feature keep parallel work from colliding: 1–99 progress, 100–199 check-ins,
/// 200–299 knowledge moderation.
/// </summary>
public sealed record SchemaMigration(int Version, string Name, string Sql);

/// <summary>
/// Opens connections to the bot's SQLite file and applies <see cref="SchemaMigration"/>s at start-up. The file runs in WAL
/// mode (readers never block the writer) with <c>synchronous = NORMAL</c>, foreign keys on and a busy timeout on every connection.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly IReadOnlyList<SchemaMigration> _migrations;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly Lock _migrateGate = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _migrated;

    public SqliteDatabase(IOptions<StorageOptions> options, ContentRoot root, IEnumerable<SchemaMigration> migrations, ILogger<SqliteDatabase> logger)
    {
        SqliteProvider.EnsureInitialized();
        FilePath = Path.IsPathRooted(options.Value.DatabasePath) ? options.Value.DatabasePath : Path.GetFullPath(Path.Combine(root.Path, options.Value.DatabasePath));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = options.Value.BusyTimeoutSeconds,
        }.ToString();
        _busyTimeoutMs = options.Value.BusyTimeoutSeconds * 1000;
        _migrations = migrations.OrderBy(m => m.Version).ToList();
        _logger = logger;
        var duplicate = _migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two schema migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}");
        }
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>Opens a connection with foreign keys and the busy timeout set, migrating the schema on first use.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            Migrate();
        }

        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>
    /// Opens a connection and begins a write transaction once this process's other write transactions are done. Writers queue
    /// here asynchronously; without it a burst of writers waits inside SQLite's busy handler, which sleeps on thread-pool
    /// threads and can starve the very writer holding the lock until the busy timeout fails them all ("database is locked").
    /// Dispose the result to roll back (unless committed), close the connection and let the next writer in.
    /// </summary>
    /// <exception cref="SqliteException">The file cannot be opened or written (after the busy timeout, for another process's lock).</exception>
    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        SqliteConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken);
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            return new WriteTransaction(connection, transaction, _writeGate);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _writeGate.Release();
            throw;
        }
    }

    /// <summary>Synchronous <see cref="OpenAsync"/> for start-up paths and benchmarks.</summary>
    public SqliteConnection Open()
    {
        if (!_migrated)
        {
            Migrate();
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Configure(connection);
        return connection;
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        Configure(connection);
        return connection;
    }

    private void Configure(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        // synchronous=NORMAL is SQLite's advice for WAL: no corruption risk, and a commit no longer waits for an fsync
        // (only the last commits can be lost on power failure). https://www.sqlite.org/pragma.html#pragma_synchronous
        cmd.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
        cmd.ExecuteNonQuery();
    }

    /// <summary>Applies pending migrations. Safe to call repeatedly and from several threads.</summary>
    public void Migrate()
    {
        lock (_migrateGate)
        {
            if (_migrated)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Configure(connection);
            connection.Execute("PRAGMA journal_mode = WAL;");
            connection.Execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                );
                """);
            var applied = connection.Query<int>("SELECT version FROM schema_migrations").ToHashSet();
            foreach (var migration in _migrations.Where(m => !applied.Contains(m.Version)))
            {
                using var tx = connection.BeginTransaction();
                connection.Execute(migration.Sql, transaction: tx);
                connection.Execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToString("O") },
                    tx);
                tx.Commit();
                _logger.LogInformation("Applied schema migration {Version} {Name}", migration.Version, migration.Name);
            }

            _migrated = true;
        }
    }

    /// <summary>True when the file opens and answers a trivial query (for <c>/health</c>).</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<long>("SELECT 1") == 1;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}

/// <summary>A write transaction from <see cref="SqliteDatabase.BeginWriteAsync"/>: its connection and transaction.</summary>
public sealed class WriteTransaction(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim gate) : IAsyncDisposable
{
    private int _disposed;

    public SqliteConnection Connection => connection;

    public SqliteTransaction Transaction => transaction;

    /// <summary>Rolls back unless committed, closes the connection and lets the next writer of this process in.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
