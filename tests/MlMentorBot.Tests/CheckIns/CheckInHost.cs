using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.CheckIns;

/// <summary>
/// The core's real services (knowledge folder, SQLite file, handlers, check-in scheduler) on a fake clock, with a recording
/// messenger in place of Discord. A second host on the same <see cref="DatabasePath"/> is a restart.
/// Members are Discord members of guild <c>g1</c>; commands come from channel <c>c1</c> unless told otherwise.
/// </summary>
public sealed class CheckInHost : IDisposable
{
    private readonly ServiceProvider _services;

    public CheckInHost(FakeTimeProvider time, string databasePath, RecordingMessenger? messenger = null)
    {
        Time = time;
        DatabasePath = databasePath;
        Messenger = messenger ?? new RecordingMessenger(time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["Storage:DatabasePath"] = databasePath,
            ["CheckIns:ReminderLeadHours"] = "6",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new ContentRoot(Path.GetDirectoryName(databasePath)!))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IChannelMessenger>(Messenger);
        services.AddKnowledge(configuration).AddProgressStore(configuration).AddCommands().AddCheckIns(configuration);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public string DatabasePath { get; }

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

    public void Dispose() => _services.Dispose();
}
