using System.Data.Common;

namespace MlMentorBot.Core.Storage;

/// <summary>
/// The bot's database, whatever the provider: reads on their own connections, and every write through
/// <see cref="WriteAsync{T}(Func{IDbWriteScope, Task{T}}, CancellationToken)"/>, one transaction at a time per process. Stores see only <see cref="System.Data.Common"/>
/// types and a <see cref="SqlDialect"/>, so a second provider (PostgreSQL, issue #11) implements this same interface.
/// </summary>
public interface IDatabase
{
    /// <summary>The few SQL differences between providers; everything else stores write is SQL both accept.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Where the data lives, for logs (a file path; never a password).</summary>
    string Location { get; }

    /// <summary>Applies pending schema migrations once; safe to call from several threads and several processes at once.</summary>
    /// <exception cref="DbException">The database cannot be opened or migrated.</exception>
    void Migrate();

    /// <summary>Opens a connection for reading (migrating on first use). The caller disposes it.</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be opened.</exception>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Synchronous <see cref="OpenAsync"/> for paths that cannot await (autocomplete).</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be opened.</exception>
    DbConnection Open();

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction once this process's earlier writes are done, commits it, and returns
    /// its result only when the data is where the next start-up will find it. Work that throws rolls back. Runs at
    /// <see cref="WriteIsolation.Serializable"/>, for every provider.
    /// </summary>
    /// <exception cref="StorageUnavailableException">
    /// The write was not kept: the database is read-only, cannot be opened, or its file was deleted or replaced while the bot
    /// ran. Tell the member it was not saved.
    /// </exception>
    Task<T> WriteAsync<T>(Func<IDbWriteScope, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(WriteIsolation.Serializable, work, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync{T}(Func{IDbWriteScope, Task{T}}, CancellationToken)"/> at <paramref name="isolation"/>:
    /// <see cref="WriteIsolation.ReadCommitted"/> lets concurrent writers of the same rows wait for each other instead of failing
    /// and being retried, for work whose statements are each atomic on their own (see <see cref="WriteIsolation"/>).
    /// </summary>
    /// <exception cref="StorageUnavailableException">The write was not kept.</exception>
    Task<T> WriteAsync<T>(WriteIsolation isolation, Func<IDbWriteScope, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync{T}(Func{IDbWriteScope, Task{T}}, CancellationToken)"/> without a result. One implementation for
    /// every provider: it only adapts the delegate, so the gate, retries and the durability check stay in each provider's.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The write was not kept.</exception>
    Task WriteAsync(Func<IDbWriteScope, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(async scope =>
        {
            await work(scope);
            return true;
        }, cancellationToken);

    /// <summary>Whether a write made now would be kept, and if not, why (for <c>/health</c>). Never throws for a database fault.</summary>
    Task<DatabaseHealth> CheckHealthAsync(CancellationToken cancellationToken);
}

/// <summary>
/// How a write transaction is isolated from concurrent ones on a provider that runs writers side by side (PostgreSQL, where
/// replicas and one process's requests write at once). SQLite runs one write transaction at a time and ignores it: every write
/// there is serializable.
/// </summary>
public enum WriteIsolation
{
    /// <summary>
    /// The default: the transaction has the same effect as if no other ran at the same time (PostgreSQL <c>SERIALIZABLE</c>).
    /// Needed by work that reads and then decides what to write (claims, counts, "if absent then insert"). Two such
    /// transactions updating one row at once cannot both commit: the database aborts one and it is run again from the start,
    /// which under many concurrent writers of the same row turns into a storm of retries.
    /// </summary>
    Serializable,

    /// <summary>
    /// Each statement sees what was committed when it starts (PostgreSQL <c>READ COMMITTED</c>), and a writer of a row another
    /// transaction holds waits for it and then applies its statement to the committed row, instead of failing. Only for work
    /// whose every statement is atomic on its own (<c>INSERT … ON CONFLICT DO UPDATE</c>, <c>UPDATE … SET column = value</c>)
    /// and that takes no decision from what it read: concurrent writers then queue on the first row they share, in the same
    /// order every time, so their transactions run one after another without being aborted.
    /// https://www.postgresql.org/docs/current/transaction-iso.html#XACT-READ-COMMITTED
    /// </summary>
    ReadCommitted,
}

/// <summary>
/// One write transaction inside <see cref="IDatabase.WriteAsync{T}(Func{IDbWriteScope, Task{T}}, CancellationToken)"/>: Dapper's calls with the transaction and the
/// <see cref="IDatabase.WriteAsync{T}(Func{IDbWriteScope, Task{T}}, CancellationToken)"/> cancellation token already bound, so no statement can run outside it.
/// </summary>
public interface IDbWriteScope
{
    /// <summary>The provider's SQL differences.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Runs a statement (for a sequence of parameter objects, once each); returns rows affected.</summary>
    Task<int> ExecuteAsync(string sql, object? parameters = null);

    /// <summary>The first column of the first row (e.g. <c>RETURNING id</c> or <c>count(*)</c>).</summary>
    Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null);

    /// <summary>Exactly one row.</summary>
    /// <exception cref="InvalidOperationException">No row or more than one.</exception>
    Task<T> QuerySingleAsync<T>(string sql, object? parameters = null);

    /// <summary>One row or the default.</summary>
    Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null);

    /// <summary>Every row.</summary>
    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null);
}

/// <summary>
/// The result of <see cref="IDatabase.CheckHealthAsync"/>. <paramref name="IsReachable"/>: the database opens and answers;
/// <paramref name="IsWritable"/>: a write now would be kept; <paramref name="Problem"/>: why not, in one sentence naming
/// the file, or null.
/// </summary>
public sealed record DatabaseHealth(bool IsReachable, bool IsWritable, string? Problem)
{
    /// <summary>Reachable and writable.</summary>
    public static DatabaseHealth Healthy { get; } = new(true, true, null);

    /// <summary>Reachable and writable; <c>GET /health</c> needs this to say <c>ok</c>.</summary>
    public bool IsHealthy => IsReachable && IsWritable;
}

/// <summary>
/// A write that was not kept, or a database that cannot be opened: the file is read-only, missing, or was deleted or
/// replaced while the bot ran. <see cref="Exception.Message"/> says what to fix; the database has logged it once at Error.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
