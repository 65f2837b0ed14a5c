using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Discord.Rest;
using MlMentorBot.Slack.WebApi;
using MlMentorBot.Tests.Slack;
using OpenTelemetry.Trace;

namespace MlMentorBot.Tests.Hosting;

/// <summary>
/// The bot's meter is process-wide, so these tests run alone (after the parallel ones): a scrape then shows exactly what
/// the test did, not what another test's host counted at the same moment.
/// </summary>
[CollectionDefinition(nameof(ObservabilityCollection), DisableParallelization = true)]
public sealed class ObservabilityCollection;

[Collection(nameof(ObservabilityCollection))]
public sealed class ObservabilityTests
{
    private const string SlackSecret = "test-signing-secret";

    [Fact]
    public async Task Metrics_are_not_served_on_the_public_port_by_default()
    {
        using var factory = new BotFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_are_served_on_the_management_port_only_and_count_a_signed_command_by_name_and_platform()
    {
        var managementPort = FreePort();
        var slackApi = new FakeSlackHandler();
        using var factory = SlackHttpEndpointTests.HttpModeFactory(slackApi, new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Observability:ManagementUrls"] = $"http://127.0.0.1:{managementPort}",
        });
        factory.UseKestrel();
        factory.StartServer();
        using var http = new HttpClient();
        var management = new Uri($"http://127.0.0.1:{managementPort}");
        var publicUrl = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).First(a => !a.EndsWith($":{managementPort}", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(publicUrl, "/metrics"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(publicUrl, "/health"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(management, "/health"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri(management, "/slack/commands"), new StringContent(""))).StatusCode);

        var body = SlackFixtures.SlashCommand("/roadmap", "");
        using var signed = SlackHttpEndpointTests.Signed(new Uri(publicUrl, "/slack/commands").ToString(), body);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(signed)).StatusCode);
        using var forged = SlackHttpEndpointTests.Signed(new Uri(publicUrl, "/slack/commands").ToString(), body, secret: "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
        slackApi.Enqueue(() => FakeSlackHandler.RateLimited(0));
        await factory.Services.GetRequiredService<SlackApiClient>().OpenDirectMessageAsync("U0001", CancellationToken.None);

        var scrape = await http.GetAsync(new Uri(management, "/metrics"));
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, Sample(text, "mlmentorbot_commands_total", "command=\"roadmap\"", "platform=\"slack\""));
        Assert.Equal(1, Sample(text, "mlmentorbot_command_duration_seconds_count", "command=\"roadmap\"", "platform=\"slack\""));
        Assert.Equal(1, Sample(text, "mlmentorbot_signature_failures_total", "platform=\"slack\""));
        Assert.Equal(1, Sample(text, "mlmentorbot_knowledge_reloads_total", "outcome=\"applied\""));
        Assert.Equal(1, Sample(text, "mlmentorbot_rest_rate_limited_total", "platform=\"slack\"", "route=\"conversations.open\""));
    }

    [Fact]
    public async Task Traces_never_carry_an_interaction_token_or_a_response_url()
    {
        const string discordToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA";
        const string responseUrl = "https://hooks.slack.com/commands/T0001/1234567890/Zx9SeCrEtHoOkPaTh";
        var arrived = new List<string>();
        await using var fakeApi = await LoopbackServer.StartAsync(app => app.Run(async http =>
        {
            lock (arrived)
            {
                arrived.Add(http.Request.Path + http.Request.QueryString);
            }

            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("{}");
        }));
        var apiPort = new Uri(fakeApi.Urls.First()).Port;
        var spans = new List<Activity>();
        using var factory = new BotFactory(new Dictionary<string, string?>
        {
            // A collector nobody listens on: it switches tracing on; the in-memory exporter below is what the test reads.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
            ["Discord:Enabled"] = "true",
            ["Discord:Mode"] = "Http",
            ["Discord:ApplicationId"] = "123456789012345678",
            ["Discord:PublicKey"] = new string('a', 64),
            ["Discord:ApiBaseUrl"] = $"http://127.0.0.1:{apiPort}/api/v10/",
            ["Slack:Enabled"] = "true",
            ["Slack:Mode"] = "Http",
            ["Slack:SigningSecret"] = SlackSecret,
            ["Slack:BotToken"] = "xoxb-placeholder-token",
            ["Slack:MaxRetries"] = "0",
        }, services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            // Every hooks.slack.com connection goes to the loopback server; the TLS handshake then fails, after the span started.
            services.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(IPAddress.Loopback, apiPort, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            });
        });
        factory.StartServer();
        var discord = factory.Services.GetRequiredService<DiscordRestClient>();
        var slack = factory.Services.GetRequiredService<SlackApiClient>();

        await discord.SendAsync(DiscordRoute.InteractionCallback(987654321, discordToken), "{}"u8.ToArray(), CancellationToken.None);
        await discord.SendAsync(DiscordRoute.EditOriginal(123456789012345678, discordToken), "{}"u8.ToArray(), CancellationToken.None);
        await Assert.ThrowsAsync<SlackApiException>(() => slack.RespondAsync(responseUrl, new MessagePayload("ephemeral", "hi", null), CancellationToken.None));
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Contains(arrived, path => path.Contains(discordToken, StringComparison.Ordinal)); // the token did go out on the wire
        var clientSpans = spans.Where(s => s.Kind == ActivityKind.Client).ToList();
        Assert.Contains(clientSpans, s => s.GetTagItem("url.full") as string == $"http://127.0.0.1:{apiPort}/api/v10/interactions/987654321/{{token}}/callback");
        Assert.Contains(clientSpans, s => s.GetTagItem("url.full") as string == $"http://127.0.0.1:{apiPort}/api/v10/webhooks/123456789012345678/{{token}}/messages/@original");
        Assert.Contains(clientSpans, s => s.GetTagItem("url.full") as string == "https://hooks.slack.com/{redacted}");
        foreach (var span in spans)
        {
            var everything = span.DisplayName + " " + string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                + " " + string.Join(" ", span.Events.SelectMany(e => e.Tags).Select(t => $"{t.Key}={t.Value}"));
            Assert.DoesNotContain(discordToken, everything, StringComparison.Ordinal);
            Assert.DoesNotContain("Zx9SeCrEtHoOkPaTh", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("1234567890/", everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_request_starts_no_activity_unless_tracing_is_on_and_then_it_gets_its_server_span()
    {
        // Without a tracer, ASP.NET Core still starts an Activity (and a log scope) per request whenever its hosting
        // diagnostics logger is enabled at any level; appsettings.json turns that category off (docs/operations.md).
        var quiet = await ActivityDuringRequestAsync(new Dictionary<string, string?>(), spans: null);
        Assert.Null(quiet);

        var spans = new List<Activity>();
        var traced = await ActivityDuringRequestAsync(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" }, spans);
        Assert.NotNull(traced);
        Assert.True(spans.ToArray().Any(s => s.Kind == ActivityKind.Server && s.TraceId == traced.TraceId), "no server span for the traced request");

        // An operator who wants every request in the log still gets it (and, with it, the per-request Activity).
        var logged = await ActivityDuringRequestAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information" }, spans: null);
        Assert.NotNull(logged);
    }

    /// <summary>Activity.Current as the endpoint of one GET /health saw it, in a host built with <paramref name="settings"/>.</summary>
    private static async Task<Activity?> ActivityDuringRequestAsync(Dictionary<string, string?> settings, List<Activity>? spans)
    {
        Activity? seen = null;
        using var factory = new BotFactory(settings, services =>
        {
            services.AddSingleton<IStartupFilter>(new SeeActivity(activity => seen = activity));
            if (spans is not null)
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            }
        });
        var response = await factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (spans is not null && seen is { } activity)
        {
            // The server span stops (and is exported) when the pipeline completes, which can be just after the client has
            // read the response: wait for it while the host, and so its tracer provider, is still alive. Waiting after the
            // host was disposed (as before) could wait for a span that a disposed provider would never export.
            // ToArray copies without a version check.
            SpinWait.SpinUntil(() => spans.ToArray().Any(s => s.Kind == ActivityKind.Server && s.TraceId == activity.TraceId), TimeSpan.FromSeconds(10));
        }

        factory.Services.GetService<TracerProvider>()?.ForceFlush();
        return seen;
    }

    private sealed class SeeActivity(Action<Activity?> see) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, following) =>
            {
                see(Activity.Current);
                await following(http);
            });
            next(app);
        };
    }

    [Fact]
    public async Task A_management_url_without_a_fixed_port_stops_start_up_naming_the_setting()
    {
        using var temp = new TempDir();

        var (exit, _, errors) = await HostProcess.RunAsync(temp.Path,
            HostProcess.ServerArgs(temp.Path, "--Observability:ManagementUrls=http://127.0.0.1"));

        Assert.Equal(1, exit);
        Assert.Contains("Observability:ManagementUrls: 'http://127.0.0.1' needs http(s) and an explicit, fixed port", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://discord.com/api/v10/webhooks/11/tok-en_1/messages/@original?wait=true", "https://discord.com/api/v10/webhooks/11/{token}/messages/@original?wait=true")]
    [InlineData("https://discord.com/api/v10/interactions/22/tok/callback", "https://discord.com/api/v10/interactions/22/{token}/callback")]
    [InlineData("https://hooks.slack.com/actions/T1/2/secret", "https://hooks.slack.com/{redacted}")]
    [InlineData("https://hooks.slack.com/services/T1/B2/secret", "https://hooks.slack.com/{redacted}")]
    [InlineData("https://slack.com/api/chat.postMessage", "https://slack.com/api/chat.postMessage")]
    [InlineData("https://discord.com/api/v10/channels/1/messages", "https://discord.com/api/v10/channels/1/messages")]
    [InlineData("/discord/interactions", "/discord/interactions")]
    public void Redaction_replaces_tokens_in_paths_and_leaves_other_urls_alone(string url, string expected) =>
        Assert.Equal(expected, MlMentorBot.Hosting.TraceRedaction.Redact(url));

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Sample(string exposition, string metric, params string[] labels)
    {
        var matches = exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(l => line.Contains(l, StringComparison.Ordinal)))
            .ToList();
        Assert.True(matches.Count == 1, $"expected one {metric} sample with {string.Join(",", labels)}, got {matches.Count}:\n{exposition}");
        return double.Parse(Regex.Match(matches[0], @"\} (\S+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
