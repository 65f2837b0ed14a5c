using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Discord.Rest;
using MlMentorBot.Slack.WebApi;
using MlMentorBot.Tests.Discord;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Slack;
using Xunit.Abstractions;

namespace MlMentorBot.Tests.Hardening;

/// <summary>Tests that must be alone in the process: they watch every outbound request it makes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInProcess
{
    public const string Name = "alone in process";
}

/// <summary>
/// Issue 13 item 1: seeded mutations of the real fixtures, correctly signed, against all four endpoints of one host with
/// Slack and Discord both in HTTP mode. None may get a 5xx, nothing may leave the stubbed HTTP handlers, and the host must
/// still be healthy and answering afterwards. A failure lists the seed's case number and mutations, so it can be replayed.
/// </summary>
[Collection(AloneInProcess.Name)]
public sealed class SignedBodyFuzzTests(ITestOutputHelper output)
{
    private const int BodiesPerEndpoint = 2000;
    private const int Seed = 20_261_130;
    private const string SlackSecret = "test-signing-secret";

    [Fact]
    public async Task Mutated_signed_bodies_never_get_a_5xx_nothing_leaves_the_stubs_and_the_host_stays_healthy()
    {
        var key = new TestSigningKey();
        var outbound = new RecordingHandler();
        using var network = new NetworkWatch();
        using var factory = new BotFactory(
            new Dictionary<string, string?>
            {
                ["Slack:Enabled"] = "true",
                ["Slack:Mode"] = "Http",
                ["Slack:SigningSecret"] = SlackSecret,
                ["Slack:BotToken"] = "xoxb-placeholder-token",
                ["Discord:Enabled"] = "true",
                ["Discord:Mode"] = "Http",
                ["Discord:ApplicationId"] = "1143372838210596935",
                ["Discord:PublicKey"] = key.PublicKeyHex,
                ["Discord:ApiBaseUrl"] = "https://discord.test/api/v10/",
            },
            services =>
            {
                services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => outbound));
                services.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => outbound);
                services.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => outbound);
            });
        using var client = factory.CreateClient();
        await ProveTheWatchSeesRealRequestsAsync(network);

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        foreach (var (path, generate) in Endpoints())
        {
            // Generated up front and in order, so the seed alone fixes every case whatever the request timing.
            var random = new Random(Seed + path.Length);
            var mutator = new BodyMutator(random);
            var cases = Enumerable.Range(0, BodiesPerEndpoint).Select(i => (Number: i, Case: generate(mutator, random))).ToList();
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, ct) =>
            {
                using var request = path.StartsWith("/discord", StringComparison.Ordinal) ? SignDiscord(key, path, item.Case) : SignSlack(path, item.Case);
                using var response = await client.SendAsync(request, ct);
                statuses.AddOrUpdate($"{path} {(int)response.StatusCode}", 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500)
                {
                    var preview = Encoding.UTF8.GetString(item.Case.Body.AsSpan(0, Math.Min(300, item.Case.Body.Length)));
                    failures.Enqueue($"{path} #{item.Number} → {(int)response.StatusCode} [{item.Case.Mutations}] {preview}");
                }
            });
        }

        output.WriteLine($"{4 * BodiesPerEndpoint} signed bodies in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (status, count) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{status}: {count}");
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} bodies got a 5xx:\n" + string.Join("\n", failures.Take(15)));

        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using var slack = await client.SendAsync(SlackHttpEndpointTests.Signed("/slack/commands", SlackFixtures.SlashCommand("/roadmap", "foundations")));
        Assert.Equal(HttpStatusCode.OK, slack.StatusCode);
        Assert.Contains("oundations", await slack.Content.ReadAsStringAsync());

        var roadmap = DiscordFixtures.Bytes("command_roadmap_guild.json");
        using var discord = await client.SendAsync(SignDiscord(key, "/discord/interactions", new FuzzCase(roadmap, "application/json", "")));
        Assert.Equal(HttpStatusCode.OK, discord.StatusCode);
        Assert.Equal(4, (int)JsonNode.Parse(await discord.Content.ReadAsStringAsync())!["type"]!);

        // Every response_url a body named pointed somewhere; only Slack's and Discord's own hosts may have been called, and
        // only through the stub.
        Assert.Empty(network.Requests);
        Assert.All(outbound.Requests, r => Assert.True(
            r.Uri.Host is "slack.com" or "discord.test" || r.Uri.Host.EndsWith(".slack.com", StringComparison.Ordinal),
            $"{r.Method} {r.Uri} is not a Slack or Discord API host"));
    }

    /// <summary>A real request to a closed loopback port must show up, or an empty watch would prove nothing.</summary>
    private static async Task ProveTheWatchSeesRealRequestsAsync(NetworkWatch network)
    {
        using var real = new HttpClient();
        try
        {
            using var _ = await real.GetAsync("http://127.0.0.1:9/");
        }
        catch (HttpRequestException)
        {
        }

        Assert.NotEmpty(network.Requests);
        network.Requests.Clear();
    }

    private static IEnumerable<(string Path, Func<BodyMutator, Random, FuzzCase> Generate)> Endpoints()
    {
        (string Command, string Text)[] commands =
        [
            ("/roadmap", ""), ("/roadmap", "foundations"), ("/progress", "mark roadmap.foundations.math done"), ("/progress", "show"),
            ("/salary", "entry"), ("/ask", "what does an ml engineer do"), ("/checkin", ""), ("/group", "info"), ("/help", "progress"),
            ("/skills", "frameworks <@U0BOB0001|bob>"), ("/kb", "status"), ("/progress", "export"), ("/away", "weeks:2"),
        ];
        var slashForms = commands.Select(c => Fields(SlackFixtures.SlashCommand(c.Command, c.Text))).ToList();
        yield return ("/slack/commands", (m, r) => m.Form(slashForms[r.Next(slashForms.Count)]));

        string[] events = [SlackFixtures.Read("event-callback.json"), SlackFixtures.Read("url-verification.json")];
        yield return ("/slack/events", (m, r) => m.Json(events[r.Next(events.Length)], "application/json"));

        string[] payloads =
        [
            SlackFixtures.Read("block-actions.json").Replace("{{VALUE}}", "/progress show", StringComparison.Ordinal),
            SlackFixtures.Read("block-actions.json").Replace("{{VALUE}}", "/progress mark math done", StringComparison.Ordinal),
            SlackFixtures.Read("block-actions.json").Replace("{{VALUE}}", "/roadmap foundations", StringComparison.Ordinal),
            ViewSubmission("""{"command":"/checkin","channel":"C2147483705"}""",
                """{"done":{"done":{"type":"plain_text_input","value":"read a paper"}},"steps":{"steps":{"type":"plain_text_input","value":"math"}}}"""),
            ViewSubmission("""{"command":"/ask"}""", """{"question":{"question":{"type":"plain_text_input","value":"what is mlops"}}}"""),
        ];
        yield return ("/slack/interactivity", (m, r) => m.Payload(payloads[r.Next(payloads.Length)]));

        var interactions = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Discord"), "*.json")
            .Where(f => !Path.GetFileName(f).StartsWith("gateway", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "CheckIns"), "discord_*.json"))
            .Select(File.ReadAllText)
            .ToList();
        yield return ("/discord/interactions", (m, r) => m.Json(interactions[r.Next(interactions.Count)], "application/json"));
    }

    private static string ViewSubmission(string metadata, string values) =>
        SlackFixtures.Read("view-submission.json")
            .Replace("{{METADATA}}", metadata.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{{VALUES}}", values, StringComparison.Ordinal);

    private static List<KeyValuePair<string, string>> Fields(string form) =>
        form.Split('&').Select(pair => pair.Split('=', 2))
            .Select(kv => KeyValuePair.Create(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : "")))
            .ToList();

    private static HttpRequestMessage SignSlack(string path, FuzzCase fuzz)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Request(path, fuzz);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"v0:{timestamp}:"), .. fuzz.Body];
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackSecret), signed)));
        return request;
    }

    private static HttpRequestMessage SignDiscord(TestSigningKey key, string path, FuzzCase fuzz)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Request(path, fuzz);
        request.Headers.Add("X-Signature-Ed25519", key.Sign(timestamp, fuzz.Body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    private static HttpRequestMessage Request(string path, FuzzCase fuzz)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(fuzz.Body) };
        if (fuzz.ContentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }

        return request;
    }
}
