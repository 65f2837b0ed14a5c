using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Core.Progress;

/// <summary>
/// Reads the header of a WAL-mode SQLite file's wal-index (the <c>-shm</c> file) without any lock or system call: the 48
/// bytes that SQLite itself reads first when a read transaction begins, and rewrites at every commit by any connection or
/// process (its <c>iChange</c> field is incremented each time). While the header is unchanged, nothing was committed; a
/// commit changes it. Layout and the two-copy protocol: https://www.sqlite.org/walformat.html ("The WAL-Index Header", for
/// the unix and windows VFSes): two copies of one 48-byte <c>WalIndexHdr</c>; a writer stores the second copy, a memory
/// barrier, then the first, and a reader that finds both equal has read a header that was whole.
/// </summary>
/// <remarks>
/// <para>
/// This is the cheap front of <see cref="SqliteCommitEpoch"/> (issue 10): a <c>PRAGMA data_version</c> read costs a read
/// transaction (a shared-memory lock and its <c>fcntl</c>), about half of a cached <c>/roadmap</c>'s own work; comparing
/// 96 bytes of mapped memory costs nanoseconds. Anything unexpected (no <c>-shm</c> file because the file is not in WAL
/// mode, a header not initialised, the two copies differing mid-write, a format version other than 3007000) reads as "not
/// known", and the caller takes the <c>PRAGMA</c> path, which stays the authority.
/// </para>
/// <para>
/// The mapping is kept safe by an anchor: a connection of its own, opened first and closed last, that has read the file
/// once and so holds SQLite's shared "DMS" lock on the <c>-shm</c> file for as long as it is open. SQLite truncates that
/// file only when it opens it while no process holds that lock (<c>unixLockSharedMemory</c> in SQLite's <c>os_unix.c</c>),
/// and a mapped page past the end of a truncated file would fault the process.
/// </para>
/// </remarks>
internal sealed class SqliteWalIndexHeader : IDisposable
{
    /// <summary>Bytes in one copy of <c>WalIndexHdr</c>.</summary>
    private const int HeaderBytes = 48;

    /// <summary><c>iVersion</c> of every wal-index SQLite has written since 3.7.0.</summary>
    private const uint WalIndexVersion = 3007000;

    private readonly SqliteConnection _anchor;
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private SqliteWalIndexHeader(SqliteConnection anchor, MemoryMappedFile file, MemoryMappedViewAccessor view)
    {
        _anchor = anchor;
        _file = file;
        _view = view;
    }

    /// <summary>
    /// Maps the wal-index of <paramref name="database"/>, or returns null when there is none to map (the file is not in WAL
    /// mode, or the <c>-shm</c> file cannot be opened or is shorter than both header copies). Throws
    /// <see cref="StorageUnavailableException"/> when the database cannot be opened at all.
    /// </summary>
    public static SqliteWalIndexHeader? TryOpen(SqliteDatabase database)
    {
        var anchor = database.OpenUnpooled();
        var header = TryMap(anchor, database.FilePath);
        if (header is null)
        {
            anchor.Dispose();
        }

        return header;
    }

    /// <summary>The mapping, held open by <paramref name="anchor"/>; null when there is nothing to trust (see <see cref="TryOpen"/>).</summary>
    private static SqliteWalIndexHeader? TryMap(SqliteConnection anchor, string path)
    {
        try
        {
            using (var command = anchor.CreateCommand())
            {
                // One read, so that this connection opens the WAL and its wal-index and keeps them until it is closed (a
                // pragma that needs no schema, so the anchor does not hold a parsed copy of it).
                command.CommandText = "PRAGMA data_version";
                command.ExecuteScalar();
            }

            // A -shm file left from an earlier WAL session would never change again: not a header to trust.
            if (!IsInWalMode(path))
            {
                return null;
            }

            var stream = new FileStream(path + "-shm", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < 2 * HeaderBytes)
            {
                stream.Dispose();
                return null;
            }

            // The mapping owns the stream from here on (leaveOpen: false), and the header owns the mapping.
            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            return new SqliteWalIndexHeader(anchor, file, file.CreateViewAccessor(0, 2 * HeaderBytes, MemoryMappedFileAccess.Read));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the database file's header says WAL: bytes 18 and 19, the file format write and read versions, are both 2
    /// (https://www.sqlite.org/fileformat2.html#file_format_version_numbers). Leaving WAL needs exclusive access, which the
    /// anchor's open connection denies, so the answer holds for as long as the header is mapped.
    /// </summary>
    internal static bool IsInWalMode(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header[18] == 2 && header[19] == 2;
    }

    /// <summary>
    /// Reads the header as SQLite's readers do: the first copy, a barrier, the second; true with the header when both are
    /// equal and initialised, false when the header cannot be trusted now (a commit is writing it, or this was disposed).
    /// </summary>
    public bool TryRead(out Snapshot header)
    {
        Span<ulong> copies = stackalloc ulong[2 * HeaderBytes / sizeof(ulong)];
        try
        {
            var buffer = _view.SafeMemoryMappedViewHandle;
            var first = (ulong)_view.PointerOffset;
            buffer.ReadSpan(first, copies[..6]);
            Interlocked.MemoryBarrier();
            buffer.ReadSpan(first + HeaderBytes, copies[6..]);
        }
        catch (ObjectDisposedException)
        {
            header = default;
            return false;
        }

        var bytes = MemoryMarshal.AsBytes(copies[..6]);
        var whole = copies[..6].SequenceEqual(copies[6..])
            && MemoryMarshal.Read<uint>(bytes) == WalIndexVersion
            && bytes[12] == 1; // isInit
        header = whole ? new Snapshot(copies[0], copies[1], copies[2], copies[3], copies[4], copies[5]) : default;
        return whole;
    }

    public void Dispose()
    {
        // Unmapped before the anchor lets go of the DMS lock (a read in flight holds the view's handle until it ends).
        _view.Dispose();
        _file.Dispose();
        _anchor.Dispose();
    }

    /// <summary>One whole copy of <c>WalIndexHdr</c>, compared as six native-order 64-bit words.</summary>
    public readonly record struct Snapshot(ulong Word0, ulong Word1, ulong Word2, ulong Word3, ulong Word4, ulong Word5);
}
