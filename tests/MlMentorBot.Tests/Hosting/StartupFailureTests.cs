using System.Net;
using System.Net.Sockets;

namespace MlMentorBot.Tests.Hosting;

/// <summary>
/// How the real host process stops when it cannot serve: exit code 1 and a message that says what to fix, with no stack trace
/// (issue #13 item 10). Each case once ended in exit 134 and an unhandled exception, or in the host's own stack trace.
/// </summary>
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

    [Fact]
    public async Task A_port_in_use_is_named_in_one_line()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path, $"--urls=http://127.0.0.1:{port}"));

        AssertOneLineFault(exit, errors, $"Failed to bind to address http://127.0.0.1:{port}: address already in use.");
        Assert.Contains("--urls", LastLine(errors));
    }

    [Fact]
    public async Task A_port_out_of_range_is_named_in_one_line()
    {
        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path, "--urls=http://127.0.0.1:99999"));

        AssertOneLineFault(exit, errors, "Configuration error: Urls has 'http://127.0.0.1:99999', whose port 99999 is outside 0–65535");
    }

    [Fact]
    public async Task An_unusable_database_path_is_named_in_one_line()
    {
        // The database's folder would have to be created inside a regular file.
        await File.WriteAllTextAsync(_temp.File("not-a-folder"), "");
        var path = Path.Combine(_temp.File("not-a-folder"), "bot.db");

        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path, $"--Storage:DatabasePath={path}"));

        AssertOneLineFault(exit, errors, $"Storage:DatabasePath: cannot use {path} as the SQLite database");
    }

    [Fact]
    public async Task A_bad_enum_value_lists_the_valid_ones()
    {
        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path, "--Slack:Mode=Htp"));

        AssertOneLineFault(exit, errors, "Configuration error: Slack:Mode is 'Htp', which is not one of SocketMode, Http.");
    }

    /// <summary>The prose placeholders the example settings file once held, copied into appsettings.json as they were.</summary>
    [Theory]
    [InlineData("LocalChat", "Enabled", "(unset = on when neither Discord nor Slack is enabled)", "LocalChat:Enabled is '(unset = on when neither Discord nor Slack is enabled)', which is not true or false.")]
    [InlineData("Discord", "Mode", "Gateway  (Gateway: outbound WebSocket, no public URL needed | Http: Discord POSTs to https://YOUR-HOST/discord/interactions)", "Discord:Mode is 'Gateway  (Gateway: outbound WebSocket, no public URL need…', which is not one of Gateway, Http.")]
    [InlineData("Moderation", "DigestDay", "Monday  (day of the weekly gap digest, UTC)", "Moderation:DigestDay is 'Monday  (day of the weekly gap digest, UTC)', which is not one of Sunday, Monday")]
    public async Task A_prose_placeholder_copied_as_it_is_names_the_setting(string section, string key, string prose, string expected)
    {
        await File.WriteAllTextAsync(_temp.File("appsettings.json"),
            $$"""{ "{{section}}": { "{{key}}": {{System.Text.Json.JsonSerializer.Serialize(prose)}} } }""");

        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path,
            ["--urls=http://127.0.0.1:0", $"--Knowledge:Path={RepoPaths.Knowledge}", $"--Storage:DatabasePath={_temp.File("bot.db")}"]);

        AssertOneLineFault(exit, errors, "Configuration error: " + expected);
    }

    [Fact]
    public async Task A_prose_placeholder_in_Urls_is_refused_instead_of_listening_on_port_80()
    {
        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path,
            HostProcess.ServerArgs(_temp.Path, "--urls=http://127.0.0.1:5080  (where the HTTP endpoints listen)"));

        AssertOneLineFault(exit, errors, "Configuration error: Urls has 'http://127.0.0.1:5080  (where the HTTP endpoints listen)', which is not an address to listen on");
    }

    [Fact]
    public async Task Broken_knowledge_lists_file_and_line_without_a_stack_trace()
    {
        var knowledge = RepoPaths.CopyKnowledgeTo(_temp.File("knowledge"));
        await File.WriteAllTextAsync(Path.Combine(knowledge, "broken.md"), "---\nid: [oops\n---\n");

        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path, $"--Knowledge:Path={knowledge}"));

        Assert.Equal(1, exit);
        Assert.EndsWith("The knowledge files have errors:\nbroken.md:3: error: invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'.", errors.TrimEnd());
        Assert.DoesNotContain("   at ", errors);
        Assert.DoesNotContain("Hosting failed to start", errors);
    }

    [Fact]
    public async Task Discord_in_Http_mode_without_a_bot_token_stops_while_check_ins_would_be_posted()
    {
        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path,
            "--Discord:Enabled=true", "--Discord:Mode=Http", "--Discord:ApplicationId=1143372838210596935",
            $"--Discord:PublicKey={new string('a', 64)}"));

        AssertOneLineFault(exit, errors, "Configuration error: Discord:BotToken is missing; Http mode needs it too, to post study-group check-in prompts");
        Assert.Contains("CheckIns:IsSchedulerEnabled=false", errors);
    }

    [Fact]
    public async Task User_secrets_are_read_outside_the_Development_environment()
    {
        // `dotnet run` starts in Production. The secrets file is where `dotnet user-secrets set` writes it on Linux and macOS.
        var secrets = Path.Combine(_temp.Path, "home", ".microsoft", "usersecrets", "mlmentorbot");
        Directory.CreateDirectory(secrets);
        await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), """{ "Slack:Enabled": "true", "Slack:Mode": "Http" }""");

        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path),
            timeout: TimeSpan.FromSeconds(30),
            environment: new Dictionary<string, string?>
            {
                ["HOME"] = Path.Combine(_temp.Path, "home"),
                ["APPDATA"] = null,
                ["DOTNET_USER_SECRETS_FALLBACK_DIR"] = null,
                ["DOTNET_ENVIRONMENT"] = null,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            });

        Assert.Equal(1, exit);
        Assert.Contains("- Slack:BotToken is required", errors);
        Assert.Contains("- Slack:SigningSecret is required", errors);
    }

    private static void AssertOneLineFault(int exit, string errors, string expected)
    {
        Assert.Equal(1, exit);
        Assert.StartsWith(expected, LastLine(errors));
        Assert.Single(errors.Split('\n'), line => line.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", errors);
        Assert.DoesNotContain("Unhandled exception", errors);
        Assert.DoesNotContain("crit:", errors);
        Assert.DoesNotContain("Hosting failed to start", errors);
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];
}
