using Microsoft.Extensions.Options;
using MlMentorBot.Cli;
using MlMentorBot.Core;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Storage;
using MlMentorBot.Discord;
using MlMentorBot.Hosting;
using MlMentorBot.LocalChat;
using MlMentorBot.Slack;

// One-shot verbs (knowledge validate, slack manifest, discord register-commands) run and exit without starting the host.
if (await CliVerbs.TryRunAsync(args, CancellationToken.None) is { } exitCode)
{
    return exitCode;
}

try
{
    // The slim builder leaves out what this host never uses, IIS integration and HTTP/3 (QUIC): their assemblies were loaded
    // at start and cost RSS (issue 10, docs/operations.md "Memory"). Kept from the full builder: HTTPS endpoints from
    // configuration, and the EventSource log provider that dotnet-trace and dotnet-monitor read logs through.
    var builder = WebApplication.CreateSlimBuilder(LocalChatSetup.RewriteChatArguments(args));
    builder.WebHost.UseKestrelHttpsConfiguration();
    builder.Logging.AddEventSourceLogger();
    builder.ConfigureMentorBotHost();
    builder.AddObservability();
    builder.Services
        .AddStartupChecks()
        .AddHealth()
        .AddKnowledge(builder.Configuration)
        .AddProgressStore(builder.Configuration)
        .AddCommands()
        .AddCheckIns(builder.Configuration)
        .AddModeration(builder.Configuration)
        .AddDiscordAdapter(builder.Configuration)
        .AddSlackAdapter(builder.Configuration)
        .AddLocalChat(builder.Configuration);

    var app = builder.Build();

    // Settings first, before any service is built: a misconfigured platform then stops with every failure listed, not with
    // the first constructor that happens to read its options.
    app.Services.GetService<IStartupValidator>()?.Validate();
    app.UseManagementEndpoints();
    app.MapHealthEndpoints();
    app.MapDiscordInteractions();
    app.MapSlackEndpoints();
    await app.RunUntilStoppedAsync();
}
catch (Exception ex) when (ex is not HostAbortedException && StartupFaults.Describe(ex) is { } message)
{
    // An operator's fault (a bad setting, a port in use, an unusable database path, broken knowledge): say what to fix, exit 1.
    // Anything else is a defect and stays an unhandled exception with its stack trace.
    await Console.Error.WriteLineAsync(message);
    return 1;
}

return Environment.ExitCode;

/// <summary>The host's entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can start it in tests.</summary>
public partial class Program;
