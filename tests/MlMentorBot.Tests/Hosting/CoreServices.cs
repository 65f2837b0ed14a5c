using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.Hosting;

/// <summary>The real core (knowledge, store, handlers) without the web host: a temp SQLite file and a knowledge folder.</summary>
public sealed class CoreServices : IDisposable
{
    private readonly TempDir _temp = new();

    /// <param name="storage"><c>Storage:*</c> settings (another database, PostgreSQL); default a SQLite file of its own.</param>
    public CoreServices(string? knowledgePath = null, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? storage = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = knowledgePath ?? RepoPaths.Knowledge,
            ["Storage:DatabasePath"] = DatabasePath,
        };
        foreach (var (key, value) in storage ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(new ContentRoot(_temp.Path))
            .AddKnowledge(configuration)
            .AddProgressStore(configuration)
            .AddCommands();
        configure?.Invoke(services);
        Provider = services.BuildServiceProvider();
    }

    public ServiceProvider Provider { get; }

    public string DatabasePath => _temp.File("core.db");

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public static MemberKey Alice { get; } = new("local", "", "alice");

    /// <summary>Types a command as <paramref name="member"/> (default alice) and returns the reply.</summary>
    public Task<BotReply> TypeAsync(string line, MemberKey? member = null, bool isModerator = false) =>
        Get<ICommandDispatcher>().DispatchTextAsync(line, member ?? Alice, r => r with { IsModerator = isModerator }, CancellationToken.None);

    /// <summary>Types a command and renders the reply as the local chat shows it.</summary>
    public async Task<string> TypeTextAsync(string line, MemberKey? member = null) => PlainTextRenderer.Render(await TypeAsync(line, member));

    public void Dispose()
    {
        Provider.Dispose();
        _temp.Dispose();
    }
}
