using Microsoft.Data.Sqlite;
using MlMentorBot.Core.Storage;
using SQLitePCL;

namespace MlMentorBot.Core.Progress;

/// <summary>
/// A number that stays the same for as long as nothing has been committed to the SQLite file, by this process or any other,
/// since it was last read: <c>PRAGMA data_version</c> on dedicated connections ("watches") that never write and are never
/// used for anything else (https://www.sqlite.org/pragma.html#pragma_data_version: its value changes when any other
/// connection, in this process or another, commits; each read runs in its own read transaction, so it sees every commit
/// that finished before it). When a watch's value differs from the one it read last, <see cref="Current()"/> moves to a new
/// epoch.
/// </summary>
/// <remarks>
/// <para>
/// The progress store reads this before any per-member query: a member checked against <c>members.progress_version</c>
/// after the epoch was read stays current until the epoch changes, because no commit has happened since the read that began
/// it. Values of <c>data_version</c> from two connections cannot be compared, so each watch only compares with its own last
/// value, and opening or reopening one starts a new epoch. A database file replaced under the running bot is not followed
/// (the connections keep the old file); the bot already asks for a restart then (<see cref="SqliteDatabase"/>).
/// </para>
/// <para>
/// Several watches share one epoch counter so that concurrent reads need not queue for one connection (issue 10: on two
/// cores, threads spun on the single watch's lock for longer than the read took). Why an epoch returned by any watch is
/// still exact: a watch whose value has not moved since its own previous read proves that nothing was committed since
/// then; and every commit before that previous read was seen by that watch's first read after the commit, which moved the
/// shared counter past every epoch handed out before the commit. The counter is read after the watch's read, under the
/// watch's lock, so an epoch handed out always postdates every commit its watch has seen. The price is that one commit can
/// move the epoch once per watch, each time sending the next read of every cached member to the version query; watches
/// beyond the first are only used while the first is busy, so a quiet bot still moves once per commit.
/// </para>
/// <para>
/// In front of the watches sits the wal-index header (<see cref="SqliteWalIndexHeader"/>): each watch read records the header
/// as it was just before, and while the header still reads the same, no commit has finished since, so the epoch that read
/// handed out is still current and no watch is needed (issue 10: the read transaction behind <c>PRAGMA data_version</c> was
/// about half of a cached <c>/roadmap</c>'s own work). A header that moved, or cannot be read whole, sends the read to the
/// watches as before, and they stay the authority.
/// </para>
/// </remarks>
internal sealed class SqliteCommitEpoch(SqliteDatabase database) : IDisposable
{
    private readonly Watch[] _watches = [.. Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 2, 8)).Select(_ => new Watch())];
    private readonly Lock _headerGate = new();
    private long _epoch;
    private volatile bool _disposed;
    private bool _headerTried;
    private volatile SqliteWalIndexHeader? _header;
    private volatile Seen? _seen;
    private long _headerHits;

    /// <summary>
    /// The current epoch (1 or more), or null when a watch connection cannot be read (the file is gone, or this was
    /// disposed): the caller then checks every read as if every epoch were new, and the database reports the fault itself.
    /// </summary>
    public long? Current() => FromHeader() ?? (TryReadFreeWatch(openIfClosed: true, out var epoch) ? epoch : Current(0));

    /// <summary>
    /// The current epoch if it can be had without waiting for anything, else null: only watches that are open and free are
    /// tried (a busy one is skipped, never waited for, and none is opened here, since opening does file I/O and runs
    /// PRAGMAs), and their <c>PRAGMA data_version</c> never waits for a lock (see <see cref="Watch"/>). For a caller on a
    /// request's own stack that must not be held by the database (issue 10: a cached <c>/roadmap</c> answered inline); null
    /// means "not known now", and the caller takes its ordinary, waiting path.
    /// </summary>
    public long? CurrentWithoutWaiting() => FromHeader() ?? (TryReadFreeWatch(openIfClosed: false, out var epoch) ? epoch : null);

    /// <summary>Whether the wal-index header may answer before the watches (default true; false for benchmarks comparing the two).</summary>
    internal bool UseHeader { get; set; } = true;

    /// <summary>Epochs answered from the wal-index header alone, without a <c>PRAGMA data_version</c> read (for tests).</summary>
    internal long HeaderHits => Interlocked.Read(ref _headerHits);

    /// <summary>
    /// The epoch last handed out by a watch, when the wal-index header still reads exactly as it did just before that
    /// watch's read: no commit has finished since (each one rewrites the header with <c>iChange</c> incremented), so that
    /// epoch is still current. Null when there is no header to read, it is being written, or it has changed; the watches
    /// then decide, and their next read records the new header.
    /// </summary>
    internal long? FromHeader()
    {
        if (UseHeader && _seen is { } seen && _header is { } header && header.TryRead(out var now) && now == seen.Header)
        {
            Interlocked.Increment(ref _headerHits);
            return seen.Epoch;
        }

        return null;
    }

    /// <summary>The epoch as read through watch <paramref name="index"/> alone (tests show each watch keeps it exact).</summary>
    internal long? Current(int index)
    {
        lock (_watches[index].Gate)
        {
            return Read(_watches[index]);
        }
    }

    /// <summary>
    /// Reads through the first watch whose gate is free (never waiting for one); without <paramref name="openIfClosed"/>, only
    /// watches already open are tried. False when none was free; <paramref name="epoch"/> is then null.
    /// </summary>
    private bool TryReadFreeWatch(bool openIfClosed, out long? epoch)
    {
        foreach (var watch in _watches)
        {
            if ((openIfClosed || watch.Statement is not null) && watch.Gate.TryEnter())
            {
                try
                {
                    // Checked again under the gate: a failed read may have closed it meanwhile.
                    epoch = openIfClosed || watch.Statement is not null ? Read(watch) : null;
                    return true;
                }
                finally
                {
                    watch.Gate.Exit();
                }
            }
        }

        epoch = null;
        return false;
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var watch in _watches)
        {
            lock (watch.Gate)
            {
                watch.Close();
            }
        }

        lock (_headerGate)
        {
            _seen = null;
            _header?.Dispose();
            _header = null;
        }
    }

    /// <summary>Under <paramref name="watch"/>'s gate.</summary>
    private long? Read(Watch watch)
    {
        if (_disposed)
        {
            return null;
        }

        try
        {
            // Read before the watch's own read: a header unchanged since then proves that no commit finished after it.
            var header = ReadHeader();
            long epoch;
            if (watch.Statement is null)
            {
                var connection = database.OpenUnpooled();
                watch.Connection = connection;
                // No busy handler on a watch: see Watch.
                SqliteException.ThrowExceptionForRC(raw.sqlite3_busy_timeout(connection.Handle, 0), connection.Handle);
                SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(connection.Handle, "PRAGMA data_version", out var statement), connection.Handle);
                watch.Statement = statement;
                watch.DataVersion = Step(connection.Handle!, statement);
                Interlocked.Increment(ref _epoch);
            }
            else
            {
                if (!TryStep(watch.Connection!.Handle!, watch.Statement, out var dataVersion))
                {
                    // Busy: nothing was learnt, so the watch stays as it was and this read is "not known" (the caller's
                    // version query then waits on its own connection, with the ordinary busy timeout).
                    return null;
                }

                if (dataVersion != watch.DataVersion)
                {
                    watch.DataVersion = dataVersion;
                    Interlocked.Increment(ref _epoch);
                }
            }

            // The counter is read after this watch's read (see the remarks for why that order keeps the epoch exact).
            Interlocked.MemoryBarrier();
            epoch = Volatile.Read(ref _epoch);
            if (header is { } before)
            {
                Remember(before, epoch);
            }

            return epoch;
        }
        catch (Exception ex) when (ex is SqliteException or StorageUnavailableException)
        {
            watch.Close();
            return null;
        }
    }

    /// <summary>
    /// The wal-index header now, mapping it on the first call (under a watch's gate, on the waiting path: mapping opens a
    /// connection and a file); null when the file has none or it cannot be read whole now.
    /// </summary>
    private SqliteWalIndexHeader.Snapshot? ReadHeader()
    {
        var header = _header;
        if (header is null && !Volatile.Read(ref _headerTried))
        {
            lock (_headerGate)
            {
                if (!_headerTried && !_disposed)
                {
                    _header = header = SqliteWalIndexHeader.TryOpen(database);
                    _headerTried = true;
                }
            }
        }

        if (header is null || !header.TryRead(out var now))
        {
            return null;
        }

        // The watch's read that follows must not be moved before this one.
        Interlocked.MemoryBarrier();
        return now;
    }

    /// <summary>
    /// Records that <paramref name="epoch"/> was current when the header read <paramref name="header"/>. Of two watches
    /// racing, the higher epoch is kept: every record is true, and a lower one would only send reads back to the watches.
    /// </summary>
    private void Remember(SqliteWalIndexHeader.Snapshot header, long epoch)
    {
        Seen? next = null;
        var seen = _seen;
        while (seen is null || epoch > seen.Epoch || (epoch == seen.Epoch && header != seen.Header))
        {
            next ??= new Seen(header, epoch);
            var found = Interlocked.CompareExchange(ref _seen, next, seen);
            if (ReferenceEquals(found, seen))
            {
                return;
            }

            seen = found;
        }
    }

    private static long Step(sqlite3 connection, sqlite3_stmt statement) =>
        TryStep(connection, statement, out var dataVersion)
            ? dataVersion
            : throw new SqliteException("PRAGMA data_version: the database is busy.", raw.SQLITE_BUSY);

    /// <summary>False when SQLite answered <c>SQLITE_BUSY</c>/<c>SQLITE_LOCKED</c> at once (a watch has no busy handler).</summary>
    private static bool TryStep(sqlite3 connection, sqlite3_stmt statement, out long dataVersion)
    {
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
            {
                dataVersion = 0;
                return false;
            }

            if (rc != raw.SQLITE_ROW)
            {
                SqliteException.ThrowExceptionForRC(rc, connection);
                throw new SqliteException("PRAGMA data_version returned no row.", rc);
            }

            dataVersion = raw.sqlite3_column_int64(statement, 0);
            return true;
        }
        finally
        {
            // Resetting ends the statement's read transaction: none stays open to pin an old snapshot.
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>An epoch and the wal-index header read just before the watch read that handed it out.</summary>
    private sealed record Seen(SqliteWalIndexHeader.Snapshot Header, long Epoch);

    /// <summary>
    /// One watch connection and its prepared <c>PRAGMA data_version</c>, stepped through SQLitePCL directly:
    /// <see cref="SqliteCommand.ExecuteScalar"/>'s reader, boxing and checks held the lock about three times as long.
    /// </summary>
    /// <remarks>
    /// Why a read never waits: the pragma opens a read transaction, and in WAL mode a reader does not wait for a writer (an
    /// open write transaction, even one held for minutes by another process, leaves reads free:
    /// https://www.sqlite.org/wal.html#concurrency). Beginning one can still meet a lock (another connection recovering the
    /// WAL index after a crash, or a file not in WAL mode while a writer commits), and then SQLite calls the busy handler,
    /// which with the bot's <c>busy_timeout</c> of seconds would sleep. A watch therefore has the busy handler off
    /// (<c>sqlite3_busy_timeout(0)</c>): such a read returns <c>SQLITE_BUSY</c> at once and counts as "epoch not known".
    /// What remains is SQLite's own bounded retry of a torn WAL-index header read, which races only with another
    /// connection's in-memory header update, not with a transaction.
    /// </remarks>
    private sealed class Watch
    {
        public readonly Lock Gate = new();
        public SqliteConnection? Connection;
        public sqlite3_stmt? Statement;
        public long DataVersion;

        public void Close()
        {
            Statement?.Dispose(); // finalised before its connection closes
            Connection?.Dispose();
            Statement = null;
            Connection = null;
        }
    }
}
