using System.Text;
using System.Text.RegularExpressions;

namespace MlMentorBot.Core.Knowledge;

/// <summary>A word of a question the index did not know, and the indexed word it was read as.</summary>
public sealed record QueryCorrection(string Typed, string Understood);

/// <summary>A question as the index reads it: the words searched for (OR), and any typo corrections made.</summary>
/// <remarks><see cref="Aliases"/> are entry aliases the question names outright ("online courses", "sql"); they count extra.</remarks>
public sealed record SearchQuery(IReadOnlyList<string> Terms, IReadOnlyList<QueryCorrection> Corrections)
{
    /// <summary>Entry aliases named outright in the question; empty when none.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// Share of the question's content words the knowledge knows at all (0–1). "best pizza topping" knows one word of two:
    /// a question mostly made of words the files never use is off-topic, however well its one known word scores.
    /// </summary>
    public double Coverage { get; init; }

    /// <summary>Every word of the question as typed (lowercase, stop words included), for telling what kind of question it is.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>
    /// Content words the knowledge never uses and that no correction, synonym or entry's listed questions
    /// (<see cref="KnowledgeEntry.Questions"/>) explain ("nurse", "guitar").
    /// </summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];

    /// <summary>
    /// True when the question names the field itself (ml, mle, machine learning, ai, data…), an ML library (PyTorch,
    /// TensorFlow, Keras, scikit-learn) or an ML technique (decision trees, clustering, NLP…): words that rank nothing or
    /// name one entry, but tell a question about an ML career from "salary of a nurse" or "bootcamp for the army", so an
    /// unknown word beside them is the asker's own ("is keras dead").
    /// </summary>
    public bool NamesTheField { get; init; }

    /// <summary>
    /// The question's content words as typed (after corrections), each with its canonical word when a synonym gives one:
    /// what an answer has to speak about. <see cref="Terms"/> is the same words flattened for searching.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Concepts { get; init; } = [];

    /// <summary>
    /// The topics of any entry's <see cref="KnowledgeEntry.NotCovered"/> list that the question names as whole words (or as
    /// their plural), lowercase, in no particular order; empty when none.
    /// </summary>
    public IReadOnlyList<string> NotCovered { get; init; } = [];
}

/// <summary>A passage found by <see cref="KnowledgeSearchIndex.Search(string, int)"/>: bm25 <paramref name="Score"/> is negative, lower is better.</summary>
public sealed record SearchHit(KnowledgeEntry Entry, string? Heading, string Markdown, double Score, RoadmapStep? Step);

/// <summary>
/// Full-text index over one knowledge snapshot's sections, roadmap steps and salary figures: an immutable in-memory
/// <see cref="Bm25Index"/> (inflections stemmed, bm25 with column weights: title and aliases above headings above body), built once
/// when the snapshot is first searched (the knowledge service does it on load and reload, off the request path) and swapped
/// with the snapshot. Issue #14: the SQLite FTS5 query it replaced took 0.1–0.3 ms of a /ask; this ranks in a few
/// microseconds, with no lock, so concurrent questions never wait for each other.
/// </summary>
public sealed partial class KnowledgeSearchIndex
{
    /// <summary>
    /// bm25 weights of <see cref="Columns"/>' columns: entry title, aliases (and key), heading (or the entry summary), body,
    /// tags. An occurrence in a title counts six times one in the body.
    /// </summary>
    internal static readonly IReadOnlyList<double> ColumnWeights = [6.0, 5.0, 3.0, 1.0, 2.0];

    /// <summary>Index of the aliases column in <see cref="Columns"/>: a named alias is searched there a second time.</summary>
    internal const int AliasColumn = 1;

    private readonly List<(KnowledgeEntry Entry, string? Heading, string Body, RoadmapStep? Step)> _rows = [];
    private readonly List<IReadOnlyList<string?>> _columns = [];
    private readonly Bm25Index _bm25;
    private readonly IReadOnlyDictionary<string, string> _synonyms;
    /// <summary>Phrase synonyms as matched, each padded with a space either side: (" data prep ", " preprocessing ").</summary>
    private readonly List<(string Variant, string Canonical)> _phrases;
    private readonly Dictionary<string, int> _vocabulary;
    /// <summary>
    /// <see cref="_vocabulary"/> by first letter, in its order: a typo is mended only to a word with the same first letter, so
    /// <see cref="Correct"/> looks at one letter's words rather than the whole vocabulary (round 31: a long message's unknown
    /// words had cost about 10 µs each).
    /// </summary>
    private readonly Dictionary<char, (string Word, int Count)[]> _vocabularyByFirstLetter;
    private readonly PhrasesByFirstWord<AliasName> _aliases;
    private readonly HashSet<string> _memberWords;
    private readonly Dictionary<string, KnowledgeEntry> _examples;
    private readonly PhrasesByFirstWord<(string Phrase, string Plural, string Topic)> _notCovered;

