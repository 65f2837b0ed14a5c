using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core;
using MlMentorBot.Core.Commands;

namespace MlMentorBot.Benchmarks.Core;

/// <summary>The real core on a throw-away SQLite file and the repository's knowledge folder.</summary>
internal sealed class BenchCore : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mlmentorbot-bench", Guid.NewGuid().ToString("N"));

    public BenchCore()
    {
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = FindKnowledge(),
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

    public static MemberKey Member { get; } = new("discord", "81384788765712384", "80351110224678912");

    public Task Type(string line) => Dispatcher.DispatchTextAsync(line, Member, null, CancellationToken.None);

    public void Dispose()
    {
        Provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindKnowledge()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "knowledge");
            if (File.Exists(Path.Combine(dir.FullName, "MlMentorBot.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository: knowledge/ not found.");
    }
}
