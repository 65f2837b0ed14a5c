using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using MlMentorBot.Core;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Storage;
using MlMentorBot.Discord;
using MlMentorBot.LocalChat;

namespace MlMentorBot.Hosting;

/// <summary>Host-wide setup: content root, logging and URLs for the local chat, start-up checks, <c>/health</c>.</summary>
internal static class HostSetup
{
    /// <summary>
    /// Registers the <see cref="ContentRoot"/> that relative paths resolve against. When the local chat runs, logs go to
    /// standard error at Warning and above (so the conversation on standard output stays readable), and Kestrel listens on
    /// a free loopback port unless <c>urls</c> is configured, so two chats never fight over a port. User secrets load in every
    /// environment, and the host's own report of a failed start is held back (Program.cs prints it in one line).
    /// </summary>
    /// <exception cref="StartupFaultException">A configured URL is not one Kestrel can listen on.</exception>
    public static WebApplicationBuilder ConfigureMentorBotHost(this WebApplicationBuilder builder)
    {
        AddUserSecretsInEveryEnvironment(builder);
        StartupFaults.CheckUrls(builder.Configuration["urls"]);
        builder.Services.AddSingleton(new ContentRoot(builder.Environment.ContentRootPath));
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        HoldBackHostStartupFailureLog(builder);
        if (LocalChatSetup.IsChatMode(builder.Configuration))
        {
            // Added last, so it wins over appsettings' "Information" default.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            });
            if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            }
        }

        return builder;
    }

    /// <summary>
    /// Loads knowledge and migrates the database before the host reports started, so problems stop start-up; checks the
    /// settings that span areas (<see cref="DiscordPostingValidator"/>).
    /// </summary>
    public static IServiceCollection AddStartupChecks(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordPostingValidator>();
        return services.AddHostedService<StartupChecks>();
    }

    // WebApplication.CreateBuilder adds user secrets only in Development, but `dotnet run` starts in Production (the project
    // has no launchSettings.json), so secrets set with `dotnet user-secrets set` were silently ignored. They go where
    // Development puts them: above appsettings*.json, below environment variables and the command line. A machine without a
    // secrets file (a container, a server) has nothing to load. `discord register-commands` reads them the same way.
    private static void AddUserSecretsInEveryEnvironment(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return;
        }

        var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(HostSetup).Assembly, optional: true, reloadOnChange: false).Sources;
        if (secrets.Count == 0)
        {
            return; // no UserSecretsId
        }

        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var lastAppSettings = sources.Select((source, index) => (source, index))
            .LastOrDefault(s => s.source is JsonConfigurationSource { Path: { } path } && path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase));
        sources.Insert(lastAppSettings.source is null ? 0 : lastAppSettings.index + 1, secrets[0]);
    }

    // The generic host logs "Hosting failed to start" with the exception's stack trace before rethrowing it, and Program.cs
    // then reports the same fault in one line. Until the host has started, that Error entry is dropped; afterwards (a
    // BackgroundService failing) it is logged as usual. Its Debug entries ("Hosting starting") are not wanted either way.
    private static void HoldBackHostStartupFailureLog(WebApplicationBuilder builder)
    {
        var started = new HostStartedSignal();
        builder.Services.AddSingleton<IHostedService>(started);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host",
            level => level >= LogLevel.Warning && (level != LogLevel.Error || started.HasStarted));
    }

    /// <summary>
    /// Runs the host until it is stopped and disposes it, like <c>RunAsync</c>, except that a failed start is followed by a stop: the
    /// background services already running (scheduler, knowledge reload) are then cancelled as in a normal shutdown instead of
    /// being disposed mid-run, which the generic host reports as crashes with stack traces.
    /// </summary>
    /// <exception cref="Exception">Whatever stopped the start, after the stop (Program.cs turns operator faults into one line).</exception>
    public static async Task RunUntilStoppedAsync(this WebApplication app)
    {
        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (Exception startFault)
            {
                try
                {
                    await app.StopAsync();
                }
                catch (Exception stopFault)
                {
                    throw new AggregateException(startFault, stopFault);
                }

                throw;
            }

            await app.WaitForShutdownAsync();
        }
    }

    /// <summary>
    /// <c>GET /health</c>: 200 with <c>{"status":"ok",…}</c> when knowledge is loaded and a write to the database would be kept,
    /// else 503 with <c>"status":"degraded"</c>. Reports the knowledge version, entry count, load time (UTC), the last load's
    /// errors, and <c>database: {reachable, writable, problem}</c> where <c>problem</c> says what to fix (a read-only file, a
    /// file deleted or replaced while the bot runs; issue #13 item 8).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        // A RequestDelegate, not a minimal-API handler: binding parameters builds and compiles expression trees
        // (RequestDelegateFactory), which loads System.Linq.Expressions and JIT-compiles them for one endpoint (issue 10, memory).
        var services = endpoints.ServiceProvider;
        endpoints.MapGet("/health", async context =>
        {
            var knowledge = services.GetRequiredService<KnowledgeService>();
            var database = services.GetRequiredService<IDatabase>();
            var storage = await database.CheckHealthAsync(context.RequestAborted);
            var snapshot = knowledge.IsLoaded ? knowledge.Current : null;
            var healthy = snapshot is not null && storage.IsHealthy;
            var body = new
            {
                status = healthy ? "ok" : "degraded",
                knowledge = new
                {
                    loaded = snapshot is not null,
                    version = snapshot?.Version,
                    entries = snapshot?.Entries.Count ?? 0,
                    loaded_at = snapshot?.LoadedAt,
                    errors = knowledge.LastProblems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()),
                },
                database = new { reachable = storage.IsReachable, writable = storage.IsWritable, problem = storage.Problem },
            };
            context.Response.StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(body, JsonSerializerOptions.Web, context.RequestAborted);
        });
        return endpoints;
    }

    private sealed class StartupChecks(KnowledgeService knowledge, IDatabase database, ILogger<StartupChecks> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                database.Migrate();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
            {
                // The raw error ("Could not find file '/x'", "unable to open database file") does not say which setting to change.
                throw new StartupFaultException(
                    $"Storage:DatabasePath: cannot use {database.Location} as the SQLite database ({ex.Message}). Point it at a file in a folder the bot can create and write.", ex);
            }

            var snapshot = knowledge.Current; // throws KnowledgeLoadException naming every file:line
            logger.LogInformation("Serving knowledge {Version} from {Directory} with database {Database}", snapshot.Version, knowledge.Directory, database.Location);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Tells the log filter that the host has started (<see cref="IHostedLifecycleService.StartedAsync"/>).</summary>
    private sealed class HostStartedSignal : IHostedLifecycleService
    {
        private volatile bool _hasStarted;

        public bool HasStarted => _hasStarted;

        public Task StartedAsync(CancellationToken cancellationToken)
        {
            _hasStarted = true;
            return Task.CompletedTask;
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