    internal KnowledgeSearchIndex(IReadOnlyList<KnowledgeEntry> entries, IReadOnlyDictionary<string, string> synonyms)
    {
        _synonyms = synonyms;
        // Longest first, so "side projects" wins over "side project".
        // Kept padded with the spaces they are matched between, so a question builds no string per phrase.
        _phrases = synonyms.Where(kv => kv.Key.Contains(' ', StringComparison.Ordinal))
            .Select(kv => (" " + kv.Key.ToLowerInvariant() + " ", " " + kv.Value.ToLowerInvariant() + " "))
            .OrderByDescending(p => p.Item1.Length).ToList();
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
                _columns.Add([entry.Title, aliases, heading ?? entry.Summary, body, tags]);
            }
        }

        _bm25 = new Bm25Index(_columns, ColumnWeights, PorterStemmer.StemInflections);
        _aliases = new(entries.SelectMany(e => e.Aliases).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(a => new AliasName(Padded(a), Padded(a).TrimEnd() + "s ", a, Word().Matches(a.ToLowerInvariant()).All(m => StopWords.Contains(m.Value)))),
            a => a.Phrase, a => a.Plural);
        // Members' own words around the field (every entry's listed questions): "cv", "overwhelming", "resume" are not
        // another topic the way "nurse" or "guitar" are.
        _memberWords = entries.SelectMany(e => e.Questions).SelectMany(q => QuestionWords(q.Text))
            .Where(w => !StopWords.Contains(w)).Select(PorterStemmer.StemInflections).ToHashSet(StringComparer.Ordinal);
        _notCovered = new(entries.SelectMany(e => e.NotCovered).Distinct(StringComparer.Ordinal)
            .Select(t => (Padded(t), Padded(t).TrimEnd() + "s ", t)), n => n.Phrase, n => n.Plural);
        _examples = new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var question in entry.Questions)
            {
                _examples.TryAdd(QuestionKey(question.Text), entry);
            }
        }

        // Typos are corrected towards the words that name things (titles, aliases, keys, tags, synonyms), not towards every
        // body word: "bread" must not become "read".
        _vocabulary = VocabularyOf(entries.SelectMany(e => e.Aliases.Concat(e.Tags).Append(e.Title).Append(e.Key.Replace('-', ' ')))
            .Concat(synonyms.Keys).Concat(synonyms.Values));
        _vocabularyByFirstLetter = _vocabulary.GroupBy(kv => kv.Key[0]).ToDictionary(g => g.Key, g => g.Select(kv => (kv.Key, kv.Value)).ToArray());
    }

    /// <summary>Every indexed passage's columns, in <see cref="ColumnWeights"/> order; row i is passage i.</summary>
    internal IReadOnlyList<IReadOnlyList<string?>> Columns => _columns;

    /// <summary>The content words of a question after dropping stop words, mapping synonyms and correcting typos.</summary>
    public IReadOnlyList<string> Terms(string question) => Interpret(question).Terms;

    /// <summary>
    /// Reads a question the way the index needs it: money signs count as "money"; multi-word synonyms ("where to learn",
    /// "boot camp") become their canonical word; stop words go; each word is searched as typed plus its canonical word
    /// ("pay" → pay, salary); a word the index has never seen is corrected to the nearest word that names something (a title,
    /// alias, key, tag or synonym: "salery" → salary) with the same first letter: one edit for words of five to seven
    /// letters, two for longer ones, none for shorter ones; ties go to the more frequent word.
    /// </summary>
    public SearchQuery Interpret(string question)
    {
        var lowered = question.ToLowerInvariant().Replace('’', '\'');
        foreach (var reading in Readings)
        {
            lowered = reading.Apply(lowered);
        }

        // Words only, so a phrase next to punctuation ("…like head of ml?", "boot camp, or") is still the phrase; the aliases
        // below are matched on the same padded words.
        var padded = Padded(lowered);
        var text = padded;
        foreach (var (variant, canonical) in _phrases)
        {
            text = text.Replace(variant, canonical, StringComparison.Ordinal);
        }

        var terms = new List<string>();
        var unknown = new List<string>();
        var corrections = new List<QueryCorrection>();
        var concepts = new List<IReadOnlyList<string>>();
        // Every word read as another, typos mended ("machin lerning" → "machine learning", "kagle" → "kaggle"), for telling
        // whether the question names the field; unlike the corrections, also stop words, other spellings and words of the
        // same stem.
        List<QueryCorrection>? mends = null;
        int contentWords = 0, knownWords = 0;
        var matches = Word().Matches(text);
        // Read only for a question that says "vs": most never do, and this runs on every question.
        bool? comparesRoles = null;
        foreach (var typed in HyphensSplit(matches))
        {
            // "don't", "what's" → dont, whats, which are stop words.
            var word = typed.Replace("'", "", StringComparison.Ordinal).Trim('-');
            if (word.Length == 0 || StopWords.Contains(word) || (word is "vs" or "versus" && !(comparesRoles ??= ComparesRoles().IsMatch(lowered))))
            {
                continue;
            }

            // One lookup per word decides both whether it may be a mistyped stop word and whether it is known.
            var known = _synonyms.ContainsKey(word) || IsIndexed(word);
            if (!known && StopWordMistyped(word) is { } stopWord)
            {
                (mends ??= []).Add(new QueryCorrection(word, stopWord));
                continue;
            }

            contentWords++;
            if (known)
            {
                knownWords++;
            }
            else if (SpellingVariant(word) is { } variant)
            {
                // The same word in the other spelling or as its verb ("normalisation", "normalization" → normalise): not a
                // typo, so not shown as one.
                (mends ??= []).Add(new QueryCorrection(word, variant));
                word = variant;
                knownWords++;
            }
            else if (Correct(word) is { } corrected)
            {
                // "group" for "groups" is the same word, not a typo to point out.
                if (PorterStemmer.StemInflections(corrected) != PorterStemmer.StemInflections(word))
                {
                    corrections.Add(new QueryCorrection(word, corrected));
                }

                (mends ??= []).Add(new QueryCorrection(word, corrected));
                word = corrected;
                knownWords++;
            }
            else if (!_memberWords.Contains(PorterStemmer.StemInflections(word)) && !IsNumber(word) && !VerdictWords.Contains(word))
            {
                // A word members use when asking about the field ("resume", "overwhelming") or judge a claim by ("legit",
                // "believable") is their own talk, not another topic; it still counts as a word the knowledge does not know
                // (Coverage).
                unknown.Add(word);
            }

            terms.Add(word);
            if (_synonyms.TryGetValue(word, out var canonical))
            {
                terms.Add(canonical);
                concepts.Add([word, canonical]);
            }
            else
            {
                concepts.Add([word]);
            }
        }

        // Where the member lives is context unless pay is asked (Places).
        if (unknown.Count > 0 && !concepts.Any(c => c[^1] == "salary"))
        {
            knownWords += unknown.RemoveAll(Places.Contains);
        }

        // An alias made only of generic words ("ml engineer", "how much") names its entry only when nothing more specific does,
        // and only when the question is about that name ("what is an mle", "is mle just a software engineer…") or says
        // nothing else: in "how do i network as an ml engineer" or "remote ml engineer salary" it is just the asker's field.
        // An alias named through a synonym counts too: "sklearn" names scikit-learn, "certs" certifications.
        // So does one typed with a typo the search mended ("shud i do a bootcmap or masers degre"), even in a word the search
        // then drops ("wat even is a machine lerning engineer", round 27).
        // A stop word stays itself: "learning" in "wat is a machine learning enginer exactly" is no "resources" (round 29).
        var canonicalText = " " + string.Join(' ', matches.Select(m => Mended(m.Value, mends ?? corrections) is var w && w != m.Value ? w
            : !StopWords.Contains(m.Value) && _synonyms.TryGetValue(m.Value, out var to) ? to.ToLowerInvariant() : m.Value)) + " ";
        // The words of both, so the few aliases whose first word the question has are the only ones searched for (round 31:
        // searching every alias in a long message had cost about 60 µs).
        var paddedWords = SpacedWords(padded);
        var canonicalWords = SpacedWords(canonicalText);
        var named = _aliases.Among(paddedWords, canonicalWords).Where(a => Says(padded, paddedWords, a.Phrase) || Says(canonicalText, canonicalWords, a.Phrase)
            || (Says(padded, paddedWords, a.Plural) && (!a.IsGeneric || SaysAfterAWhatClause(padded, a.Plural)))).ToList();
        named = WithoutTheAlternative(padded, named, _synonyms);
        var aliases = (named.Any(a => !a.IsGeneric) ? named.Where(a => !a.IsGeneric)
            : named.Where(a => terms.Count == 0 || AsksWhatItIs(padded, a.Phrase))).Select(a => a.Alias).ToList();
        return new SearchQuery(terms.Distinct().ToList(), corrections)
        {
            Aliases = aliases,
            Coverage = contentWords == 0 ? (aliases.Count > 0 ? 1 : 0) : (double)knownWords / contentWords,
            Words = Word().Matches(lowered).Select(m => m.Value.Replace("'", "", StringComparison.Ordinal)).ToList(),
            NamesTheField = FieldWords().IsMatch(lowered) || (unknown.Count <= 1 && ThisField().IsMatch(lowered)) || (mends is not null
                && FieldWords().IsMatch(string.Join(' ', matches.Select(m => Mended(m.Value.Replace("'", "", StringComparison.Ordinal).Trim('-'), mends))))),
            Unknown = unknown,
            Concepts = concepts,
            NotCovered = _notCovered.Among(paddedWords).Where(n => Says(padded, paddedWords, n.Phrase) || Says(padded, paddedWords, n.Plural))
                .Select(n => n.Topic).ToList(),
        };
    }

    /// <summary>
    /// Finds up to <paramref name="max"/> passages matching any content word of <paramref name="question"/>, best first.
    /// Returns nothing for a question with no content words. Never throws for odd input: words without letters or digits match nothing.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string question, int max = 3) => Search(Interpret(question), max);

    /// <summary>Runs an already interpreted query (see <see cref="Interpret"/>).</summary>
    public IReadOnlyList<SearchHit> Search(SearchQuery query, int max = 3)
    {
        var phrases = PhrasesOf(query);
        if (phrases.Count == 0)
        {
            return [];
        }

        var ranked = _bm25.Search(phrases, max);
        var hits = new List<SearchHit>(ranked.Count);
        foreach (var (row, score) in ranked)
        {
            var (entry, heading, body, step) = _rows[row];
            hits.Add(new SearchHit(entry, heading, body, score, step));
        }

        return hits;
    }

    /// <summary>
    /// What a query looks for: each term anywhere (any one is enough), and each alias the question names a second time as a
    /// phrase in the aliases column, so bm25 counts it twice there.
    /// </summary>
    internal IReadOnlyList<Bm25Phrase> PhrasesOf(SearchQuery query)
    {
        var phrases = new List<Bm25Phrase>(query.Terms.Count + query.Aliases.Count);
        var searched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in query.Terms)
        {
            // A word and its synonym's canonical word that stem alike ("companies", "company") are one word to bm25:
            // searched twice, it would count twice and outweigh the question's other words.
            if (searched.Add(string.Join(' ', _bm25.Tokens(term))))
            {
                phrases.Add(new Bm25Phrase(term));
            }
        }

        foreach (var alias in query.Aliases)
        {
            phrases.Add(new Bm25Phrase(alias, AliasColumn));
        }

        return phrases;
    }

    /// <summary>
    /// The entry whose front matter lists <paramref name="question"/> (compared by <see cref="QuestionKey"/>: case, punctuation
    /// and spacing aside); null when none does.
    /// </summary>
    public KnowledgeEntry? ListedUnder(string question) => _examples.GetValueOrDefault(QuestionKey(question));

    /// <summary>A question's words, lowercase, apostrophes dropped, joined by single spaces: "What's an MLE?" → "whats an mle".</summary>
    public static string QuestionKey(string question) => string.Join(' ', QuestionWords(question));

    /// <summary>A question's words as the listed questions are read: lowercase, curly and straight apostrophes dropped, no edge hyphens.</summary>
    private static IEnumerable<string> QuestionWords(string question) =>
        Word().Matches(question.ToLowerInvariant().Replace('’', '\''))
            .Select(m => m.Value.Replace("'", "", StringComparison.Ordinal).Trim('-')).Where(w => w.Length > 0);

    /// <summary>
    /// The stop word <paramref name="word"/> is when typed with one slip after its first letter: a doubled letter single or
    /// a single one doubled ("actualy", "reallly"; round 23: "How do I find a mentor outside of work who would actualy
    /// respond to me?" was turned away for "actualy"), two neighbouring letters swapped ("machien"), or a letter left out
    /// ("machin lerning", round 24: "wat does a machin lerning enginer do evryday" was turned away as naming no field).
    /// Only words of five letters or more; a letter changed for another is too loose ("cold" is one letter from "could"),
    /// and none over 40, which no stop word is near. Null when it is none.
    /// </summary>
    private static string? StopWordMistyped(string word)
    {
        if (word.Length is < 5 or > 40)
        {
            return null;
        }

        // Each variant is built in one buffer and looked up as a span: no string per try.
        var stopWords = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[word.Length + 1];
        for (var i = 0; i < word.Length; i++)
        {
            if (i + 1 < word.Length && word[i] == word[i + 1])
            {
                word.AsSpan(0, i).CopyTo(buffer);
                word.AsSpan(i + 1).CopyTo(buffer[i..]);
                if (stopWords.TryGetValue(buffer[..(word.Length - 1)], out var single))
                {
                    return single;
                }
            }

            if (i == 0)
            {
                continue;
            }

            // A letter left out before position i (or at the end, for the last i), then two letters swapped.
            for (var at = i; at <= (i == word.Length - 1 ? i + 1 : i); at++)
            {
                word.AsSpan(0, at).CopyTo(buffer);
                word.AsSpan(at).CopyTo(buffer[(at + 1)..]);
                for (var letter = 'a'; letter <= 'z'; letter++)
                {
                    buffer[at] = letter;
                    if (stopWords.TryGetValue(buffer[..(word.Length + 1)], out var whole))
                    {
                        return whole;
                    }
                }
            }

            if (i + 1 < word.Length && word[i] != word[i + 1])
            {
                word.AsSpan().CopyTo(buffer);
                (buffer[i], buffer[i + 1]) = (word[i + 1], word[i]);
                if (stopWords.TryGetValue(buffer[..word.Length], out var swapped))
                {
                    return swapped;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="typed"/> and <paramref name="candidate"/>, two edits apart and of one length, differ by
    /// letters changed in place: that is another word ("concepts" and "contests", "supervisor" and "supervised"), not a
    /// slip. A slip moves a letter ("begginer" for "beginner": one dropped, one added further on) or swaps two side by
    /// side, which the distance already counts as one. Nor is a word that holds the other with two letters side by side
    /// added inside it ("messaging" and "messing"): a slip adds or drops one letter at a time. Two at the end are an ending
    /// ("naturally" is natural, "production-y" production).
    /// </summary>
    private static bool IsAnotherWord(string typed, string candidate, int distance)
    {
        if (distance == 2 && Math.Abs(typed.Length - candidate.Length) == 2)
        {
            var (longer, shorter) = typed.Length > candidate.Length ? (typed, candidate) : (candidate, typed);
            for (var i = 1; i < shorter.Length; i++)
            {
                if (longer.AsSpan(0, i).SequenceEqual(shorter.AsSpan(0, i)) && longer.AsSpan(i + 2).SequenceEqual(shorter.AsSpan(i)))
                {
                    return true;
                }
            }

            return false;
        }

        if (distance != 2 || typed.Length != candidate.Length)
        {
            return false;
        }

        var first = 0;
        while (typed[first] == candidate[first])
        {
            first++;
        }

        var last = typed.Length - 1;
        while (typed[last] == candidate[last])
        {
            last--;
        }

        // The letters between the first and last difference, shifted by one either way, are the same when a letter moved.
        var a = typed.AsSpan(first, last - first + 1);
        var b = candidate.AsSpan(first, last - first + 1);
        return !a[1..].SequenceEqual(b[..^1]) && !a[..^1].SequenceEqual(b[1..]);
    }

    /// <summary>True when the word (after stemming its inflections) occurs anywhere in the index.</summary>
    private bool IsIndexed(string word) => _bm25.Contains(word);

    /// <summary>
    /// <paramref name="word"/> in British or American spelling, or an -isation/-ization noun as its verb, when the index
    /// holds that form and not the typed one: "normalisation" and "normalization" → normalise, "specialize" → specialise,
    /// "analyze" → analyse; or without "re" ("relearn" → learn). Null when no such form is indexed.
    /// </summary>
    private string? SpellingVariant(string word)
    {
        foreach (var (from, to) in SpellingSwaps)
        {
            if (word.EndsWith(from, StringComparison.Ordinal) && word.Length > from.Length + 2)
            {
                var variant = word[..^from.Length] + to;
                if (_synonyms.ContainsKey(variant) || IsIndexed(variant))
                {
                    return variant;
                }
            }
        }

        // Doing it again is doing it: "do i need to relearn everything" (round 24: turned away for "relearn"). Only a verb
        // "re" makes again: "will ai replace software engineers" had read "place" (round 29).
        if (DoneAgain().IsMatch(word) && (_synonyms.ContainsKey(word[2..]) || IsIndexed(word[2..])))
        {
            return word[2..];
        }

        return null;
    }

    /// <summary>A verb of doing something again, with its inflections: relearn, restarting, rebuilt, retrained, rewrites.</summary>
    [GeneratedRegex(@"^re(?:learn|start|build|built|train|write|wrote|written|think|thought|apply|applie|take|took|visit|tool|study|studie|read|launch|enter|join|watch|code|design|skill)(?:s|d|ed|ing|n)?$")]
    private static partial Regex DoneAgain();

    private string? Correct(string word)
    {
        // A word of a name (a word of a phrase synonym such as "recruiters look for") is spelt right: no "you typed" note.
        if (word.Length < 5 || word.Any(char.IsDigit) || _vocabulary.ContainsKey(word))
        {
            return null;
        }

        var allowed = word.Length < 8 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestDropped = false;
        var bestCount = 0;
        // Members' typos rarely change a word's first letter, and a word that differs there is usually another word: "retail"
        // is not "detail".
        if (!_vocabularyByFirstLetter.TryGetValue(word[0], out var sameFirstLetter))
        {
            return null;
        }

        foreach (var (candidate, count) in sameFirstLetter)
        {
            if (Math.Abs(candidate.Length - word.Length) > allowed)
            {
                continue;
            }

            // At the same distance, a letter left out is the likelier slip ("feture" is "feature" more than "future"), then
            // the word the knowledge uses more.
            var distance = Commands.CloseMatches.Distance(word, candidate);
            var dropped = candidate.Length == word.Length + distance;
            if (distance <= allowed && !IsAnotherWord(word, candidate, distance)
                && (distance < bestDistance || (distance == bestDistance && (dropped && !bestDropped || (dropped == bestDropped && count > bestCount)))))
            {
                (best, bestDistance, bestDropped, bestCount) = (candidate, distance, dropped, count);
            }
        }

        return best;
    }

    /// <summary>
    /// The question's words, a compound the index does not know read as its parts ("on-the-job experience", "job-ready",
    /// "in-person events", "ready-made toolkits": round 27, each had turned its question away as a word the knowledge
    /// never uses). A compound the index knows ("scikit-learn", "entry-level", "self-taught") stays whole, and so does one
    /// with a part it does not know ("semi-supervised": the sources never speak of it).
    /// </summary>
    private IEnumerable<string> HyphensSplit(MatchCollection matches)
    {
        foreach (Match m in matches)
        {
            var word = m.Value.Trim('-');
            var parts = word.Contains('-', StringComparison.Ordinal) && !_synonyms.ContainsKey(word) && !IsIndexed(word)
                ? word.Split('-', StringSplitOptions.RemoveEmptyEntries) : null;
            if (parts is null || !parts.All(p => StopWords.Contains(p) || _synonyms.ContainsKey(p) || IsIndexed(p) || IsNumber(p)))
            {
                yield return m.Value;
                continue;
            }

            foreach (var part in parts)
            {
                yield return part;
            }
        }
    }

    /// <summary>The word as the search understood it when <paramref name="corrections"/> mended it, else as typed.</summary>
    private static string Mended(string word, List<QueryCorrection> corrections)
    {
        foreach (var correction in corrections)
        {
            if (correction.Typed == word)
            {
                return correction.Understood;
            }
        }

        return word;
    }

    /// <summary>
    /// A number ("2024", "35", "150k", "10h") or an ordinal ("after 12th", "2nd year"): a year, an age, an amount or a
    /// school year, never someone else's topic.
    /// </summary>
    private static bool IsNumber(string word) => char.IsDigit(word[0])
        && (word.TrimEnd('k', 'h', 's', '+').All(c => char.IsDigit(c) || c == '-')
            || (word.Length > 2 && word[^2..] is "st" or "nd" or "rd" or "th" && word[..^2].All(char.IsDigit)));

    /// <summary>
    /// "is statistics important for ml engineers or just for data scientists", "do mles do feature engineering or is that
    /// data scientist territory": a specific name after the question's "or" that only offers the alternative, when a specific
    /// name comes before it, is not what the question is about. A name typed as a synonym counts where it is typed ("sql for
    /// mle, is it important or just a ds thing": "ds" is the data scientist). So is one after "or can i (mostly) just…" ("is
    /// communication really that important or can I mostly just code", round 27).
    /// </summary>
    private static List<AliasName> WithoutTheAlternative(string padded, List<AliasName> named, IReadOnlyDictionary<string, string> synonyms)
    {
        var or = AlternativeOr().Match(padded);
        if (!or.Success)
        {
            return named;
        }

        int At(AliasName a)
        {
            var at = padded.IndexOf(a.Phrase, StringComparison.Ordinal);
            at = at >= 0 ? at : padded.IndexOf(a.Plural, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at;
            }

            var canonical = a.Phrase.Trim();
            return synonyms.Where(s => s.Value.Equals(canonical, StringComparison.OrdinalIgnoreCase))
                .Select(s => padded.IndexOf(" " + s.Key + " ", StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        }

        return named.Any(a => !a.IsGeneric && At(a) >= 0 && At(a) < or.Index)
            ? named.Where(a => a.IsGeneric || At(a) < 0 || At(a) < or.Index).ToList()
            : named;
    }

    [GeneratedRegex(@" or (?:just|is that|is it|more|mostly|can i (?:mostly |just )?|do i (?:also |still |really )?need)\b")]
    private static partial Regex AlternativeOr();

    /// <summary>
    /// An entry alias as the question reader matches it: <paramref name="Phrase"/> and <paramref name="Plural"/> padded with
    /// spaces (" data scientist ", " data scientists "), and whether it is made only of generic words ("ml engineer").
    /// </summary>
    private sealed record AliasName(string Phrase, string Plural, string Alias, bool IsGeneric);

    /// <summary>
    /// Phrases padded with spaces (as <see cref="Padded"/> makes them: aliases, not-covered topics), found by their first
    /// word: <see cref="Says"/> needs that word among the text's, so only the few phrases whose first word a question has
    /// are tried. Trying each of some 330 topics and 220 aliases in turn had cost about 130 µs per read of a 317-character
    /// message (round 35).
    /// </summary>
    private sealed class PhrasesByFirstWord<T>
    {
        private readonly T[] _items;
        private readonly Dictionary<string, int[]> _byFirstWord;
        private readonly int[] _always;

        /// <param name="items">The phrases' holders, in the order <see cref="Among"/> gives them back.</param>
        /// <param name="phrases">Each item's padded phrases (the phrase, its plural): an item is listed under each's first word.</param>
        public PhrasesByFirstWord(IEnumerable<T> items, params Func<T, string>[] phrases)
        {
            _items = items.ToArray();
            var firstWords = Enumerable.Range(0, _items.Length)
                .SelectMany(i => phrases.Select(phrase => (Word: FirstWordOf(phrase(_items[i])) is { IsEmpty: false } first ? first.ToString() : null, Index: i)))
                .ToList();
            _byFirstWord = firstWords.Where(f => f.Word is not null).GroupBy(f => f.Word!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.Index).Distinct().ToArray(), StringComparer.Ordinal);
            _always = firstWords.Where(f => f.Word is null).Select(f => f.Index).Distinct().ToArray();
        }

        /// <summary>
        /// Every item one of whose phrases starts with a word among <paramref name="words"/> (sets of a text's
        /// <see cref="SpacedWords"/>), in the items' order; callers still check with <see cref="Says"/>.
        /// </summary>
        public List<T> Among(params HashSet<string>[] words)
        {
            var found = new List<int>(_always);
            foreach (var set in words)
            {
                foreach (var word in set)
                {
                    if (_byFirstWord.TryGetValue(word, out var indices))
                    {
                        found.AddRange(indices);
                    }
                }
            }

            found.Sort();
            var items = new List<T>(found.Count);
            for (var i = 0; i < found.Count; i++)
            {
                if (i == 0 || found[i] != found[i - 1])
                {
                    items.Add(_items[found[i]]);
                }
            }

            return items;
        }
    }

    /// <summary>The space-separated words of <paramref name="spaced"/> (a padded text, such as <see cref="Padded"/> returns).</summary>
    private static HashSet<string> SpacedWords(string spaced) =>
        spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="spaced"/> says <paramref name="phrase"/> (both padded with spaces), looking for it only when its
    /// first word is among <paramref name="words"/>, the text's <see cref="SpacedWords"/>: a phrase found between spaces starts
    /// with one of them.
    /// </summary>
    private static bool Says(string spaced, HashSet<string> words, string phrase)
    {
        var first = FirstWordOf(phrase);
        return (first.IsEmpty || words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(first))
            && spaced.Contains(phrase, StringComparison.Ordinal);
    }

    /// <summary>
    /// The first word of a padded phrase, which <see cref="Says"/> looks for among a text's words and
    /// <see cref="PhrasesByFirstWord{T}"/> files the phrase under; empty for a phrase of no word followed by a space, which is
    /// looked for in every text.
    /// </summary>
    private static ReadOnlySpan<char> FirstWordOf(string phrase)
    {
        var trimmed = phrase.AsSpan().TrimStart(' ');
        var end = trimmed.IndexOf(' ');
        return end <= 0 ? [] : trimmed[..end];
    }

    /// <summary>
    /// "what is…", "whats…", "wat even is…", "is mle just…", or a clause asking it ("how do i explain what an ml engineer
    /// does"): a question about what a name means.
    /// </summary>
    private static bool AsksWhatItIs(string padded, string aliasPhrase) =>
        padded.StartsWith(" what ", StringComparison.Ordinal) || padded.StartsWith(" whats ", StringComparison.Ordinal)
        || padded.StartsWith(" what's ", StringComparison.Ordinal) || padded.StartsWith(" wat ", StringComparison.Ordinal)
        || padded.StartsWith(" is" + aliasPhrase, StringComparison.Ordinal)
        || (padded.Contains(aliasPhrase, StringComparison.Ordinal) && SaysAfterAWhatClause(padded, aliasPhrase));

    /// <summary>
    /// True when <paramref name="phrase"/> (spaced, as <see cref="AliasName"/> holds it) follows one of the
    /// <see cref="WhatClauseOpenings"/>. Callers check first that the phrase occurs at all: the joined strings are built
    /// only then, not for every alias of every question.
    /// </summary>
    private static bool SaysAfterAWhatClause(string padded, string phrase) =>
        WhatClauseOpenings.Any(opening => padded.Contains(opening + phrase, StringComparison.Ordinal));

    /// <summary>
    /// How a clause asking what a name is opens, right before the name: "i still dont get what ml engineers do", "explain
    /// what an mle is". The plural counts there ("what ml engineers do"), not elsewhere ("what industries hire ml engineers").
    /// </summary>
    private static readonly string[] WhatClauseOpenings = [" what", " what a", " what an", " what is", " what is a", " what is an", " what exactly", " what are", " what r", " wat", " wat are", " wat r", " wat is", " wat is a", " wat is an"];

    /// <summary>Lowercase words separated by single spaces, with a space at each end, for whole-phrase matching.</summary>
    internal static string Padded(string text) => " " + string.Join(' ', Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)) + " ";

    /// <summary>Words of <paramref name="texts"/> (four letters or more, not stop words) with how often each occurs.</summary>
    private static Dictionary<string, int> VocabularyOf(IEnumerable<string> texts)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match m in Word().Matches(text.ToLowerInvariant()))
            {
                var word = m.Value.Trim('\'', '-');
                if (word.Length >= 4 && !StopWords.Contains(word) && !word.Any(char.IsDigit))
                {
                    vocabulary[word] = vocabulary.GetValueOrDefault(word) + 1;
                }
            }
        }

        return vocabulary;
    }
}
