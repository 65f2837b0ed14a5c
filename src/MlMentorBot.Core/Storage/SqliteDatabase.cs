using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace MlMentorBot.Core.Storage;

/// <summary>
/// <see cref="IDatabase"/> on one SQLite file, migrated with <see cref="SchemaMigration"/>s at start-up. The file runs in WAL
/// mode (readers never block the writer) with <c>synchronous = NORMAL</c>, foreign keys on and a busy timeout on every
/// connection. Only <see cref="Migrate"/> creates the file; later connections open it read-write without creating it, so a
/// file deleted while the bot runs is reported instead of silently replaced by an empty one.
/// </summary>
public sealed partial class SqliteDatabase : IDatabase
{
    // https://www.sqlite.org/c3ref/c_fcntl_begin_atomic_write.html#sqlitefcntlhasmoved
    private const int FileControlHasMoved = 20;

    private static readonly object Configured = new();

    private readonly string _createConnectionString;
    private readonly string _connectionString;
    private readonly string _unpooledConnectionString;
    private readonly int _busyTimeoutMs;
    private readonly IReadOnlyList<SchemaMigration> _migrations;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly Lock _migrateGate = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();
    private volatile bool _migrated;
    private int _isFaulted;

    /// <summary>The SQLite file at <see cref="StorageOptions.DatabasePath"/> (relative to <paramref name="root"/>), migrated with <paramref name="migrations"/> on first use.</summary>
    public SqliteDatabase(IOptions<StorageOptions> options, ContentRoot root, IEnumerable<SchemaMigration> migrations, ILogger<SqliteDatabase> logger)
    {
        SqliteProvider.EnsureInitialized();
        UtcTimestampHandler.EnsureRegistered();
        FilePath = Path.IsPathRooted(options.Value.DatabasePath) ? options.Value.DatabasePath : Path.GetFullPath(Path.Combine(root.Path, options.Value.DatabasePath));
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = options.Value.BusyTimeoutSeconds,
        };
        _createConnectionString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadWrite;
        _connectionString = builder.ToString();
        builder.Pooling = false;
        _unpooledConnectionString = builder.ToString();
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

    /// <inheritdoc />
    public SqlDialect Dialect => SqliteDialect.Instance;

    /// <inheritdoc />
    public string Location => FilePath;

    /// <inheritdoc />
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public DbConnection Open() => OpenMigrated(_connectionString);

    private SqliteConnection OpenMigrated(string connectionString)
    {
        if (!_migrated)
        {
            Migrate();
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch (SqliteException ex) when (Unavailable(ex) is { } problem)
        {
            connection.Dispose();
            throw Fault(problem, ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>SQLite runs one write transaction at a time, so every isolation is serializable here.</remarks>
    public async Task<T> WriteAsync<T>(WriteIsolation isolation, Func<IDbWriteScope, Task<T>> work, CancellationToken cancellationToken)
    {
        // Writers queue here asynchronously; without it a burst of writers waits inside SQLite's busy handler, which sleeps on
        // thread-pool threads and can starve the very writer holding the lock until the busy timeout fails them all
        // ("database is locked").
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            T result;
            // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is taken up front, so a transaction never
            // fails half-way when it upgrades from reading.
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                result = await work(new DbWriteScope(connection, transaction, Dialect, cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }

            // Acknowledge only what the next start-up will read: a commit into a file unlinked from its path is lost.
            if (HasMoved(connection))
            {
                SqliteConnection.ClearPool(connection);
                throw Fault(MovedProblem(), null);
            }

            Recovered();
            return result;
        }
        catch (SqliteException ex) when (Unavailable(ex) is { } problem)
        {
            throw Fault(problem, ex);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<DatabaseHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A connection of the pool is what the next write uses: is its file still the one at the path?
            await using (var pooled = await OpenConnectionAsync(cancellationToken))
            {
                if (HasMoved(pooled))
                {
                    SqliteConnection.ClearPool(pooled);
                    return Unhealthy(isReachable: false, MovedProblem());
                }

                await using var command = pooled.CreateCommand();
                command.CommandText = "SELECT count(*) FROM schema_migrations";
                await command.ExecuteScalarAsync(cancellationToken);
            }

            // Asked of the file system, not of a connection: SQLite reuses this process's open descriptors, which keep
            // writing after a chmod, while the next start (and every new connection) gets the file read-only.
            if (!MayWrite(FilePath, isFolder: false) || !MayWrite(Path.GetDirectoryName(FilePath)!, isFolder: true))
            {
                return Unhealthy(isReachable: true, ReadOnlyProblem());
            }

            Recovered();
            return DatabaseHealth.Healthy;
        }
        catch (StorageUnavailableException ex)
        {
            return new DatabaseHealth(false, false, ex.Message);
        }
        catch (SqliteException ex)
        {
            var problem = Unavailable(ex) ?? $"The database file {FilePath} cannot be read: {ex.Message}";
            return Unhealthy(isReachable: false, problem, ex);
        }
    }

    private DatabaseHealth Unhealthy(bool isReachable, string problem, Exception? cause = null)
    {
        Fault(problem, cause);
        return new DatabaseHealth(isReachable, false, problem);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            Migrate();
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            Configure(connection);
            return connection;
        }
        catch (SqliteException ex) when (Unavailable(ex) is { } problem)
        {
            await connection.DisposeAsync();
            throw Fault(problem, ex);
        }
    }

    /// <summary>
    /// A new connection outside the pool, configured like every other, for a caller that keeps it open for its own lifetime
    /// and disposes it (the progress store's <c>PRAGMA data_version</c> watch, whose value is per connection and would mean
    /// nothing on a handle the pool lends to others). Throws <see cref="StorageUnavailableException"/> when the file cannot be opened.
    /// </summary>
    internal SqliteConnection OpenUnpooled() => OpenMigrated(_unpooledConnectionString);

    private void Configure(SqliteConnection connection)
    {
        // Once per SQLite connection, not per open: the pool hands the same handle out again with these settings still in
        // force (nothing here changes them), and three PRAGMAs on every open were about a quarter of the database work of a
        // cached /roadmap (issue 10, docs/slack.md "Against a bare Kestrel endpoint"). A handle the pool drops is collected
        // and leaves the table with it.
        var handle = connection.Handle!;
        if (_configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var cmd = connection.CreateCommand();
        // synchronous=NORMAL is SQLite's advice for WAL: no corruption risk, and a commit no longer waits for an fsync
        // (only the last commits can be lost on power failure). https://www.sqlite.org/pragma.html#pragma_synchronous
        cmd.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
        cmd.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, Configured);
    }

    /// <summary>
    /// Applies pending migrations, each in its own <c>BEGIN IMMEDIATE</c> transaction that first checks it is still pending,
    /// so processes starting together on one file apply each migration once (the others wait for the lock, then skip it).
    /// Safe to call repeatedly and from several threads.
    /// </summary>
    public void Migrate()
    {
        lock (_migrateGate)
        {
            if (_migrated)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var connection = new SqliteConnection(_createConnectionString);
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
                using var tx = connection.BeginTransaction(deferred: false);
                // Checked again under the write lock: another process may have applied it since the read above.
                if (connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, tx) > 0)
                {
                    continue;
                }

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
}
