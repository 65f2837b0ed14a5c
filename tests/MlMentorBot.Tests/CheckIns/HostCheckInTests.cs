using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.CheckIns;

/// <summary>
/// The check-in feature inside the real host (<c>Program</c> via <see cref="BotFactory"/>), through the dispatcher, which is
/// where every adapter hands a submitted form (its command line plus each field as a named option). Signed platform requests:
/// <see cref="DiscordCheckInTests"/>.
/// </summary>
public sealed class HostCheckInTests
{
    private static readonly MemberKey Ada = new("discord", "g1", "111");

    [Fact]
    public async Task The_host_registers_the_commands_the_scheduler_and_group_autocomplete()
    {
        using var factory = new BotFactory();

        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is CheckInScheduler);
        Assert.IsType<StudyGroupAutocomplete>(factory.Services.GetRequiredService<IAutocompleteProvider>());
        var help = PlainTextRenderer.Render(await factory.Services.GetRequiredService<ICommandDispatcher>()
            .DispatchTextAsync("/help", Ada, null, CancellationToken.None));
        Assert.Contains("/checkin", help);
        Assert.Contains("/group", help);
        Assert.Contains("/away", help);
    }

    [Fact]
    public async Task A_submitted_check_in_form_is_stored_through_the_hosts_dispatcher()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var factory = new BotFactory(services: s => s.AddSingleton<TimeProvider>(clock));
        var dispatcher = factory.Services.GetRequiredService<ICommandDispatcher>();
        CommandRequest InChannel(CommandRequest r) => r with { ChannelId = "C1", DisplayName = "Ada" };
        await dispatcher.DispatchTextAsync("/group create ml-101 day:monday time:09:00 timezone:UTC", Ada, InChannel, CancellationToken.None);
        var form = (await dispatcher.DispatchTextAsync("/checkin", Ada, InChannel, CancellationToken.None)).Modal!;

        var reply = await dispatcher.DispatchTextAsync(form.CommandLine + " done:\"shipped a notebook\" next:\"read the docs\"", Ada, InChannel, CancellationToken.None);

        Assert.Equal(ReplyTone.Success, reply.Tone);
        var stored = await factory.Services.GetRequiredService<CheckInStore>().GetAsync(1, 1, "2026-11-23", CancellationToken.None);
        Assert.Equal("shipped a notebook", stored!.Done);
    }
}
