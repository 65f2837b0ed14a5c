using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace MlMentorBot.Core.Storage;

/// <summary>
/// <see cref="IDatabase"/> on a PostgreSQL server (<see cref="StorageOptions.ConnectionString"/>), shared by any number of bot
/// replicas. Reads and writes take connections from one Npgsql pool. A write runs in a <c>SERIALIZABLE</c> transaction unless
/// it asks for <see cref="WriteIsolation.ReadCommitted"/>, so concurrent writers, in this process or another replica, get the
/// same result as if they had run one after another, as on SQLite; a transaction PostgreSQL aborts for that reason (SQLSTATE
/// 40001, or a deadlock, 40P01) is run again from the start
/// (https://www.postgresql.org/docs/current/transaction-iso.html#XACT-SERIALIZABLE), and each such retry is logged at Debug.
/// Migrations run under a
/// PostgreSQL advisory lock, so replicas starting together apply each one exactly once. Nothing logged or reported
/// contains the connection string's password.
/// </summary>
public sealed class PostgresDatabase : IDatabase, IDisposable, IAsyncDisposable
{
    // pg_advisory_lock key for migrations: "MLMentor" in ASCII. Advisory locks are per database, so bots on other
    // databases of the same server do not wait for each other.
    private const long MigrationLockKey = 0x4D4C4D656E746F72;

    private readonly ResiliencePipeline _retry;
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<SchemaMigration> _migrations;
    private readonly ILogger<PostgresDatabase> _logger;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;
    private int _isFaulted;

