using System.Text.Json;
using MlMentorBot.Core;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Storage;
using MlMentorBot.LocalChat;

namespace MlMentorBot.Hosting;

/// <summary>Host-wide setup: content root, logging and URLs for the local chat, start-up checks, <c>/health</c>.</summary>
internal static class HostSetup
{
    /// <summary>
    /// Registers the <see cref="ContentRoot"/> that relative paths resolve against. When the local chat runs, logs go to
    /// standard error at Warning and above (so the conversation on standard output stays readable), and Kestrel listens on
    /// a free loopback port unless <c>urls</c> is configured, so two chats never fight over a port.
    /// </summary>
    public static WebApplicationBuilder ConfigureMentorBotHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new ContentRoot(builder.Environment.ContentRootPath));
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
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

    /// <summary>Loads knowledge and migrates the database before the host reports started, so problems stop start-up.</summary>
    public static IServiceCollection AddStartupChecks(this IServiceCollection services) =>
        services.AddHostedService<StartupChecks>();

    /// <summary>
    /// <c>GET /health</c>: 200 with <c>{"status":"ok",…}</c> when knowledge is loaded and a write to the database would be kept,
    /// else 503 with <c>"status":"degraded"</c>. Reports the knowledge version, entry count, load time (UTC), the last load's
    /// errors, and <c>database: {reachable, writable, problem}</c> where <c>problem</c> says what to fix (a read-only file, a
    /// file deleted or replaced while the bot runs; issue #13 item 8).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (KnowledgeService knowledge, IDatabase database, CancellationToken ct) =>
        {
            var storage = await database.CheckHealthAsync(ct);
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
            return Results.Json(body, JsonSerializerOptions.Web, statusCode: healthy ? 200 : 503);
        });
        return endpoints;
    }

    private sealed class StartupChecks(KnowledgeService knowledge, IDatabase database, ILogger<StartupChecks> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            database.Migrate();
            var snapshot = knowledge.Current; // throws KnowledgeLoadException naming every file:line
            logger.LogInformation("Serving knowledge {Version} from {Directory} with database {Database}", snapshot.Version, knowledge.Directory, database.Location);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
