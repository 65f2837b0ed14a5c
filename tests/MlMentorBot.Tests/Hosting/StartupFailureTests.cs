namespace MlMentorBot.Tests.Hosting;

/// <summary>How the real host process stops when it cannot serve: exit code 1 and a message that says what to fix.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Two_misconfigured_platforms_are_reported_together_before_anything_starts()
    {
        var (exit, output, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path,
            "--Discord:Enabled=true", "--Discord:Mode=Http", "--Slack:Enabled=true", "--Slack:Mode=SocketMode"));

        Assert.Equal(1, exit);
        Assert.StartsWith("Configuration error:", errors);
        Assert.Contains("- Discord:ApplicationId is missing", errors);
        Assert.Contains("- Discord:PublicKey is missing", errors);
        Assert.Contains("- Slack:BotToken is required", errors);
        Assert.Contains("- Slack:AppToken is required", errors);
        Assert.DoesNotContain("   at ", errors); // no stack trace
        Assert.Empty(output);
        Assert.False(File.Exists(_temp.File("bot.db")), "nothing should start, not even the database");
    }
}
