using System.Globalization;
using System.Text;

namespace MlMentorBot.Core.Knowledge;

/// <summary>
/// One thing to look for: the tokens of <paramref name="Text"/> in a row, consecutively (a phrase), anywhere in the row or only
/// in column <paramref name="Column"/> (0-based).
/// </summary>
internal readonly record struct Bm25Phrase(string Text, int? Column = null);

/// <summary>
/// An immutable in-memory full-text index ranked by Okapi BM25, the way SQLite FTS5's <c>bm25()</c> ranks an OR of phrases
/// over a <c>porter unicode61 remove_diacritics 2</c> table with per-column weights: same tokens, same stems, same scores (lower
/// is better; negative for a match). It replaced /ask's per-question FTS5 query (issue #14: the database round trip dominated
/// a /ask that must take under 1 ms). Built once per knowledge snapshot; searches allocate only their own buffers, so any
/// number of threads may search at once.
/// https://www.sqlite.org/fts5.html#the_bm25_function
/// </summary>
internal sealed class Bm25Index
{
    // FTS5's constants: https://www.sqlite.org/fts5.html#the_bm25_function
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Where one token occurs: row, column, position within the column.</summary>
    private readonly record struct Posting(int Row, int Column, int Position);

    private readonly Dictionary<string, Posting[]> _postings;
    private readonly string[][][] _tokens;
    private readonly double[] _weights;
    private readonly int[] _rowLength;
    private readonly Func<string, string> _stem;
    private readonly double _averageLength;

    /// <param name="rows">Each row's columns (null for an empty one); every row has one text per weight.</param>
    /// <param name="columnWeights">How much an occurrence in each column counts (FTS5's bm25 arguments); 0 ignores a column for frequency but not for length.</param>
    /// <param name="stem">Makes a lowercase token its index form: <see cref="PorterStemmer.Stem"/> (as FTS5's porter tokenizer) by default.</param>
    public Bm25Index(IReadOnlyList<IReadOnlyList<string?>> rows, IReadOnlyList<double> columnWeights, Func<string, string>? stem = null)
    {
        _stem = stem ?? PorterStemmer.Stem;
        _weights = columnWeights.ToArray();
        _tokens = new string[rows.Count][][];
        _rowLength = new int[rows.Count];
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        long total = 0;
        for (var row = 0; row < rows.Count; row++)
        {
            if (rows[row].Count != _weights.Length)
            {
                throw new ArgumentException($"Row {row} has {rows[row].Count} columns; the weights name {_weights.Length}.", nameof(rows));
            }

            _tokens[row] = new string[_weights.Length][];
            for (var column = 0; column < _weights.Length; column++)
            {
                var tokens = Tokens(rows[row][column]);
                _tokens[row][column] = tokens;
                _rowLength[row] += tokens.Length;
                for (var position = 0; position < tokens.Length; position++)
                {
                    if (!postings.TryGetValue(tokens[position], out var list))
                    {
                        postings[tokens[position]] = list = [];
                    }

                    list.Add(new Posting(row, column, position));
                }
            }

            total += _rowLength[row];
        }

        _postings = postings.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _averageLength = rows.Count == 0 ? 1 : Math.Max(1, (double)total / rows.Count);
        RowCount = rows.Count;
    }

    /// <summary>How many rows the index holds.</summary>
    public int RowCount { get; }

