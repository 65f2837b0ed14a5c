using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Benchmarks.Core;

/// <summary>
/// Each core command through the real dispatcher, warm: knowledge loaded, search index built, SQLite file migrated and
/// holding the member's progress. Targets (issue #2): knowledge commands &lt; 1 ms, /ask &lt; 5 ms, /progress mark &lt; 5 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HandlerBenchmarks
{
    private BenchCore _core = null!;

    [Params("/help", "/roadmap", "/roadmap foundations", "/salary", "/salary entry", "/skills frameworks", "/resources certifications",
        "/ask how much does an entry level engineer earn", "/progress show", "/progress mark roadmap.foundations.math done")]
    public string Command { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _core = new BenchCore();
        _core.Type("/progress mark roadmap.foundations.sql learning").GetAwaiter().GetResult();
        _core.Type("/ask warm up the index").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _core.Dispose();

    [Benchmark]
    public Task Warm() => _core.Type(Command);
}

/// <summary>
/// <see cref="HandlerBenchmarks"/> repeats one member's command, so /roadmap, /salary, /skills and /resources measure handing
/// out a reused reply. These build the reply every time: each invocation is a member the bot has not seen since start-up
/// (progress read from SQLite, roadmap built), or, for the knowledge commands, a freshly built answer for the current snapshot.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FirstViewBenchmarks
{
    private BenchCore _core = null!;
    private int _member;

    [GlobalSetup]
    public void Setup()
    {
        _core = new BenchCore();
        _core.Type("/roadmap").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _core.Dispose();

    [Benchmark(Description = "/roadmap, a member's first")]
    public Task RoadmapForANewMember() => _core.Type("/roadmap", new MemberKey("bench", "", "m" + _member++));

    [Benchmark(Description = "/roadmap foundations, a member's first")]
    public Task StageForANewMember() => _core.Type("/roadmap foundations", new MemberKey("bench", "", "m" + _member++));

    [Benchmark(Description = "/skills frameworks, built")]
    public BotReply SkillsBuilt() => EntryReplies.Full(_core.Knowledge.Current.Find(KnowledgeKinds.SkillArea, "frameworks")!, _core.Knowledge.Current);
}

/// <summary>
/// The first command after start-up: fresh services each iteration, so knowledge is loaded and validated, the FTS5 index built
/// (for /ask) and the database opened and migrated inside the measurement.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, iterationCount: 15)]
[MemoryDiagnoser]
public class ColdHandlerBenchmarks
{
    private BenchCore _core = null!;

    [Params("/roadmap", "/salary", "/ask how much does an entry level engineer earn", "/progress mark roadmap.foundations.math done")]
    public string Command { get; set; } = "";

    [IterationSetup]
    public void Setup() => _core = new BenchCore();

    [IterationCleanup]
    public void Cleanup() => _core.Dispose();

    [Benchmark]
    public Task Cold() => _core.Type(Command);
}
