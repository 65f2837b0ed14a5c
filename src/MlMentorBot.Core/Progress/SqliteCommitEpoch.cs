using Microsoft.Data.Sqlite;
using MlMentorBot.Core.Storage;

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
    private SqliteCommand? _command;
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
                if (_command is null)
                {
                    _connection = database.OpenUnpooled();
                    _command = _connection.CreateCommand();
                    _command.CommandText = "PRAGMA data_version";
                    _dataVersion = Read(_command);
                    return ++_epoch;
                }

                var dataVersion = Read(_command);
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

    // ExecuteScalar disposes its reader, which resets the statement: no read transaction stays open to pin an old snapshot.
    private static long Read(SqliteCommand command) => (long)command.ExecuteScalar()!;

    private void Close()
    {
        _command?.Dispose();
        _connection?.Dispose();
        _command = null;
        _connection = null;
    }
}
