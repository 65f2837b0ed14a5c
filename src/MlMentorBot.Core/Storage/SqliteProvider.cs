namespace MlMentorBot.Core;

/// <summary>
/// Initialises SQLitePCLRaw's bundled e_sqlite3 (FTS5 and JSON1 compiled in) once per process. Microsoft.Data.Sqlite.Core
/// does not do this by itself; the bundle package's <c>Batteries_V2.Init()</c> is idempotent.
/// </summary>
internal static class SqliteProvider
{
    private static int _initialized;

    public static void EnsureInitialized()
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
        }
    }
}
