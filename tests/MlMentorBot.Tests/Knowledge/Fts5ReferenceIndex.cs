using System.Globalization;
using Microsoft.Data.Sqlite;
using MlMentorBot.Core.Knowledge;

namespace MlMentorBot.Tests.Knowledge;

/// <summary>
/// The SQLite FTS5 index /ask used before issue #14 moved it into memory (<see cref="Bm25Index"/>), kept as the reference the
/// in-memory index must rank exactly like: the same rows in an in-memory FTS5 table with the <c>porter unicode61
/// remove_diacritics 2</c> tokenizer, ranked by <c>bm25()</c> with the same column weights. Also compiled into the benchmarks,
/// so the old per-question query and the new index run side by side in one report.
/// </summary>
public sealed class Fts5ReferenceIndex : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _search;
    private readonly SqliteParameter _match;
    private readonly SqliteParameter _max;
    private readonly int _columns;
    private readonly Lock _gate = new();

    /// <param name="rows">Each row's column texts; every row has one text per weight.</param>
    /// <param name="weights">bm25 weight per column.</param>
    internal Fts5ReferenceIndex(IReadOnlyList<IReadOnlyList<string?>> rows, IReadOnlyList<double> weights)
    {
        MlMentorBot.Core.SqliteProvider.EnsureInitialized();
        _columns = weights.Count;
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        var names = Enumerable.Range(0, _columns).Select(i => $"c{i}").ToList();
        Execute($"CREATE VIRTUAL TABLE passages USING fts5({string.Join(", ", names)}, tokenize = 'porter unicode61 remove_diacritics 2')");
        using (var tx = _connection.BeginTransaction())
        using (var insert = _connection.CreateCommand())
        {
            insert.CommandText = $"INSERT INTO passages(rowid, {string.Join(", ", names)}) VALUES ($row, {string.Join(", ", names.Select(n => "$" + n))})";
            var row = insert.Parameters.Add("$row", SqliteType.Integer);
            var values = names.Select(n => insert.Parameters.Add("$" + n, SqliteType.Text)).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                row.Value = i;
                for (var c = 0; c < _columns; c++)
                {
                    values[c].Value = (object?)rows[i][c] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }

        // The table's configured rank, so ORDER BY rank LIMIT n sorts inside FTS5 as /ask's query did.
        var rank = "bm25(" + string.Join(", ", weights.Select(w => w.ToString("0.0###", CultureInfo.InvariantCulture))) + ")";
        Execute($"INSERT INTO passages(passages, rank) VALUES('rank', '{rank}')");
        _search = _connection.CreateCommand();
        _search.CommandText = "SELECT rowid, rank FROM passages WHERE passages MATCH $match ORDER BY rank LIMIT $max";
        _match = _search.Parameters.Add("$match", SqliteType.Text);
        _max = _search.Parameters.Add("$max", SqliteType.Integer);
        _search.Prepare();
    }

    /// <summary>Rows matching any phrase (OR), best first, as FTS5 ranks them.</summary>
    internal IReadOnlyList<(int Row, double Score)> Search(IReadOnlyList<Bm25Phrase> phrases, int max)
    {
        if (phrases.Count == 0)
        {
            return [];
        }

        var match = string.Join(" OR ", phrases.Select(p => p.Column is { } c ? $"(c{c} : {Quote(p.Text)})" : Quote(p.Text)));
        var hits = new List<(int, double)>();
        lock (_gate)
        {
            _match.Value = match;
            _max.Value = max;
            using var reader = _search.ExecuteReader();
            while (reader.Read())
            {
                hits.Add((reader.GetInt32(0), reader.GetDouble(1)));
            }
        }

        return hits;
    }

    /// <summary>Each token of <paramref name="text"/> as FTS5's porter tokenizer stems it, read back from an fts5vocab table.</summary>
    internal IReadOnlyList<string> Tokens(string text)
    {
        Execute("CREATE VIRTUAL TABLE IF NOT EXISTS probe USING fts5(t, tokenize = 'porter unicode61 remove_diacritics 2')");
        Execute("CREATE VIRTUAL TABLE IF NOT EXISTS probe_terms USING fts5vocab(probe, 'instance')");
        Execute("DELETE FROM probe");
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO probe(rowid, t) VALUES (1, $t)";
        insert.Parameters.AddWithValue("$t", text);
        insert.ExecuteNonQuery();
        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT term FROM probe_terms ORDER BY offset";
        using var reader = read.ExecuteReader();
        var tokens = new List<string>();
        while (reader.Read())
        {
            tokens.Add(reader.GetString(0));
        }

        return tokens;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _search.Dispose();
        _connection.Dispose();
    }
}
