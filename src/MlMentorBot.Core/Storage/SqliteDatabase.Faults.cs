using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MlMentorBot.Core.Storage;

// What a database fault means for the operator (read-only file, deleted or moved file, full disk), and the file checks behind it.
public sealed partial class SqliteDatabase
{
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
