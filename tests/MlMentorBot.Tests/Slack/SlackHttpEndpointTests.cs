using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Slack.WebApi;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Slack;

/// <summary>Signed Slack requests through the real host (<see cref="BotFactory"/>: temporary SQLite file, real knowledge folder).</summary>
public sealed class SlackHttpEndpointTests : IDisposable
{
    private const string Secret = "test-signing-secret";
    private readonly FakeSlackHandler _slack = new();
    private readonly BotFactory _factory;
    private readonly HttpClient _client;

    public SlackHttpEndpointTests()
    {
        _factory = HttpModeFactory(_slack);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    internal static BotFactory HttpModeFactory(FakeSlackHandler slack, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:Mode"] = "Http",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-placeholder-token",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new BotFactory(settings, services =>
            services.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => slack));
    }

    internal static HttpRequestMessage Signed(string path, string body, long? timestamp = null, string secret = Secret, string contentType = "application/x-www-form-urlencoded")
    {
        var ts = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", ts.ToString());
        request.Headers.Add("X-Slack-Signature", SlackSigner.Sign(secret, ts, body));
        return request;
    }

    private async Task<JsonObject> CommandAsync(string command, string text, string user = "U2CERLKJA")
    {
        using var response = await _client.SendAsync(Signed("/slack/commands", SlackFixtures.SlashCommand(command, text, user)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The JSON with strings as Slack reads them (the serializer writes &lt; as \u003C).</summary>
    private static string Decoded(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Form(string payloadJson) => "payload=" + Uri.EscapeDataString(payloadJson);

    private static string BlockAction(string commandLine) =>
        Form(SlackFixtures.Read("block-actions.json").Replace("{{VALUE}}", commandLine, StringComparison.Ordinal));

    private static string Header(JsonObject message) => message["blocks"]![0]!["text"]!["text"]!.GetValue<string>();

    private static IEnumerable<JsonNode> Buttons(JsonObject message) =>
        message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray())!;

    [Fact]
    public async Task Slash_roadmap_answers_with_block_kit_and_a_mark_done_button()
    {
        var message = await CommandAsync("/roadmap", "");

        Assert.Equal("ephemeral", message["response_type"]!.GetValue<string>());
        Assert.StartsWith("ML engineer roadmap — 0/", Header(message));
        var markDone = Buttons(message).First(b => b["text"]!["text"]!.GetValue<string>() == "Mark done");
        Assert.Matches("^/progress mark roadmap\\.[a-z0-9.-]+ done$", markDone["value"]!.GetValue<string>());
        Assert.Contains(message["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "context");
    }

    [Fact]
    public async Task Every_catalog_example_answers_within_block_kit_limits()
    {
        foreach (var example in CommandCatalog.All.SelectMany(c => c.Examples))
        {
            var space = example.IndexOf(' ');
            var (command, text) = (space < 0 ? example : example[..space], space < 0 ? "" : example[(space + 1)..]);
            var opened = _slack.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/views.open", StringComparison.Ordinal));
            using var response = await _client.SendAsync(Signed("/slack/commands", SlackFixtures.SlashCommand(command, text)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            if (body.Length == 0)
            {
                // A form answers with an empty acknowledgement and a views.open call: "/checkin" opens one while the week of
                // the example group ("day:monday time:09:00 timezone:Europe/Berlin") is open on the real clock, and replies
                // "not open yet" otherwise. Either way the answer must be a valid one.
                var views = _slack.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/views.open", StringComparison.Ordinal)).ToList();
                Assert.True(views.Count == opened + 1, $"{example}: an empty acknowledgement without a form opened");
                var view = JsonNode.Parse(views[^1].Body)!["view"]!.AsObject();
                Assert.Equal("modal", view["type"]!.GetValue<string>());
                Assert.True(view["title"]!["text"]!.GetValue<string>().Length <= 24, $"{example}: modal title over 24 characters");
                Assert.True(view["blocks"]!.AsArray().Count is >= 1 and <= 100, $"{example}: modal blocks");
                continue;
            }

            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            BlockKitLimits.AssertWithin(JsonNode.Parse(body)!.AsObject(), example);
        }
    }

    [Fact]
    public async Task An_answer_aimed_at_a_member_is_public_and_mentions_only_them()
    {
        // With should_escape on (see the manifest), Slack sends "@bob" as <@U0BOB0001|bob> and escapes the rest of the text.
        var message = await CommandAsync("/salary", "entry user:<@U0BOB0001|bob>");

        Assert.Equal("in_channel", message["response_type"]!.GetValue<string>());
        Assert.StartsWith("<@U0BOB0001>", message["text"]!.GetValue<string>());
        Assert.DoesNotContain("<!", Decoded(message));
    }

    [Theory]
    [InlineData("/ask", "what do &lt;!channel&gt; &amp; &lt;!here&gt; earn?")]
    [InlineData("/roadmap", "&lt;!everyone&gt;")]
    [InlineData("/nonsense", "&lt;!channel&gt;")]
    public async Task Special_mentions_typed_by_a_member_never_come_back_as_mentions(string command, string escapedText)
    {
        var message = await CommandAsync(command, escapedText);

        Assert.DoesNotContain("<!", Decoded(message));
    }

    [Fact]
    public async Task A_topic_typed_as_several_words_answers_that_topic_aimed_at_a_trailing_mention()
    {
        Assert.Equal("Online courses", Header(await CommandAsync("/resources", "online courses")));
        Assert.StartsWith("Stage 4: Build core ML skills", Header(await CommandAsync("/roadmap", "core skills")));

        var aimed = await CommandAsync("/salary", "entry level <@U0BOB0001|bob>");

        Assert.Equal("in_channel", aimed["response_type"]!.GetValue<string>());
        Assert.StartsWith("<@U0BOB0001>", aimed["text"]!.GetValue<string>());
        Assert.Contains("Entry level", Header(aimed));
    }

    [Fact]
    public async Task A_typo_gets_a_private_did_you_mean()
    {
        var message = await CommandAsync("/salary", "levle:entry");

        Assert.Equal("ephemeral", message["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pressing_mark_done_persists_progress_and_answers_through_the_response_url()
    {
        var roadmap = await CommandAsync("/roadmap", "");
        var markDone = Buttons(roadmap).First(b => b["text"]!["text"]!.GetValue<string>() == "Mark done")["value"]!.GetValue<string>();

        using var response = await _client.SendAsync(Signed("/slack/interactivity", BlockAction(markDone)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var followUp = Assert.Single(await _slack.WaitForAsync(1));
        Assert.Equal("https://hooks.slack.com/actions/T0001/548261231/7x3Hn5bQk1Y4dLwP", followUp.Uri.ToString());
        var body = JsonNode.Parse(followUp.Body)!.AsObject();
        Assert.Contains(": done", Header(body));
        Assert.False(body["replace_original"]!.GetValue<bool>());

        var after = await CommandAsync("/roadmap", "");
        Assert.StartsWith("ML engineer roadmap — 1/", Header(after));
    }

    [Fact]
    public async Task A_feedback_vote_replaces_the_answer_in_place_through_the_response_url()
    {
        var answer = await CommandAsync("/ask", "how much do junior ml engineers earn");
        var helpful = Buttons(answer).First(b => b["text"]!["text"]!.GetValue<string>() == "Helpful")["value"]!.GetValue<string>();

        using var response = await _client.SendAsync(Signed("/slack/interactivity", BlockAction(helpful)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var followUp = Assert.Single(await _slack.WaitForAsync(1));
        Assert.Equal("https://hooks.slack.com/actions/T0001/548261231/7x3Hn5bQk1Y4dLwP", followUp.Uri.ToString());
        var body = JsonNode.Parse(followUp.Body)!.AsObject();
        Assert.True(body["replace_original"]!.GetValue<bool>());
        Assert.Contains("Thanks for your feedback", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Buttons(body), b => b["text"]!["text"]!.GetValue<string>() == "Helpful");
    }

    [Fact]
    public async Task A_repeated_roadmap_is_the_same_answer_until_the_member_marks_a_step()
    {
        // The rendered Block Kit is reused per reply; this guards against serving a stale copy after a write.
        var first = (await CommandAsync("/roadmap", "")).ToJsonString();
        var second = (await CommandAsync("/roadmap", "")).ToJsonString();
        Assert.Equal(first, second);

        var progress = await CommandAsync("/progress", "mark roadmap.foundations.math done");
        Assert.Contains(": done", Header(progress));

        var after = await CommandAsync("/roadmap", "");
        Assert.StartsWith("ML engineer roadmap — 1/", Header(after));
        Assert.Contains("✅ Linear algebra, calculus and probability", after["blocks"]!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task The_enterprise_id_is_kept_with_the_member_and_a_payload_without_it_is_the_same_member()
    {
        // The slash-command fixture comes from an Enterprise Grid org (enterprise_id=E0001); the button payload has
        // "enterprise": null. Both are one member, and the organisation stays recorded.
        await CommandAsync("/progress", "mark roadmap.foundations.math done");
        using var press = await _client.SendAsync(Signed("/slack/interactivity", BlockAction("/progress mark roadmap.foundations.sql done")));
        await _slack.WaitForAsync(1);

        var reply = await CommandAsync("/progress", "export");
        var export = string.Join("\n", reply["blocks"]!.AsArray().Select(b => b?["text"]?["text"]?.GetValue<string>()).OfType<string>());

        Assert.Contains("\"enterprise_id\": \"E0001\"", export);
        Assert.Contains("roadmap.foundations.math", export);
        Assert.Contains("roadmap.foundations.sql", export);
    }

    [Fact]
    public async Task Progress_is_kept_per_member()
    {
        var roadmap = await CommandAsync("/roadmap", "");
        var markDone = Buttons(roadmap).First(b => b["text"]!["text"]!.GetValue<string>() == "Mark done")["value"]!.GetValue<string>();
        using var _ = await _client.SendAsync(Signed("/slack/interactivity", BlockAction(markDone)));
        await _slack.WaitForAsync(1);

        var someoneElse = await CommandAsync("/roadmap", "", user: "U0OTHER01");

        Assert.StartsWith("ML engineer roadmap — 0/", Header(someoneElse));
    }

    [Fact]
    public async Task A_modal_submission_runs_its_command_with_each_input_as_a_named_option()
    {
        var roadmap = await CommandAsync("/roadmap", "");
        var stepId = Buttons(roadmap).First(b => b["text"]!["text"]!.GetValue<string>() == "Mark done")["value"]!.GetValue<string>().Split(' ')[2];
        var payload = SlackFixtures.Read("view-submission.json")
            .Replace("{{METADATA}}", """{\"command\":\"/progress mark\",\"channel\":\"C2147483705\"}""", StringComparison.Ordinal)
            .Replace("{{VALUES}}",
                "{\"step\":{\"step\":{\"type\":\"plain_text_input\",\"value\":\"" + stepId + "\"}}," +
                "\"status\":{\"status\":{\"type\":\"plain_text_input\",\"value\":\"learning\"}}}",
                StringComparison.Ordinal);

        using var response = await _client.SendAsync(Signed("/slack/interactivity", Form(payload)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync()); // an empty ack closes the modal
        var posted = Assert.Single(await _slack.WaitForAsync(1));
        Assert.EndsWith("/chat.postEphemeral", posted.Uri.AbsolutePath);
        var body = JsonNode.Parse(posted.Body)!;
        Assert.Equal("C2147483705", body["channel"]!.GetValue<string>());
        Assert.Equal("U2CERLKJA", body["user"]!.GetValue<string>());
        Assert.Contains("learning", body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());

        var show = await CommandAsync("/progress", "show");
        Assert.Contains("1 learning", show["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task A_tampered_body_is_401_and_the_handler_never_runs()
    {
        var roadmap = await CommandAsync("/roadmap", "");
        var markDone = Buttons(roadmap).First(b => b["text"]!["text"]!.GetValue<string>() == "Mark done")["value"]!.GetValue<string>();
        var request = Signed("/slack/interactivity", BlockAction("/roadmap"));
        request.Content = new StringContent(BlockAction(markDone), Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("ML engineer roadmap — 0/", Header(await CommandAsync("/roadmap", "")));
        Assert.Empty(_slack.Requests);
    }

    public static TheoryData<string, string> UnverifiedRequests => new()
    {
        { "wrong secret", "" },
        { "stale", "" },
        { "future", "" },
        { "no signature", "" },
        { "no timestamp", "" },
        { "no headers", "" },
    };

    [Theory]
    [MemberData(nameof(UnverifiedRequests))]
    public async Task Unverified_requests_are_401_on_every_endpoint(string problem, string unused)
    {
        _ = unused;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var (path, body) in new[]
                 {
                     ("/slack/commands", SlackFixtures.SlashCommand("/roadmap", "")),
                     ("/slack/interactivity", BlockAction("/roadmap")),
                     ("/slack/events", SlackFixtures.Read("url-verification.json")),
                 })
        {
            var request = problem switch
            {
                "wrong secret" => Signed(path, body, secret: "another-secret"),
                // A margin past the 300 s window: the server reads its clock a moment after this test, so "now + 301"
                // can land exactly on the (accepted) boundary. The boundary itself is tested on a fake clock.
                "stale" => Signed(path, body, timestamp: now - 310),
                "future" => Signed(path, body, timestamp: now + 310),
                _ => Signed(path, body),
            };
            if (problem is "no signature" or "no headers")
            {
                request.Headers.Remove("X-Slack-Signature");
            }

            if (problem is "no timestamp" or "no headers")
            {
                request.Headers.Remove("X-Slack-Request-Timestamp");
            }

            using var response = await _client.SendAsync(request);
            Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{problem} {path}: {response.StatusCode}");
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_before_anything_else()
    {
        var body = SlackFixtures.SlashCommand("/ask", new string('x', 70_000));

        using var response = await _client.SendAsync(Signed("/slack/commands", body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Url_verification_answers_with_the_challenge()
    {
        using var response = await _client.SendAsync(Signed("/slack/events", SlackFixtures.Read("url-verification.json"), contentType: "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_event_and_its_redelivery_are_both_acknowledged()
    {
        var body = SlackFixtures.Read("event-callback.json");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var request = Signed("/slack/events", body, contentType: "application/json");
            request.Headers.Add("X-Slack-Retry-Num", attempt.ToString());
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("ssl_check=1&token=Jhj5dZrVaK7ZwHHjRyZWjbDl")]
    [InlineData("ssl_check=1")]
    public async Task An_unsigned_ssl_check_gets_an_empty_200(string body)
    {
        using var response = await _client.PostAsync("/slack/commands", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unsigned_ssl_check_cannot_smuggle_a_command()
    {
        var body = "ssl_check=1&" + SlackFixtures.SlashCommand("/roadmap", "");

        using var response = await _client.PostAsync("/slack/commands", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_slack_disabled_the_endpoints_are_404()
    {
        using var factory = new BotFactory(new Dictionary<string, string?> { ["Slack:Enabled"] = "false" });
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Signed("/slack/commands", SlackFixtures.SlashCommand("/roadmap", "")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(factory.Services.GetService<SlackApiClient>());
    }

    [Theory]
    [InlineData("Http", "Slack:SigningSecret", "Slack:SigningSecret")]
    [InlineData("SocketMode", "Slack:AppToken", "Slack:AppToken")]
    [InlineData("Http", "Slack:BotToken", "Slack:BotToken")]
    public async Task An_enabled_adapter_missing_a_setting_stops_the_host_naming_it(string mode, string missing, string named)
    {
        // A real process: start-up failure is an exit code and a message, which the in-process test host cannot show reliably
        // (its own start and the program's run race to dispose the failed host).
        using var temp = new TempDir();
        var settings = new Dictionary<string, string>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:Mode"] = mode,
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-placeholder-token",
            ["Slack:AppToken"] = "xapp-placeholder-token",
        };
        settings.Remove(missing);

        var (exit, _, errors) = await HostProcess.RunAsync(temp.Path,
            HostProcess.ServerArgs(temp.Path, [.. settings.Select(s => $"--{s.Key}={s.Value}")]));

        Assert.Equal(1, exit);
        Assert.Contains("Configuration error:", errors);
        Assert.Contains(named, errors);
        Assert.DoesNotContain("Unhandled exception", errors);
    }
}
