using Microsoft.Extensions.Options;
using MlMentorBot.Cli;
using MlMentorBot.Core;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Discord;
using MlMentorBot.Hosting;
using MlMentorBot.LocalChat;
using MlMentorBot.Slack;

// One-shot verbs (knowledge validate, slack manifest, discord register-commands) run and exit without starting the host.
if (await CliVerbs.TryRunAsync(args, CancellationToken.None) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(LocalChatSetup.RewriteChatArguments(args));
builder.ConfigureMentorBotHost();
builder.Services
    .AddStartupChecks()
    .AddKnowledge(builder.Configuration)
    .AddProgressStore(builder.Configuration)
    .AddCommands()
    .AddCheckIns(builder.Configuration)
    .AddModeration(builder.Configuration)
    .AddDiscordAdapter(builder.Configuration)
    .AddSlackAdapter(builder.Configuration)
    .AddLocalChat(builder.Configuration);

var app = builder.Build();
try
{
    app.MapHealth();
    app.MapDiscordInteractions();
    app.MapSlackEndpoints();
    await app.RunAsync();
}
catch (KnowledgeLoadException ex)
{
    // Start-up with broken knowledge: say exactly what to fix (file:line) instead of a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
catch (OptionsValidationException ex) when (!app.Environment.IsDevelopment())
{
    // A platform switched on but misconfigured: name every missing setting, then stop. (Development, which the test host
    // uses, keeps the exception so callers can inspect it.)
    await Console.Error.WriteLineAsync("Configuration error:\n" + string.Join("\n", ex.Failures.Select(f => "- " + f)));
    return 1;
}

return Environment.ExitCode;

/// <summary>The host's entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can start it in tests.</summary>
public partial class Program;
