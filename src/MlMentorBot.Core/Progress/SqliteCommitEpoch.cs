using Microsoft.Data.Sqlite;
using MlMentorBot.Core.Storage;
using SQLitePCL;

namespace MlMentorBot.Core.Progress;

/// <summary>
/// A number that stays the same for as long as nothing has been committed to the SQLite file, by this process or any other,
/// since it was last read: <c>PRAGMA data_version</c> on one dedicated connection that never writes and is never used for
/// anything else (https://www.sqlite.org/pragma.html#pragma_data_version: its value changes when any other connection,
/// in this process or another, commits; each read runs in its own read transaction, so it sees every commit that finished
/// before it). When the value differs from the last one seen, <see cref="Current"/> moves to a new epoch.
/// </summary>
/// <remarks>
/// The progress store reads this before any per-member query: a member checked against <c>members.progress_version</c>
/// after the epoch was read stays current until the epoch changes, because no commit has happened since the read that began
/// it. Values of <c>data_version</c> from two connections cannot be compared, so reopening the connection also starts a new
/// epoch. A database file replaced under the running bot is not followed (the connection keeps the old file); the bot
/// already asks for a restart then (<see cref="SqliteDatabase"/>).
/// </remarks>
internal sealed class SqliteCommitEpoch(SqliteDatabase database) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;

    /// <summary>
    /// The prepared <c>PRAGMA data_version</c>, stepped through SQLitePCL directly: every read of a cached member runs it under
    /// <see cref="_gate"/>, and <see cref="SqliteCommand.ExecuteScalar"/>'s reader, value boxing and checks held the lock about
    /// three times as long, which on two cores showed as threads spinning on the lock (issue 10, docs/slack.md).
    /// </summary>
    private sqlite3_stmt? _statement;
    private long _dataVersion;
    private long _epoch;
    private bool _disposed;

    /// <summary>
    /// The current epoch (1 or more), or null when the watch connection cannot be read (the file is gone, or this was
    /// disposed): the caller then checks every read as if every epoch were new, and the database reports the fault itself.
    /// </summary>
    public long? Current()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }

            try
            {
                if (_statement is null)
                {
                    _connection = database.OpenUnpooled();
                    SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_connection.Handle, "PRAGMA data_version", out var statement), _connection.Handle);
                    _statement = statement;
                    _dataVersion = Read(_connection.Handle!, _statement);
                    return ++_epoch;
                }

                var dataVersion = Read(_connection!.Handle!, _statement);
                if (dataVersion != _dataVersion)
                {
                    _dataVersion = dataVersion;
                    _epoch++;
                }

                return _epoch;
            }
            catch (Exception ex) when (ex is SqliteException or StorageUnavailableException)
            {
                Close();
                return null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Close();
        }
    }

    private static long Read(sqlite3 connection, sqlite3_stmt statement)
    {
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, connection);
                throw new SqliteException("PRAGMA data_version returned no row.", rc);
            }

            return raw.sqlite3_column_int64(statement, 0);
        }
        finally
        {
            // Resetting ends the statement's read transaction: none stays open to pin an old snapshot.
            raw.sqlite3_reset(statement);
        }
    }

    private void Close()
    {
        _statement?.Dispose(); // finalised before its connection closes
        _connection?.Dispose();
        _statement = null;
        _connection = null;
    }
}
