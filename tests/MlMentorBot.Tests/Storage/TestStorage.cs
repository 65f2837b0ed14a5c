using MlMentorBot.Core.Storage;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Storage;

/// <summary>
/// The database a store test runs on, as the <c>Storage:*</c> settings that select it: a temporary SQLite file, or a fresh
/// database in the run's <see cref="PostgresCluster"/>. Several hosts built from the same settings share the data, as
/// replicas (or a restart) do.
/// </summary>
public sealed class TestStorage : IDisposable
{
    private readonly TempDir? _temp;

    private TestStorage(IReadOnlyDictionary<string, string?> settings, TempDir? temp)
    {
        Settings = settings;
        _temp = temp;
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public bool IsPostgres => _temp is null;

    /// <summary>A new SQLite file in a temporary folder.</summary>
    public static TestStorage Sqlite()
    {
        var temp = new TempDir();
        return new(new Dictionary<string, string?> { ["Storage:DatabasePath"] = temp.File("store.db") }, temp);
    }

    /// <summary>A new, empty database in <paramref name="cluster"/>; skips (or under CI fails) the test when there is no cluster.</summary>
    public static TestStorage Postgres(PostgresCluster cluster) =>
        new(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = cluster.CreateDatabase(),
        }, null);

    /// <summary>These settings with <paramref name="more"/> added.</summary>
    public Dictionary<string, string?> With(IEnumerable<KeyValuePair<string, string?>> more)
    {
        var all = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>
    /// The column names of <paramref name="table"/> in order, from the shape of an empty result: works on both providers, where
    /// SQLite's <c>pragma_table_info</c> and PostgreSQL's <c>information_schema</c> would each work on one.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ColumnsAsync(IDatabase database, string table)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    public void Dispose() => _temp?.Dispose();
}
