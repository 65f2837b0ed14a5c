using BenchmarkDotNet.Attributes;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Tests.Knowledge;

namespace MlMentorBot.Benchmarks.Core;

/// <summary>
/// <c>/ask</c> through the real dispatcher, warm (knowledge loaded, index built): a question answered from a section, a pay
/// question answered with its figure, a question answered from a roadmap step, an off-topic near-miss that gets the honest
/// reply, a typo that is corrected, a question of which option to choose that the sources do not settle, and one whose
/// typos hide the field's name (round 24), and a message of context sentences whose question is composed on its own as
/// well as whole (round 26), and a chat message with a mention, Markdown, an emoji's short code and a compound read as its
/// parts (round 27), and two of round 28's: two questions turned away together, whose first is answered, and a member's
/// story after the question, which the question's own answer now leads; and two of round 29's: a long message whose real
/// question comes after a remark with a question mark, and numbered questions. Goal (issue #14): median under 1 ms.
/// <see cref="Compose"/> is the search and ranking alone, without the dispatcher and reply. <see cref="SearchFts5"/> and <see cref="SearchInMemory"/> put the search step
/// side by side: the per-question SQLite FTS5 query /ask ran before issue #14 (Fts5ReferenceIndex, the tests' reference,
/// over the same rows and weights) and the in-memory bm25 index that replaced it, both for the same question, already interpreted.
/// Run with a short job on a shared machine: <c>--filter '*AskBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AskBenchmarks
{
    private BenchCore _core = null!;
    private Fts5ReferenceIndex _fts5 = null!;
    private KnowledgeSearchIndex _index = null!;
    private SearchQuery _query = null!;
    private IReadOnlyList<Bm25Phrase> _phrases = [];

    [Params("which certs are worth it", "new grad mle tc what should i expect", "how do i build a portfolio", "salary of a nurse",
        "whats the average salery", "coursera or edx, which is better", "wat does a machin lerning enginer do evryday",
        "I've been learning Python for six months. Last week I tried a Kaggle competition and got lost at the data cleaning stage. How do I get better at preprocessing data?",
        "@here do **in-person** meetups actually matter or is it all online now? :thinking:",
        "what does testing look like for ml code and do i need ci/cd too",
        "Which ML frameworks do employers expect ML engineers to know? I'm a data analyst with a Coursera certificate in Google Data Analytics.",
        "My partner heard retail pays less? Anyway I have two offers for ML engineer roles, one at a shop chain and one at a hospital, close in money. I'm trying to think five years ahead, not just about this month, and I have student loans to pay. Does the industry you work in change how much an ML engineer earns over time?",
        "1) which math do i need for ml 2) how deep into calculus 3) is stats more important than algebra")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _core = new BenchCore();
        _core.Type("/ask warm up the index").GetAwaiter().GetResult();
        _index = _core.Knowledge.Current.Search;
        _fts5 = new Fts5ReferenceIndex(_index.Columns, KnowledgeSearchIndex.ColumnWeights);
        _query = _index.Interpret(Question);
        _phrases = _index.PhrasesOf(_query);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _fts5.Dispose();
        _core.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task Ask() => _core.Type("/ask " + Question);

    [Benchmark]
    public AskAnswer Compose() => AskHandler.Compose(_core.Knowledge.Current, Question);

    [Benchmark]
    public int SearchFts5() => _fts5.Search(_phrases, 12).Count;

    [Benchmark]
    public int SearchInMemory() => _index.Search(_query, 12).Count;
}
