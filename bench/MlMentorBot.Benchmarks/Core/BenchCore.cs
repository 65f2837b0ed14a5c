using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;

namespace MlMentorBot.Benchmarks.Core;

/// <summary>The real core on a throw-away SQLite file and the repository's knowledge folder.</summary>
internal sealed class BenchCore : IDisposable
{
    private readonly string _folder = BenchFiles.NewTempFolder();

    public BenchCore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = BenchFiles.InRepository("knowledge"),
            ["Storage:DatabasePath"] = Path.Combine(_folder, "bench.db"),
        }).Build();
        Provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new ContentRoot(_folder))
            .AddKnowledge(configuration)
            .AddProgressStore(configuration)
            .AddCommands()
            .BuildServiceProvider();
        Dispatcher = Provider.GetRequiredService<ICommandDispatcher>();
    }

    public ServiceProvider Provider { get; }

    public ICommandDispatcher Dispatcher { get; }

    public KnowledgeService Knowledge => Provider.GetRequiredService<KnowledgeService>();

    public static MemberKey Member { get; } = new("discord", "81384788765712384", "80351110224678912");

    public Task Type(string line) => Type(line, Member);

    public Task Type(string line, MemberKey member) => Dispatcher.DispatchTextAsync(line, member, null, CancellationToken.None);

    public void Dispose() => BenchFiles.Release(Provider, _folder);
}