    /// <summary>True when some row holds the phrase <paramref name="text"/> (in any column).</summary>
    public bool Contains(string text)
    {
        var phrase = Tokens(text);
        if (phrase.Length == 0 || !_postings.TryGetValue(phrase[0], out var first))
        {
            return false;
        }

        foreach (var posting in first)
        {
            if (Continues(posting, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The up to <paramref name="max"/> rows holding at least one of <paramref name="phrases"/>, best (lowest) bm25 score first,
    /// the earlier row first on a tie. A phrase with no tokens matches nothing.
    /// </summary>
    public IReadOnlyList<(int Row, double Score)> Search(IReadOnlyList<Bm25Phrase> phrases, int max)
    {
        if (max <= 0 || RowCount == 0)
        {
            return [];
        }

        var scores = new double[RowCount];
        var matched = new bool[RowCount];
        var frequency = new double[RowCount];
        var rowsHit = new List<int>();
        foreach (var phrase in phrases)
        {
            var tokens = Tokens(phrase.Text);
            if (tokens.Length == 0 || !_postings.TryGetValue(tokens[0], out var first))
            {
                continue;
            }

            // Phrase frequency per row, each occurrence weighted by its column (FTS5 sums the weights of the instances).
            rowsHit.Clear();
            foreach (var posting in first)
            {
                if (phrase.Column is { } only && posting.Column != only || !Continues(posting, tokens))
                {
                    continue;
                }

                // Postings are in row order, so a new row is one not yet at the end of the list.
                if (rowsHit.Count == 0 || rowsHit[^1] != posting.Row)
                {
                    rowsHit.Add(posting.Row);
                }

                frequency[posting.Row] += _weights[posting.Column];
            }

            if (rowsHit.Count == 0)
            {
                continue;
            }

            // FTS5's idf: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 so a word in most rows still counts a little.
            var idf = Math.Log((0.5 + RowCount - rowsHit.Count) / (0.5 + rowsHit.Count));
            if (idf <= 0)
            {
                idf = 1e-6;
            }

            foreach (var row in rowsHit)
            {
                var f = frequency[row];
                scores[row] -= idf * (f * (K1 + 1)) / (f + K1 * (1 - B + B * _rowLength[row] / _averageLength));
                matched[row] = true;
                frequency[row] = 0;
            }
        }

        var hits = new List<(int Row, double Score)>();
        for (var row = 0; row < RowCount; row++)
        {
            if (matched[row])
            {
                hits.Add((row, scores[row]));
            }
        }

        hits.Sort((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.Row.CompareTo(b.Row));
        return hits.Count <= max ? hits : hits.GetRange(0, max);
    }

    private bool Continues(Posting start, string[] phrase)
    {
        var column = _tokens[start.Row][start.Column];
        if (start.Position + phrase.Length > column.Length)
        {
            return false;
        }

        for (var i = 1; i < phrase.Length; i++)
        {
            if (!string.Equals(column[start.Position + i], phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The stemmed tokens of <paramref name="text"/> as FTS5's <c>porter unicode61 remove_diacritics 2</c> makes them (with
    /// this index's stemmer): runs of letters, digits and private-use characters, lowercased, accents removed, each stemmed.
    /// </summary>
    public string[] Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (IsTokenChar(c))
            {
                AppendFolded(word, c);
            }
            else if (word.Length > 0)
            {
                tokens.Add(_stem(word.ToString()));
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(_stem(word.ToString()));
        }

        return tokens.ToArray();
    }

    private static bool IsTokenChar(char c) => c < 128
        ? c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        : char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse;

    /// <summary>
    /// U+00C0–U+017F (Latin-1 and Latin Extended-A) without their accents, lowercase; '.' where a letter has none to remove
    /// (æ, ð, ø, ß, ł…). The host runs with invariant globalisation, where <c>string.Normalize</c> decomposes nothing, so the
    /// letters members and the knowledge actually use (café, résumé, naïve) are folded from this table.
    /// </summary>
    private const string LatinFolds =
        "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk." +
        "llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs";

    /// <summary>Lowercase, and without its accent when it has one (é → e), as <c>remove_diacritics</c> does.</summary>
    private static void AppendFolded(StringBuilder word, char c)
    {
        var fold = c is >= '\u00C0' and <= '\u017F' ? LatinFolds[c - '\u00C0'] : '.';
        word.Append(fold != '.' ? fold : char.ToLowerInvariant(c));
    }
}
