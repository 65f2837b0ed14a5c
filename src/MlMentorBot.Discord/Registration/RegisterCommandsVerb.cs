using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Commands;
using MlMentorBot.Discord.Rest;

namespace MlMentorBot.Discord.Registration;

/// <summary>
/// <c>discord register-commands [--guild ID] [--dry-run] [--force]</c>. Guild registration is instant (use it while
/// developing); global registration reaches every server the app is installed in. Exit codes: 0 done or unchanged,
/// 1 invalid catalog, configuration or Discord error, 2 usage.
/// </summary>
public static class RegisterCommandsVerb
{
    private const string Usage = "usage: discord register-commands [--guild ID] [--dry-run] [--force]";

    /// <summary>Reads configuration like the host does (appsettings.json, user secrets, <c>Discord__*</c> environment variables).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddUserSecrets(Assembly.GetEntryAssembly() ?? typeof(RegisterCommandsVerb).Assembly, optional: true)
            .AddEnvironmentVariables()
            .Build();
        return RunAsync(args, configuration, output, cancellationToken);
    }

    /// <summary>
    /// Runs the verb with the given <paramref name="configuration"/> (its <c>Discord</c> section) and returns the exit code above;
    /// <paramref name="handler"/> replaces the HTTP stack to Discord (tests point it at a fake API), null for the real one.
    /// Writes what it did, or what to fix, to <paramref name="output"/>; never writes the bot token.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        string? guild = null;
        bool isDryRun = false, isForced = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--guild" when i + 1 < args.Length:
                    guild = args[++i];
                    break;
                case "--dry-run":
                    isDryRun = true;
                    break;
                case "--force":
                    isForced = true;
                    break;
                default:
                    await output.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var options = configuration.GetSection(DiscordOptions.SectionName).Get<DiscordOptions>() ?? new DiscordOptions();
        guild ??= string.IsNullOrWhiteSpace(options.GuildId) ? null : options.GuildId;
        ulong? guildId = null;
        if (guild is not null)
        {
            if (!ulong.TryParse(guild, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                await output.WriteLineAsync($"--guild '{guild}' is not a server id. {Usage}");
                return 2;
            }

            guildId = parsed;
        }

        var commands = CommandRegistration.Build(CommandCatalog.All, isGlobal: guildId is null);
        var problems = CommandRegistration.Validate(commands);
        if (isDryRun)
        {
            await output.WriteLineAsync(commands.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            foreach (var problem in problems)
            {
                await output.WriteLineAsync("problem: " + problem);
            }

            return problems.Count == 0 ? 0 : 1;
        }

        if (!DiscordOptionsValidator.IsSnowflake(options.ApplicationId) || string.IsNullOrWhiteSpace(options.BotToken))
        {
            await output.WriteLineAsync("Set Discord:ApplicationId and Discord:BotToken (appsettings.json, user secrets, or Discord__ApplicationId / Discord__BotToken).");
            return 1;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        DiscordRestClient.Register(services);
        if (handler is not null)
        {
            services.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        services.AddSingleton<CommandRegistrar>();
        await using var provider = services.BuildServiceProvider();
        var where = guildId is null ? "globally" : $"in guild {guildId}";
        try
        {
            var outcome = await provider.GetRequiredService<CommandRegistrar>().RegisterAsync(guildId, isForced, cancellationToken);
            await output.WriteLineAsync(outcome == CommandRegistrar.Outcome.Registered
                ? $"Registered {commands.Count} commands {where}."
                : $"Commands {where} are unchanged since the last registration; nothing sent (use --force to send anyway).");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (DiscordApiException ex)
        {
            await output.WriteLineAsync(ex.Message);
            if (ex.Errors is not null)
            {
                await output.WriteLineAsync(ex.Errors);
            }

            return 1;
        }
    }
}
