using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.CheckIns;

/// <summary>
/// The core's real services (knowledge folder, the test's database on either provider, handlers, check-in scheduler) on a fake
/// clock, with a recording messenger in place of Discord. A second host on the same <see cref="TestStorage"/> is a restart.
/// Members are Discord members of guild <c>g1</c>; commands come from channel <c>c1</c> unless told otherwise.
/// </summary>
public sealed class CheckInHost : IDisposable
{
    private readonly ServiceProvider _services;

    private readonly TempDir _root = new();

    /// <summary>A host on <paramref name="storage"/>'s database (<c>Storage:*</c> settings, as <see cref="TestStorage.Settings"/>).</summary>
    public CheckInHost(FakeTimeProvider time, TestStorage storage, RecordingMessenger? messenger = null)
    {
        Time = time;
        Messenger = messenger ?? new RecordingMessenger(time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storage.With(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["CheckIns:ReminderLeadHours"] = "6",
        })).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new ContentRoot(_root.Path))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IChannelMessenger>(Messenger);
        services.AddKnowledge(configuration).AddProgressStore(configuration).AddCommands().AddCheckIns(configuration);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public RecordingMessenger Messenger { get; }

    public IServiceProvider Services => _services;

    public CheckInScheduler Scheduler => _services.GetRequiredService<CheckInScheduler>();

    public static MemberKey Member(string user) => new("discord", "g1", user);

    /// <summary>Runs a command line as <paramref name="user"/> typed it in <paramref name="channel"/>.</summary>
    public Task<BotReply> SayAsync(string user, string line, string channel = "c1", bool isModerator = false) =>
        _services.GetRequiredService<ICommandDispatcher>().DispatchTextAsync(line, Member(user),
            r => r with { ChannelId = channel, DisplayName = user, IsModerator = isModerator }, CancellationToken.None);

    /// <summary>Moves the clock and runs what fell due, as the scheduler's next tick would.</summary>
    public async Task AdvanceToAsync(DateTimeOffset instant)
    {
        Time.SetUtcNow(instant);
        await Scheduler.RunDueAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _services.Dispose();
        _root.Dispose();
    }
}
