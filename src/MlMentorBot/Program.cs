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
    // Settings first, before any service is built: a misconfigured platform then stops with every failure listed below,
    // not with the first constructor that happens to read its options.
    app.Services.GetService<IStartupValidator>()?.Validate();
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
catch (StorageUnavailableException ex)
{
    // The database cannot be reached, logged into or written at start-up (PostgreSQL down, wrong password): what to fix.
    await Console.Error.WriteLineAsync("Storage error: " + ex.Message);
    return 1;
}
catch (Exception ex) when (ConfigurationFailures(ex) is { Count: > 0 } failures)
{
    // A platform switched on but misconfigured: name every missing setting (of every platform), then stop.
    await Console.Error.WriteLineAsync("Configuration error:\n" + string.Join("\n", failures.Select(f => "- " + f)));
    return 1;
}

return Environment.ExitCode;

// Options validation throws one OptionsValidationException per options type, wrapped together when several are wrong.
static List<string> ConfigurationFailures(Exception ex) => ex switch
{
    OptionsValidationException invalid => [.. invalid.Failures],
    AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
        [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
    _ => [],
};

/// <summary>The host's entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can start it in tests.</summary>
public partial class Program;
