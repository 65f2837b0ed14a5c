using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.LocalChat;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.CheckIns;

/// <summary>A week of a study group played through the real local chat, with its clock started by <c>LocalChat:Now</c>.</summary>
public sealed class LocalChatCheckInTests
{
    private sealed class ScriptedConsole(string script) : LocalConsole
    {
        private readonly StringWriter _out = new(new StringBuilder());

        public override TextReader In { get; } = new ThenWait(script);

        public override TextWriter Out => _out;

        public override bool IsInteractive => false;

        public string Transcript
        {
            get
            {
                lock (_out)
                {
                    return _out.ToString();
                }
            }
        }
    }

    /// <summary>Gives the script's lines, then waits (as a person at the keyboard would) until the host stops.</summary>
    private sealed class ThenWait(string script) : StringReader(script)
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (await base.ReadLineAsync(cancellationToken) is { } line)
            {
                return line;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    [Fact]
    public async Task Two_members_check_in_and_read_the_digest_after_moving_the_chat_clock()
    {
        var console = new ScriptedConsole("""
            /group create ml-101 day:monday time:09:00 timezone:Europe/Berlin
            /as bob /group join ml-101
            /clock advance 10m
            /checkin done:"linear algebra" next:"pandas"
            /as bob /checkin done:"statistics" next:"more statistics" blockers:"GPU quota"
            /clock set 2026-11-25T08:00Z
            /clock
            """);
        using var factory = new BotFactory(
            new Dictionary<string, string?> { ["LocalChat:Enabled"] = "true", ["LocalChat:User"] = "ada", ["LocalChat:Now"] = "2026-11-23T07:55Z" },
            services => services.AddSingleton<LocalConsole>(console));

        _ = factory.Services; // starts the host, and with it the chat
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!console.Transcript.Contains("Local chat time: Wed 2026-11-25") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var transcript = console.Transcript;
        Assert.Contains("Weekly check-in — ml-101", transcript);
        var digest = transcript[transcript.IndexOf("Check-in digest — ml-101", StringComparison.Ordinal)..];
        Assert.Contains("linear algebra", digest);
        Assert.Contains("bob: GPU quota", digest);
        Assert.Contains("Checked in: 2 of 2", digest);
    }

    [Theory]
    [InlineData("/as bob /checkin done:x", "bob", "/checkin done:x")]
    [InlineData("/as  carol   /group join ml-101", "carol", "/group join ml-101")]
    public void As_runs_one_command_as_another_member(string line, string user, string rest) =>
        Assert.Equal((user, rest), LocalChatCommands.SplitAs(line));

    [Fact]
    public void The_local_clock_starts_at_the_configured_instant_and_only_moves_forward()
    {
        var start = DateTimeOffset.Parse("2026-11-23T07:55Z", System.Globalization.CultureInfo.InvariantCulture);
        var clock = new LocalClock(start);

        clock.Advance(TimeSpan.FromDays(2));

        Assert.InRange(clock.GetUtcNow() - start.AddDays(2), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.False(clock.TrySet(start));
    }
}
