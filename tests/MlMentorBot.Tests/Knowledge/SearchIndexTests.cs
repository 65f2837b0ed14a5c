using MlMentorBot.Core.Knowledge;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Knowledge;

/// <summary>
/// Issue #14 moved /ask's search from a per-question SQLite FTS5 query into an in-memory bm25 index. These hold the new
/// engine to the old one on the real knowledge: with the Porter stemmer it makes the same tokens for every text, and finds
/// the same passages with the same scores for every question of the three question sets. (/ask itself then stems only
/// inflections, which the question sets measured better.)
/// </summary>
public sealed class SearchIndexTests : IDisposable
{
    private static KnowledgeSnapshot Snapshot => RepoPaths.KnowledgeSnapshot;

    private readonly Fts5ReferenceIndex _fts5 = new(Snapshot.Search.Columns, KnowledgeSearchIndex.ColumnWeights);
    private readonly Bm25Index _porter = new(Snapshot.Search.Columns, KnowledgeSearchIndex.ColumnWeights);

    public static IEnumerable<string> AllQuestions() =>
        AskQuestionSet.First().Concat(AskQuestionSet.Members("tune")).Concat(AskQuestionSet.Members("holdout")).Select(q => q.Question);

    [Fact]
    public void Every_text_of_the_knowledge_and_every_question_is_tokenised_and_stemmed_as_FTS5_does()
    {
        var texts = Snapshot.Search.Columns.SelectMany(c => c).OfType<string>().Distinct()
            .Concat(AllQuestions())
            // Words that exercise each Porter step (Porter's own examples) and FTS5's limits (two letters, accents, digits).
            .Append("caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping " +
                "tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci " +
                "digitizer conformabli radicalli differentli vileli analogousli vietnamization predication operator feudalism " +
                "decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize " +
                "electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible " +
                "irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous effective " +
                "bowdlerize probate rate cease controll roll ml ai 10h 2024 naïve café résumé")
            // Every accented Latin letter, each as a word of its own and inside one.
            .Append(string.Join(' ', Enumerable.Range(0xC0, 0xC0).Select(c => (char)c).Where(char.IsLetter).Select(c => $"{c} x{c}x")))
            .ToList();

        var differences = texts
            .Select(t => (Text: t, Ours: string.Join(' ', _porter.Tokens(t)), Fts5: string.Join(' ', _fts5.Tokens(t))))
            .Where(t => t.Ours != t.Fts5)
            .Select(t => $"{t.Text}\n  ours: {t.Ours}\n  fts5: {t.Fts5}")
            .ToList();

        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
    }

    [Fact]
    public void Every_question_of_the_sets_finds_the_passages_and_scores_the_FTS5_index_found()
    {
        var index = Snapshot.Search;
        var differences = new List<string>();
        var compared = 0;
        foreach (var question in AllQuestions())
        {
            var phrases = index.PhrasesOf(index.Interpret(question));
            var expected = _fts5.Search(phrases, 12);
            var actual = _porter.Search(phrases, 12);
            compared += expected.Count;
            if (expected.Count != actual.Count)
            {
                differences.Add($"{question}: FTS5 found {expected.Count}, the index {actual.Count}");
                continue;
            }

            for (var i = 0; i < expected.Count; i++)
            {
                var (row, score) = expected[i];
                // Equal scores may come in either order: compare the score always, the passage only when it is not tied.
                var tied = expected.Count(e => Math.Abs(e.Score - score) < 1e-9) > 1;
                if (Math.Abs(actual[i].Score - score) > 1e-9 * Math.Max(1, Math.Abs(score)) || !tied && actual[i].Row != row)
                {
                    differences.Add($"{question} #{i + 1}: FTS5 row {row} {score:F6}, the index row {actual[i].Row} {actual[i].Score:F6}");
                }
            }
        }

        Assert.True(compared > 1000, $"only {compared} passages compared");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
    }

    [Fact]
    public void A_phrase_matches_only_its_words_in_order_and_a_column_phrase_only_in_its_column()
    {
        var index = new Bm25Index(
            [["online courses", "free"], ["courses online", "online courses"], ["nothing here", "at all"]], [1.0, 1.0]);

        Assert.Equal([0, 1], index.Search([new Bm25Phrase("online course")], 10).Select(h => h.Row).Order());
        Assert.Equal([1], index.Search([new Bm25Phrase("online course", 1)], 10).Select(h => h.Row));
        Assert.Empty(index.Search([new Bm25Phrase("courses free")], 10));
        Assert.True(index.Contains("Online Courses"));
        Assert.False(index.Contains("courses free"));
    }

    [Theory]
    [InlineData("communities", "communiti")]
    [InlineData("community", "communiti")]
    [InlineData("communication", "communication")]
    [InlineData("networking", "network")]
    [InlineData("evaluating", "evaluate")]
    [InlineData("experience", "experience")]
    [InlineData("experiments", "experiment")]
    public void Ask_stems_inflections_only_so_communication_is_not_community(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.StemInflections(word));

    [Theory]
    [InlineData("what is an mle", "mle")]
    [InlineData("is mle just a software engineer who knows some ml", "mle")]
    [InlineData("how do i network as a wannabe ml engineer", null)]
    [InlineData("remote ml engineer salary, is it lower?", null)]
    [InlineData("what is sklearn used for", "scikit-learn")]
    public void A_generic_alias_names_its_entry_only_in_a_question_about_it_and_a_synonym_names_an_alias(string question, string? alias)
    {
        var aliases = Snapshot.Search.Interpret(question).Aliases;

        if (alias is null)
        {
            Assert.Empty(aliases);
        }
        else
        {
            Assert.Contains(alias, aliases);
        }
    }

    public void Dispose() => _fts5.Dispose();
}
