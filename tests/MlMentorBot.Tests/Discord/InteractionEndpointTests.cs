using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Commands;
using MlMentorBot.Discord.Rest;
using MlMentorBot.Tests.Hosting;
using Moq;

namespace MlMentorBot.Tests.Discord;

/// <summary>Signed requests through the real host (HTTP mode) on a temporary SQLite file and the real knowledge folder.</summary>
public sealed class InteractionEndpointTests : IDisposable
{
    /// <summary>Signed "now": the endpoint refuses timestamps more than 5 minutes off (issue 13 item 2).</summary>
    private static readonly string Timestamp = TestSigningKey.Now();
    private readonly TestSigningKey _key = new();
    private readonly FakeDiscordApi _api = new();
    private readonly BotFactory _factory;
    private readonly HttpClient _client;

    public InteractionEndpointTests()
    {
        _factory = HttpModeFactory(_key, _api);
        _client = _factory.CreateClient();
    }

    internal static BotFactory HttpModeFactory(TestSigningKey key, FakeDiscordApi api, Action<IServiceCollection>? services = null) => new(
        new Dictionary<string, string?>
        {
            ["Discord:Enabled"] = "true",
            ["Discord:Mode"] = "Http",
            ["Discord:ApplicationId"] = "1143372838210596935",
            ["Discord:PublicKey"] = key.PublicKeyHex,
            ["Discord:ApiBaseUrl"] = "https://discord.test/api/v10/",
        },
        s =>
        {
            s.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api);
            services?.Invoke(s);
        });

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Json)> PostAsync(HttpClient client, byte[] body, string? signature, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        }

        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private Task<(HttpStatusCode Status, JsonNode? Json)> PostSignedAsync(byte[] body) => PostAsync(_client, body, _key.Sign(Timestamp, body), Timestamp);

    private static string Shift(string timestamp, long seconds) =>
        (long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) + seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Edit(string fixture, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(DiscordFixtures.Text(fixture))!;
        edit(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_413_like_slack_not_401()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":1,\"pad\":\"" + new string('x', 300 * 1024) + "\"}");

        var (status, _) = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task An_option_longer_than_discords_6000_characters_is_refused_before_any_work()
    {
        var body = Edit("command_progress_mark_dm.json", node =>
            node["data"]!["options"]![0]!["options"]![0]!["value"] = new string('x', 60_000));

        var (status, json) = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Too long", json!.ToJsonString());
    }

    [Fact]
    public async Task A_signed_ping_is_answered_with_pong()
    {
        var (status, json) = await PostSignedAsync(DiscordFixtures.Bytes("ping.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"type":1}""", json!.ToJsonString());
    }

    public static TheoryData<string> VerificationFailures() =>
    [
        "missing signature", "missing timestamp", "bad hex", "short signature", "long signature", "wrong timestamp",
        "hour-old timestamp", "year-old timestamp", "future timestamp",
        "tampered body", "reserialized body", "other key", "zeros",
    ];

    [Theory]
    [MemberData(nameof(VerificationFailures))]
    public async Task Every_verification_failure_is_401_and_the_command_never_runs(string failure)
    {
        var dispatcher = new Mock<ICommandDispatcher>(MockBehavior.Strict);
        using var factory = HttpModeFactory(_key, _api, s => s.AddSingleton(dispatcher.Object));
        using var client = factory.CreateClient();
        var body = DiscordFixtures.Bytes("command_roadmap_guild.json");
        var good = _key.Sign(Timestamp, body);
        var (signature, timestamp, sent) = failure switch
        {
            "missing signature" => (null, Timestamp, body),
            "missing timestamp" => (good, null, body),
            "bad hex" => (new string('x', 128), Timestamp, body),
            "short signature" => (good[..64], Timestamp, body),
            "long signature" => (good + "ab", Timestamp, body),
            "wrong timestamp" => (good, Shift(Timestamp, 1), body),
            "hour-old timestamp" => (_key.Sign(Shift(Timestamp, -3600), body), Shift(Timestamp, -3600), body),
            "year-old timestamp" => (_key.Sign(Shift(Timestamp, -365 * 86400), body), Shift(Timestamp, -365 * 86400), body),
            "future timestamp" => (_key.Sign(Shift(Timestamp, 3600), body), Shift(Timestamp, 3600), body),
            "tampered body" => (good, Timestamp, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("foundations", "advanced"))),
            "reserialized body" => (good, Timestamp, Encoding.UTF8.GetBytes(JsonNode.Parse(body)!.ToJsonString())),
            "other key" => (new TestSigningKey().Sign(Timestamp, body), Timestamp, body),
            _ => (new string('0', 128), Timestamp, body),
        };

        var (status, _) = await PostAsync(client, sent, signature, timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        dispatcher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_guild_roadmap_command_gets_an_embed_reply_that_pings_nobody()
    {
        var (status, json) = await PostSignedAsync(DiscordFixtures.Bytes("command_roadmap_guild.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, (int)json!["type"]!);
        var embed = json["data"]!["embeds"]![0]!;
        Assert.Contains("foundations", (string)embed["title"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("""{"parse":[]}""", json["data"]!["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task A_repeated_roadmap_is_the_same_response_until_the_member_marks_a_step()
    {
        // Responses built from a reused reply are kept; this guards against serving a stale copy after a write.
        var (_, first) = await PostSignedAsync(DiscordFixtures.Bytes("command_roadmap_guild.json"));
        var (_, again) = await PostSignedAsync(Edit("command_roadmap_guild.json", n => n["id"] = "1300000000000000002"));
        Assert.Equal(first!.ToJsonString(), again!.ToJsonString());
        Assert.Contains("⬜ Linear algebra", Embeds(first));

        var (status, marked) = await PostSignedAsync(Edit("command_roadmap_guild.json", n =>
        {
            n["id"] = "1300000000000000003";
            n["data"]!["name"] = "progress";
            n["data"]!["options"] = JsonNode.Parse(
                """[{"name":"mark","type":1,"options":[{"name":"step","type":3,"value":"roadmap.foundations.math"},{"name":"status","type":3,"value":"done"}]}]""");
        }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("done", Embeds(marked!));

        var (_, after) = await PostSignedAsync(Edit("command_roadmap_guild.json", n => n["id"] = "1300000000000000004"));
        Assert.Contains("✅ Linear algebra", Embeds(after!));
    }

    private static string Embeds(JsonNode response) =>
        response["data"]!["embeds"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public async Task A_dm_progress_mark_is_stored_for_the_dm_member_and_shows_in_their_progress()
    {
        var (_, marked) = await PostSignedAsync(DiscordFixtures.Bytes("command_progress_mark_dm.json"));
        var (status, shown) = await PostSignedAsync(Edit("command_progress_mark_dm.json", n =>
        {
            n["id"] = "1300000000000000009";
            n["data"]!["options"] = JsonNode.Parse("""[{"name":"show","type":1,"options":[]}]""");
        }));

        Assert.Equal(4, (int)marked!["type"]!);
        Assert.Equal(64, (int)marked["data"]!["flags"]!);
        Assert.Equal(HttpStatusCode.OK, status);
        var title = (string)shown!["data"]!["embeds"]![0]!["title"]!;
        Assert.StartsWith("Your progress", title);
        Assert.DoesNotContain("— 0%", title); // one step of the roadmap is now done for this DM member
    }

    [Fact]
    public async Task Autocomplete_for_a_stage_suggests_matching_roadmap_stages()
    {
        var (status, json) = await PostSignedAsync(DiscordFixtures.Bytes("autocomplete_roadmap_stage.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(8, (int)json!["type"]!);
        var choices = json["data"]!["choices"]!.AsArray();
        Assert.InRange(choices.Count, 1, 25);
        Assert.Contains(choices, c => ((string)c!["value"]!).Contains("foundations", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_button_on_the_bots_private_reply_updates_it_in_place()
    {
        var (status, json) = await PostSignedAsync(DiscordFixtures.Bytes("component_button_on_private_reply.json"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7, (int)json!["type"]!);
        Assert.StartsWith("Your progress", (string)json["data"]!["embeds"]![0]!["title"]!);
        Assert.Null(json["data"]!["flags"]); // an update cannot change the message's flags
    }

    [Theory]
    [InlineData("modal_submit_label.json")]
    [InlineData("modal_submit_action_row.json")]
    public async Task A_modal_submission_in_either_shape_runs_the_forms_command(string fixture)
    {
        var (status, json) = await PostSignedAsync(DiscordFixtures.Bytes(fixture));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, (int)json!["type"]!);
        var expectedTitle = fixture.Contains("label") ? "How much does an entry level ML engineer earn?" : "Which certifications help?";
        Assert.StartsWith(expectedTitle[..20], (string)json["data"]!["embeds"]![0]!["title"]!);
    }

    [Fact]
    public async Task A_slow_command_is_deferred_in_the_http_response_and_finished_by_editing_original_afterwards()
    {
        // The reply is held until the HTTP response (the deferral) has arrived, not timed against it, so load cannot reorder them.
        var release = new TaskCompletionSource<Core.Replies.BotReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dispatcher = new Mock<ICommandDispatcher>();
        dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).Returns(release.Task);
        var logs = new CapturingLoggerProvider();
        using var factory = HttpModeFactory(_key, _api, s =>
        {
            s.AddSingleton(dispatcher.Object);
            s.Configure<MlMentorBot.Discord.DiscordOptions>(o => o.AckBudget = TimeSpan.FromMilliseconds(50));
            s.AddSingleton<ILoggerProvider>(logs);
        });
        using var client = factory.CreateClient();
        var body = DiscordFixtures.Bytes("command_roadmap_guild.json");

        var (status, json) = await PostAsync(client, body, _key.Sign(Timestamp, body), Timestamp);
        release.SetResult(new Core.Replies.BotReply { Title = "Worth the wait", IsPrivate = true });
        var edit = await _api.WaitForAsync("/messages/@original");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, (int)json!["type"]!);
        Assert.Equal(64, (int)json["data"]!["flags"]!);
        Assert.Equal("PATCH", edit.Method);
        Assert.Contains("Worth the wait", edit.Body);
        var token = (string)JsonNode.Parse(body)!["token"]!;
        Assert.Contains(logs.Messages, m => m.Contains("deferred"));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(token)); // the edit URL carries the token; it must not reach the logs
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue(formatter(state, exception) + exception);

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task When_discord_is_disabled_the_endpoint_is_404_even_for_a_signed_request()
    {
        using var factory = new BotFactory(new Dictionary<string, string?> { ["Discord:Enabled"] = "false", ["Discord:PublicKey"] = _key.PublicKeyHex });
        using var client = factory.CreateClient();
        var body = DiscordFixtures.Bytes("ping.json");

        var (status, _) = await PostAsync(client, body, _key.Sign(Timestamp, body), Timestamp);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task An_enabled_adapter_without_its_public_key_stops_the_host_naming_the_setting()
    {
        // A real process: start-up failure is an exit code and a message, which the in-process test host cannot show reliably
        // (its own start and the program's run race to dispose the failed host).
        using var temp = new TempDir();

        var (exit, _, errors) = await HostProcess.RunAsync(temp.Path, HostProcess.ServerArgs(temp.Path,
            "--Discord:Enabled=true", "--Discord:Mode=Http", "--Discord:ApplicationId=1143372838210596935"));

        Assert.Equal(1, exit);
        Assert.Contains("Configuration error:", errors);
        Assert.Contains("Discord:PublicKey is missing", errors);
        Assert.DoesNotContain("Unhandled exception", errors);
    }
}
