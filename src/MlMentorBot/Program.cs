using MlMentorBot.Cli;
using MlMentorBot.Core;
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
builder.AddLocalChatDefaults();
builder.Services
    .AddKnowledge(builder.Configuration)
    .AddProgressStore(builder.Configuration)
    .AddCommands()
    .AddDiscordAdapter(builder.Configuration)
    .AddSlackAdapter(builder.Configuration)
    .AddLocalChat(builder.Configuration);

var app = builder.Build();
app.MapHealth();
app.MapDiscordInteractions();
app.MapSlackEndpoints();
await app.RunAsync();
return Environment.ExitCode;

/// <summary>The host's entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can start it in tests.</summary>
public partial class Program;
