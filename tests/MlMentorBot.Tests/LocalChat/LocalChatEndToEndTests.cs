using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.LocalChat;

/// <summary>
/// Runs the built bot as a member would: <c>MlMentorBot chat</c> with commands piped to standard input, reading what it
/// prints. Covers start-up, every core command, exit code 0 at end of input, and progress surviving a restart.
/// </summary>
public sealed class LocalChatEndToEndTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<(int ExitCode, string Output, string Errors)> ChatAsync(string input, params string[] extraArgs) =>
        HostProcess.RunAsync(_temp.Path, ["chat", "--user", "alice", "--db", _temp.File("chat.db"), "--knowledge", RepoPaths.Knowledge, .. extraArgs], input);

    [Fact]
    public async Task Piped_commands_are_all_answered_and_the_chat_exits_zero()
    {
        var (exit, output, errors) = await ChatAsync("""
            /help
            /roadmap
            /salary entry
            /skills frameworks
            /resources certifications
            /ask which certifications help?
            /progress mark roadmap.foundations.math done
            /progress show
            /nonsense
            how much do entry level engineers earn
            """);

        Assert.True(exit == 0, errors);
        Assert.Contains("MlMentorBot — your guide to becoming an ML engineer", output);
        Assert.Contains("ML engineer roadmap — 0/35 steps finished", output);
        Assert.Contains("$70,000–$90,000 per year", output);
        Assert.Contains("TensorFlow", output);
        Assert.Contains("AWS", output);
        Assert.Contains("roadmap.foundations.math is now done", output);
        Assert.Contains("Your progress — 3% of the roadmap", output);
        Assert.Contains("I don't know the command /nonsense", output);
        Assert.Contains("> /ask how much do entry level engineers earn", output);
        Assert.DoesNotContain("Something went wrong", output);
        Assert.DoesNotContain("info:", output);
    }

    [Fact]
    public async Task Marked_steps_survive_a_restart()
    {
        var first = await ChatAsync("/progress mark roadmap.foundations.python done\n");
        var second = await ChatAsync("/roadmap foundations\n");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("✅ Python — roadmap.foundations.python", second.Output);
    }

    [Fact]
    public async Task Broken_knowledge_stops_start_up_with_file_and_line()
    {
        var knowledge = RepoPaths.CopyKnowledgeTo(_temp.File("kb"));
        File.WriteAllText(Path.Combine(knowledge, "skills", "programming.md"), "---\nid: skills.programming\ntitle: x\n---\nno kind\n");

        var (exit, _, errors) = await ChatAsync("/help\n", "--knowledge", knowledge);

        Assert.Equal(1, exit);
        Assert.Contains("skills/programming.md:2: error: missing required field 'kind'", errors);
    }

    [Fact]
    public async Task An_enabled_but_misconfigured_platform_stops_start_up_naming_the_missing_settings()
    {
        var (exit, _, errors) = await ChatAsync("/help\n", "--Slack:Enabled=true", "--Slack:Mode=Http");

        Assert.Equal(1, exit);
        Assert.Contains("Configuration error:", errors);
        Assert.Contains("Slack:BotToken is required", errors);
        Assert.Contains("Slack:SigningSecret is required", errors);
        Assert.DoesNotContain("Unhandled exception", errors);
    }
}
