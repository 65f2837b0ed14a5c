using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Moderation;

/// <summary>
/// The real host on a copy of the real knowledge folder that a test may edit or break, with the watcher polling every
/// second as a fallback. Commands are typed as a local member; <see cref="ModeratorAsync"/> types as a moderator.
/// </summary>
public sealed class ModerationHost : IDisposable
{
    /// <summary>
    /// Tests that start hosts run one at a time and not beside other tests: each host watches files and polls, and the
    /// concurrency test keeps every core busy on purpose, which would starve timing-sensitive tests elsewhere.
    /// </summary>
    public const string Collection = "moderation hosts";

    private readonly TempDir _knowledge = new();
    private readonly BotFactory _factory;

    public ModerationHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        RepoPaths.CopyKnowledgeTo(_knowledge.Path);
        var all = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = _knowledge.Path,
            ["Moderation:PollSeconds"] = "1",
            ["Moderation:ReloadDebounceMilliseconds"] = "200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _factory = new BotFactory(all, services);
        _ = _factory.Services; // starts the host: start-up load, watcher, processor
    }

    public static MemberKey Member { get; } = new("local", "", "alice");

    public static MemberKey Moderator { get; } = new("local", "", "mod");

    public T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    public KnowledgeService Knowledge => Get<KnowledgeService>();

    public string File(string relative) => Path.Combine(_knowledge.Path, relative);

    public void Edit(string relative, Func<string, string> change)
    {
        var path = File(relative);
        var before = System.IO.File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after); // the edit must really change the file, or the test proves nothing
        System.IO.File.WriteAllText(path, after);
    }

    public Task<BotReply> TypeAsync(string line, MemberKey? member = null, bool isModerator = false) =>
        Get<ICommandDispatcher>().DispatchTextAsync(line, member ?? Member,
            r => r with { IsModerator = isModerator, DisplayName = isModerator ? "Mod" : null }, CancellationToken.None);

    public async Task<string> ModeratorAsync(string line) => PlainTextRenderer.Render(await TypeAsync(line, Moderator, isModerator: true));

    /// <summary>Waits (polling, up to 30 s) until <paramref name="condition"/> holds; fails the test if it never does.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _knowledge.Dispose();
    }
}

[CollectionDefinition(ModerationHost.Collection, DisableParallelization = true)]
public sealed class ModerationHostCollection;
