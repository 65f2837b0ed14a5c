using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MlMentorBot.Hosting;

/// <summary>
/// OpenTelemetry for the host: the bot's own meter and activity source (<see cref="BotTelemetry"/>), ASP.NET Core, HttpClient
/// and runtime instrumentation. Metrics are scraped at <c>GET /metrics</c> on the management listener
/// (<see cref="ObservabilityOptions.ManagementUrls"/>) and pushed over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set;
/// traces go to OTLP only, so without an endpoint no spans are even created. With neither configured nothing is registered.
/// docs/operations.md describes the metrics and a scrape config.
/// </summary>
internal static class ObservabilitySetup
{
    /// <summary>The OpenTelemetry SDK reads this standard variable (or configuration key) itself; its presence switches OTLP on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The cardinality limit of every metric stream: distinct tag combinations kept per metric.</summary>
    internal const int MaxPointsPerStream = 200;

    /// <summary>
    /// Registers OpenTelemetry (call before the other areas, so its providers exist before their hosted services record
    /// anything) and adds the management URLs to the ones Kestrel listens on.
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ObservabilityOptions>, ObservabilityOptionsValidator>();

        var configuration = builder.Configuration;
        var options = configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new();
        var management = TryParse(options);
        var isOtlpOn = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        if (management.Count == 0 && !isOtlpOn)
        {
            return builder;
        }

        if (management.Count > 0)
        {
            // Listen on the public URLs as configured plus the management ones; UseUrls replaces the list, so start from it.
            builder.WebHost.UseUrls([.. PublicUrls(configuration), .. management.Select(m => m.ToString())]);
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "mlmentorbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    // The SDK allocates every metric stream's points up front, 2,000 by default, for ~30 streams here (ours,
                    // ASP.NET Core, Kestrel, HttpClient, runtime). Our tags take far fewer values (commands × platforms,
                    // routes × status codes), so 200 each: 3-5 MB less RSS with the scrape endpoint on (issue 10,
                    // docs/operations.md "Memory"). A combination past it is counted under otel.metric.overflow, not lost.
                    .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MaxPointsPerStream });
                if (management.Count > 0)
                {
                    metrics.AddPrometheusExporter();
                }

                if (isOtlpOn)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (isOtlpOn)
        {
            var managementPorts = management.Select(m => m.Port).ToHashSet();
            otel.WithTracing(tracing => tracing
                .AddSource(BotTelemetry.Name)
                // Scrapes and probes every few seconds would drown the spans that matter.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !managementPorts.Contains(http.Connection.LocalPort))
                .AddHttpClientInstrumentation()
                // Before the exporter: processors run in the order they are added, and exporters read what is left.
                .AddProcessor(new TraceRedaction())
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>
    /// On the management listener: <c>GET /metrics</c> answers from the Prometheus exporter, <c>/health</c> (and
    /// <c>/health/live</c>, <c>/health/ready</c>) go on to their endpoints, everything else is 404. The public listener never serves <c>/metrics</c> (it is not mapped there).
    /// </summary>
    public static WebApplication UseManagementEndpoints(this WebApplication app)
    {
        var ports = TryParse(app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value).Select(m => m.Port).ToHashSet();
        if (ports.Count == 0)
        {
            return app;
        }

        // The local port, not the Host header: a client chooses the header, but not which socket it reached.
        app.UseWhen(http => ports.Contains(http.Connection.LocalPort), management =>
        {
            management.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == "/metrics");
            management.Use((http, next) =>
            {
                if (http.Request.Path.StartsWithSegments("/health"))
                {
                    return next(http);
                }

                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }

    /// <summary>The management URLs, or none when unset or invalid (the validator then stops start-up with the reason).</summary>
    private static List<BindingAddress> TryParse(ObservabilityOptions options)
    {
        try
        {
            return [.. options.ParseManagementUrls().Where(a => a.Port > 0)];
        }
        catch (FormatException)
        {
            return [];
        }
    }

    /// <summary>What Kestrel would listen on without the management URLs: <c>urls</c>, else <c>http_ports</c>/<c>https_ports</c>, else its default.</summary>
    private static IEnumerable<string> PublicUrls(IConfiguration configuration)
    {
        if (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var ports = Ports(configuration[WebHostDefaults.HttpPortsKey], "http").Concat(Ports(configuration[WebHostDefaults.HttpsPortsKey], "https")).ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];

        static IEnumerable<string> Ports(string? value, string scheme) =>
            (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"{scheme}://*:{p}");
    }
}
