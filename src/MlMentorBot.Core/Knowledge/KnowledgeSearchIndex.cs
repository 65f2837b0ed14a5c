using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace MlMentorBot.Core.Knowledge;

/// <summary>A passage found by <see cref="KnowledgeSearchIndex.Search"/>: bm25 <paramref name="Score"/> is negative, lower is better.</summary>
public sealed record SearchHit(KnowledgeEntry Entry, string? Heading, string Markdown, string Snippet, double Score, RoadmapStep? Step);

/// <summary>
/// Full-text index over one knowledge snapshot's sections and roadmap steps: an in-memory SQLite FTS5 table with the
/// <c>porter unicode61</c> tokenizer, ranked by bm25 with column weights (title and aliases above headings above body).
/// Built once per snapshot and read-only afterwards; one connection guarded by a lock (searches take microseconds).
/// </summary>
public sealed partial class KnowledgeSearchIndex : IDisposable
{
    // bm25 weights per column: entry_title, aliases, heading, body, tags (the unindexed row key has none).
    private const string Rank = "bm25(passages, 0.0, 6.0, 5.0, 3.0, 1.0, 2.0)";

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "become", "becoming", "been", "best",
        "but", "by", "can", "could", "do", "does", "for", "from", "get", "good", "have", "how", "i", "if", "in", "into", "is",
        "it", "its", "me", "more", "most", "much", "my", "need", "of", "on", "one", "or", "should", "so", "some", "that", "the",
        "their", "there", "these", "this", "to", "up", "was", "we", "what", "whats", "when", "where", "which", "who", "why",
        "will", "with", "would", "you", "your", "ml", "machine", "learning", "engineer", "engineers", "engineering",
        "tell", "know", "want", "really", "like", "s", "t", "im", "dont", "there's", "should", "give", "show", "list",
    };

    private readonly SqliteConnection _connection;
    private readonly List<(KnowledgeEntry Entry, string? Heading, string Body, RoadmapStep? Step)> _rows = [];
    private readonly IReadOnlyDictionary<string, string> _synonyms;
    private readonly Lock _gate = new();

    internal KnowledgeSearchIndex(IReadOnlyList<KnowledgeEntry> entries, IReadOnlyDictionary<string, string> synonyms)
    {
        SqliteProvider.EnsureInitialized();
        _synonyms = synonyms;
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        Execute("""
            CREATE VIRTUAL TABLE passages USING fts5(
                row_key UNINDEXED, entry_title, aliases, heading, body, tags,
                tokenize = 'porter unicode61 remove_diacritics 2');
            """);

        using var tx = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO passages VALUES ($key, $title, $aliases, $heading, $body, $tags)";
        var pKey = insert.Parameters.Add("$key", SqliteType.Integer);
        var pTitle = insert.Parameters.Add("$title", SqliteType.Text);
        var pAliases = insert.Parameters.Add("$aliases", SqliteType.Text);
        var pHeading = insert.Parameters.Add("$heading", SqliteType.Text);
        var pBody = insert.Parameters.Add("$body", SqliteType.Text);
        var pTags = insert.Parameters.Add("$tags", SqliteType.Text);
        foreach (var entry in entries.Where(e => e.Kind != KnowledgeKinds.Synonyms))
        {
            var aliases = string.Join(" ", entry.Aliases.Append(entry.Key.Replace('-', ' ')));
            var tags = string.Join(" ", entry.Tags);
            var passages = entry.Sections.Select(s => (Step: (RoadmapStep?)null, s.Heading, Body: s.Markdown))
                .Concat(entry.Steps.Select(st => (Step: (RoadmapStep?)st, Heading: (string?)st.Title, Body: st.Detail)))
                .Concat(entry.Figures.Count > 0
                    ? [(null, "Figures", string.Join("\n", entry.Figures.Select(f => $"- {f.Label}: {f.Describe()}")))]
                    : []);
            foreach (var (step, heading, body) in passages)
            {
                _rows.Add((entry, heading, body, step));
                pKey.Value = _rows.Count - 1;
                pTitle.Value = entry.Title;
                pAliases.Value = aliases;
                pHeading.Value = heading ?? entry.Summary;
                pBody.Value = body;
                pTags.Value = tags;
                insert.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    /// <summary>The content words of a question after dropping stop words and mapping synonyms to the files' words.</summary>
    public IReadOnlyList<string> Terms(string question)
    {
        var terms = new List<string>();
        foreach (Match m in Word().Matches(question.ToLowerInvariant()))
        {
            var word = m.Value.Trim('\'');
            if (word.Length == 0 || StopWords.Contains(word))
            {
                continue;
            }

            terms.Add(_synonyms.TryGetValue(word, out var canonical) ? canonical : word);
        }

        return terms.Distinct().ToList();
    }

    /// <summary>
    /// Finds up to <paramref name="max"/> passages matching any content word of <paramref name="question"/>, best first.
    /// Returns nothing for a question with no content words. Never throws for odd input: the words are quoted for FTS5.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string question, int max = 3)
    {
        var terms = Terms(question);
        if (terms.Count == 0)
        {
            return [];
        }

        var match = string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        var hits = new List<SearchHit>();
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = $"""
                SELECT row_key, {Rank} AS score, snippet(passages, 4, '**', '**', '…', 40)
                FROM passages WHERE passages MATCH $match ORDER BY score LIMIT $max
                """;
            cmd.Parameters.AddWithValue("$match", match);
            cmd.Parameters.AddWithValue("$max", max);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var (entry, heading, body, step) = _rows[reader.GetInt32(0)];
                hits.Add(new SearchHit(entry, heading, body, reader.GetString(2), reader.GetDouble(1), step));
            }
        }

        return hits;
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'+#-]*")]
    private static partial Regex Word();
}