    /// <exception cref="InvalidOperationException">
    /// No connection string, two migrations share a version, or a migration has no <see cref="SchemaMigration.Postgres"/> script.
    /// </exception>
    public PostgresDatabase(IOptions<StorageOptions> options, IEnumerable<SchemaMigration> migrations, ILogger<PostgresDatabase> logger)
    {
        UtcTimestampHandler.EnsureRegistered();
        var connectionString = options.Value.ConnectionString is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is Postgres.");
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        _dataSource = NpgsqlDataSource.Create(builder);
        _migrations = migrations.OrderBy(m => m.Version).ToList();
        _logger = logger;
        _retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<PostgresException>(ex =>
                ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected),
            MaxRetryAttempts = 20,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(2),
            MaxDelay = TimeSpan.FromMilliseconds(250),
            UseJitter = true,
            // Debug, not Warning: a few retries are how SERIALIZABLE works; many show contention worth a closer look.
            OnRetry = args =>
            {
                _logger.LogDebug("Write to {Database} retried (attempt {Attempt}) after SQLSTATE {SqlState}", Location, args.AttemptNumber + 1,
                    (args.Outcome.Exception as PostgresException)?.SqlState);
                return ValueTask.CompletedTask;
            },
        }).Build();
        var duplicate = _migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two schema migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}");
        }

        if (_migrations.FirstOrDefault(m => string.IsNullOrWhiteSpace(m.Postgres)) is { } missing)
        {
            throw new InvalidOperationException($"Schema migration {missing.Version} ({missing.Name}) has no PostgreSQL script (SchemaMigration.Postgres).");
        }
    }

    /// <inheritdoc />
    public SqlDialect Dialect => PostgresDialect.Instance;

    /// <summary>Server, port and database, e.g. <c>PostgreSQL db:5432/mlmentorbot</c>; never the password.</summary>
    public string Location { get; }

    /// <summary>
    /// Applies pending migrations while holding <c>pg_advisory_lock</c>: the versions are read and each pending one applied
    /// (in its own transaction) by one replica at a time, so a replica that waited finds them applied and skips them.
    /// Versions recorded by a newer release are left alone, so an older replica keeps running during a rolling deploy.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The server cannot be reached or refuses the login.</exception>
    public void Migrate()
    {
        if (!_migrated)
        {
            // Start-up and autocomplete only; Task.Run keeps the wait off any caller's synchronization context.
            Task.Run(async () => await EnsureMigratedAsync(CancellationToken.None)).GetAwaiter().GetResult();
        }
    }

    private async ValueTask EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        // Waiters queue asynchronously: a burst of first requests must not park thread-pool threads while one migrates.
        await _migrateGate.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@MigrationLockKey)", new { MigrationLockKey });
            try
            {
                await ApplyPendingAsync(connection);
            }
            finally
            {
                // Also released when the session ends, so a replica killed mid-migration does not block the others.
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@MigrationLockKey)", new { MigrationLockKey });
            }

            _migrated = true;
        }
        catch (NpgsqlException ex) when (Unavailable(ex) is { } problem)
        {
            throw Fault(problem, ex);
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    private async Task ApplyPendingAsync(NpgsqlConnection connection)
    {
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL
            );
            """);
        var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
        foreach (var migration in _migrations.Where(m => !applied.Contains(m.Version)))
        {
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(migration.Postgres!, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow },
                tx);
            await tx.CommitAsync();
            _logger.LogInformation("Applied schema migration {Version} {Name} to {Database}", migration.Version, migration.Name, Location);
        }

        var newer = applied.Except(_migrations.Select(m => m.Version)).Order().ToList();
        if (newer.Count > 0)
        {
            _logger.LogInformation("{Database} has schema versions {Versions} from a newer release; they only add to what this release uses", Location, newer);
        }
    }

    /// <inheritdoc />
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException ex) when (Unavailable(ex) is { } problem)
        {
            throw Fault(problem, ex);
        }
    }

    /// <inheritdoc />
    public DbConnection Open()
    {
        Migrate();
        try
        {
            return _dataSource.OpenConnection();
        }
        catch (NpgsqlException ex) when (Unavailable(ex) is { } problem)
        {
            throw Fault(problem, ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Why <see cref="WriteIsolation.ReadCommitted"/> rather than a lock inside a <c>SERIALIZABLE</c> transaction: 64 requests
    /// marking one member's step at once (bench/slack/load.sh) all update that member's <c>members</c> row. Under
    /// <c>SERIALIZABLE</c> only the first to commit succeeds; every other one is aborted with 40001 and retried with backoff,
    /// so each commit costs a round of aborted attempts and requests waited for seconds. Taking
    /// <c>pg_advisory_xact_lock(member)</c> first does not help: the transaction's snapshot is taken when its first statement
    /// starts, before the lock is granted, so after waiting it still sees the row as it was and is aborted all the same (tried:
    /// "could not serialize access due to concurrent update"). A session lock taken before <c>BEGIN</c> would work but costs two
    /// more round trips and a key for every caller. At <c>READ COMMITTED</c> the row lock that the first statement takes on the
    /// member's row does the same job for free: writers of one member queue on it and each then sees the committed row, and
    /// writers of different members do not meet at all (no false conflicts on shared index pages, which <c>SERIALIZABLE</c>
    /// reports too). Deadlocks (40P01) are still retried.
    /// </remarks>
    public async Task<T> WriteAsync<T>(WriteIsolation isolation, Func<IDbWriteScope, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken);
        var level = isolation == WriteIsolation.ReadCommitted ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable;
        try
        {
            var result = await _retry.ExecuteAsync(async token =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(token);
                await using var transaction = await connection.BeginTransactionAsync(level, token);
                var value = await work(new DbWriteScope(connection, transaction, Dialect, token));
                await transaction.CommitAsync(token);
                return value;
            }, cancellationToken);
            Recovered();
            return result;
        }
        catch (NpgsqlException ex) when (Unavailable(ex) is { } problem)
        {
            throw Fault(problem, ex);
        }
    }

    /// <inheritdoc />
    public async Task<DatabaseHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            var (isStandby, readOnly) = await connection.QuerySingleAsync<(bool, string)>(new CommandDefinition(
                "SELECT pg_is_in_recovery(), current_setting('transaction_read_only')", cancellationToken: cancellationToken));
            if (isStandby || readOnly == "on")
            {
                var problem = ReadOnlyProblem();
                Fault(problem, null);
                return new DatabaseHealth(true, false, problem);
            }

            Recovered();
            return DatabaseHealth.Healthy;
        }
        catch (StorageUnavailableException ex)
        {
            return new DatabaseHealth(false, false, ex.Message);
        }
        catch (NpgsqlException ex)
        {
            var problem = Unavailable(ex) ?? $"{Location} cannot be read: {ex.Message}";
            Fault(problem, ex);
            return new DatabaseHealth(false, false, problem);
        }
    }

    /// <summary>What to tell the operator when <paramref name="ex"/> means the database cannot be used; null for other errors.</summary>
    private string? Unavailable(NpgsqlException ex) => ex switch
    {
        // https://www.postgresql.org/docs/current/errcodes-appendix.html
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } => ReadOnlyProblem(),
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } => $"The disk of {Location} is full: writes are refused.",
        PostgresException { SqlState: PostgresErrorCodes.TooManyConnections } =>
            $"{Location} has no free connection slot: raise the server's max_connections or lower Maximum Pool Size in Storage:ConnectionString.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            $"{Location} refused the login: check Username and Password in Storage:ConnectionString.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
            $"{Location} does not exist: create the database (createdb) or fix Database= in Storage:ConnectionString.",
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow } =>
            $"{Location} is shutting down or starting up: writes are refused until it accepts connections.",
        PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal) =>
            $"{Location} dropped the connection ({ex.Message}).",
        PostgresException => null,
        _ => $"{Location} cannot be reached: {ex.Message}",
    };

    private string ReadOnlyProblem() =>
        $"{Location} is read-only (a standby, or default_transaction_read_only is on): writes are refused. Point Storage:ConnectionString at the primary.";

    /// <summary>Logs a fault once at Error (until the database is healthy again) and returns the exception to throw.</summary>
    private StorageUnavailableException Fault(string problem, Exception? cause)
    {
        if (Interlocked.Exchange(ref _isFaulted, 1) == 0)
        {
            _logger.LogError("{Problem}", problem);
        }

        return new StorageUnavailableException(problem, cause);
    }

    private void Recovered()
    {
        if (Interlocked.Exchange(ref _isFaulted, 0) == 1)
        {
            _logger.LogWarning("{Database} accepts writes again", Location);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
