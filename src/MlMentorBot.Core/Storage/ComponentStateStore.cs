using Dapper;

namespace MlMentorBot.Core.Storage;

/// <summary>
/// Small pieces of state that a platform cannot carry for us, kept by key in SQLite so they survive a restart. The Discord
/// adapter keeps here the command lines too long for a button's 100-character <c>custom_id</c>, under the hash it puts in the
/// id instead. Rows are written once per key and never change; a few hundred bytes each.
/// </summary>
public sealed class ComponentStateStore(SqliteDatabase database, TimeProvider time)
{
    /// <summary>Schema version 300 belongs to this store.</summary>
    public static readonly SchemaMigration Migration = new(300, "state behind hashed component ids", """
        CREATE TABLE component_state (
            key        TEXT PRIMARY KEY,
            value      TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> unless the key is already there (the first value wins).</summary>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The database cannot be written.</exception>
    public void Remember(string key, string value)
    {
        using var connection = database.Open();
        connection.Execute(
            "INSERT INTO component_state (key, value, created_at) VALUES (@key, @value, @now) ON CONFLICT (key) DO NOTHING",
            new { key, value, now = time.GetUtcNow().UtcDateTime.ToString("O") });
    }

    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    public string? Find(string key)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<string?>("SELECT value FROM component_state WHERE key = @key", new { key });
    }
}
