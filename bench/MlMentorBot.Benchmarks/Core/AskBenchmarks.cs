using BenchmarkDotNet.Attributes;
using MlMentorBot.Core.Knowledge;

namespace MlMentorBot.Benchmarks.Core;

/// <summary>
/// <c>/ask</c> through the real dispatcher, warm (knowledge loaded, FTS5 index built): a question answered from a section, a
/// pay question answered with its figure, a question answered from a roadmap step, an off-topic near-miss that gets the honest
/// reply, and a typo that is corrected. Goal (issue #14): median under 1 ms. <see cref="Compose"/> is the search and ranking
/// alone, without the dispatcher and reply.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AskBenchmarks
{
    private BenchCore _core = null!;

    [Params("which certs are worth it", "new grad mle tc what should i expect", "how do i build a portfolio", "salary of a nurse",
        "whats the average salery")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _core = new BenchCore();
        _core.Type("/ask warm up the index").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _core.Dispose();

    [Benchmark(Baseline = true)]
    public Task Ask() => _core.Type("/ask " + Question);

    [Benchmark]
    public AskAnswer Compose() => AskHandler.Compose(_core.Knowledge.Current, Question);
}
