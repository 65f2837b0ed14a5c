using Dapper;

namespace MlMentorBot.Core.Storage;

/// <summary>
/// Small pieces of state that a platform cannot carry for us, kept by key in the database so they survive a restart. The Discord
/// adapter keeps here the command lines too long for a button's 100-character <c>custom_id</c>, under the hash it puts in the
/// id instead. Rows are written once per key and never change; a few hundred bytes each.
/// </summary>
public sealed class ComponentStateStore(IDatabase database, TimeProvider time)
{
    /// <summary>Schema version 300 belongs to this store.</summary>
    public static readonly SchemaMigration Migration = new(300, "state behind hashed component ids", """
        CREATE TABLE component_state (
            key        TEXT PRIMARY KEY,
            value      TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """)
    {
        Postgres = """
            CREATE TABLE component_state (
                key        text PRIMARY KEY,
                value      text NOT NULL,
                created_at timestamptz NOT NULL
            );
            """,
    };

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> unless the key is already there (the first value wins).</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be written.</exception>
    public Task RememberAsync(string key, string value, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync(
            "INSERT INTO component_state (key, value, created_at) VALUES (@key, @value, @now) ON CONFLICT (key) DO NOTHING",
            new { key, value, now = Progress.SqliteProgressStore.Timestamp(time.GetUtcNow()) }), cancellationToken);

    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be opened.</exception>
    public async Task<string?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT value FROM component_state WHERE key = @key", new { key }, cancellationToken: cancellationToken));
    }
}
