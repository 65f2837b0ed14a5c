using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace MlMentorBot.Core.Storage;

/// <summary>Configuration section <c>Storage</c>; checked at start by <see cref="StorageOptionsValidator"/>.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// Which database keeps the bot's state: <c>Sqlite</c> (default; one file at <see cref="DatabasePath"/>, one process) or
    /// <c>Postgres</c> (the server at <see cref="ConnectionString"/>; several replicas may share it). Case-insensitive.
    /// </summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>
    /// Npgsql connection string when <see cref="Provider"/> is <c>Postgres</c>, e.g.
    /// <c>Host=db;Port=5432;Database=mlmentorbot;Username=bot;Password=…</c>
    /// (https://www.npgsql.org/doc/connection-string-parameters.html). Its password is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether <see cref="Provider"/> selects PostgreSQL.</summary>
    public bool IsPostgres => string.Equals(Provider?.Trim(), StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>SQLite file; relative paths are resolved against the content root; the folder is created. Default <c>data/mlmentorbot.db</c>.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/mlmentorbot.db";

    /// <summary>How long a writer waits for a lock before failing (SQLite <c>busy_timeout</c>), in seconds, 1–120. Default 5.</summary>
    [Range(1, 120)]
    public int BusyTimeoutSeconds { get; set; } = 5;
}

/// <summary>
/// One schema change. Versions are applied in ascending order, once, each in its own transaction, and recorded in
/// <c>schema_migrations</c>. Ranges by feature keep parallel work from colliding: 1–99 progress, 100–199 check-ins,
/// 200–299 knowledge moderation. <paramref name="Sql"/> is SQLite's script; <see cref="Postgres"/> is the same change for
/// PostgreSQL. A migration only expands the schema (new tables, nullable or defaulted columns, indexes) while the previous
/// release may still run beside it; dropping what that release reads waits for a later migration (expand, then contract).
/// </summary>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    /// <summary>
    /// PostgreSQL's script for this version: <c>timestamptz</c> for times, <c>boolean</c> for flags, <c>bigint</c> identity
    /// keys. Required when <see cref="StorageOptions.Provider"/> is <c>Postgres</c>; start-up names any migration without one.
    /// </summary>
    public string? Postgres { get; init; }

    /// <summary>
    /// A migration whose one script both SQLite and PostgreSQL run as written (lowercase <c>text</c>, <c>bigint</c> and
    /// plain indexes mean the same to both), so it is not written out twice.
    /// </summary>
    public static SchemaMigration Portable(int version, string name, string sql) => new(version, name, sql) { Postgres = sql };
}

/// <summary>
/// <see cref="IDatabase"/> on one SQLite file, migrated with <see cref="SchemaMigration"/>s at start-up. The file runs in WAL
/// mode (readers never block the writer) with <c>synchronous = NORMAL</c>, foreign keys on and a busy timeout on every
/// connection. Only <see cref="Migrate"/> creates the file; later connections open it read-write without creating it, so a
/// file deleted while the bot runs is reported instead of silently replaced by an empty one.
/// </summary>
public sealed class SqliteDatabase : IDatabase
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

    /// <summary>What to tell the operator when <paramref name="ex"/> means writes cannot be kept; null for other errors.</summary>
    private string? Unavailable(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) switch
    {
        // https://www.sqlite.org/rescode.html
        8 => ReadOnlyProblem(),
        14 when !File.Exists(FilePath) => $"The database file {FilePath} was deleted while the bot was running: writes are refused. Restore it from a backup (or remove the -wal and -shm files beside it to start empty) and restart the bot.",
        14 => $"The database file {FilePath} cannot be opened: check that its folder exists and the bot's user may read and write it.",
        10 => $"The database file {FilePath} gives an I/O error ({ex.Message}).",
        13 => $"The disk holding the database file {FilePath} is full.",
        11 or 26 => $"The database file {FilePath} is damaged or not a database ({ex.Message}).",
        _ => null,
    };

    private string ReadOnlyProblem() =>
        $"The database file {FilePath} or its folder is read-only: writes are refused. Let the bot's user write the file and its folder (SQLite creates its -wal and -shm files there).";

    /// <summary>
    /// Whether this process may write <paramref name="path"/> (a folder: create files in it), by <c>access(2)</c>, which counts
    /// the process's user and capabilities as an open would. Never opens the database file: closing a descriptor of it would
    /// drop SQLite's POSIX locks (https://www.sqlite.org/howtocorrupt.html#_posix_advisory_locks_canceled_by_a_separate_thread_doing_close_).
    /// </summary>
    private static bool MayWrite(string path, bool isFolder)
    {
        if (OperatingSystem.IsWindows())
        {
            return isFolder || !File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly);
        }

        const int WriteOk = 2, ExecuteOk = 1;
        try
        {
            return Access(path, isFolder ? WriteOk | ExecuteOk : WriteOk) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return true;
        }
    }

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    private string MovedProblem() =>
        $"The database file {FilePath} was deleted or replaced while the bot was running: writes are refused, because they would be lost at the next start. Restore the file and restart the bot.";

    /// <summary>Logs a fault once at Error (until the database is healthy again) and returns the exception to throw.</summary>
    private StorageUnavailableException Fault(string problem, Exception? cause)
    {
        if (Interlocked.Exchange(ref _isFaulted, 1) == 0)
        {
            _logger.LogError("{Problem}{Cause}", problem, cause is null ? "" : $" ({cause.Message})");
        }

        return new StorageUnavailableException(problem, cause);
    }

    private void Recovered()
    {
        if (Interlocked.Exchange(ref _isFaulted, 0) == 1)
        {
            _logger.LogWarning("The database file {Path} is writable again", FilePath);
        }
    }

    /// <summary>
    /// Whether the file this connection has open is no longer the one at <see cref="FilePath"/> (deleted, renamed or
    /// replaced): SQLite compares the open file's inode with the path's. False where the VFS cannot tell (Windows, where
    /// an open database file cannot be deleted).
    /// </summary>
    private static bool HasMoved(SqliteConnection connection)
    {
        try
        {
            return FileControl(connection.Handle!.DangerousGetHandle(), "main", FileControlHasMoved, out var moved) == 0 && moved != 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    // SQLitePCLRaw 2.1 does not wrap sqlite3_file_control; the bundle's e_sqlite3 library exports it.
    // https://www.sqlite.org/c3ref/file_control.html
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_file_control")]
    private static extern int FileControl(IntPtr database, [MarshalAs(UnmanagedType.LPUTF8Str)] string databaseName, int operation, out int result);
}
