using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Slack;

/// <summary>Issue 13: signed but hostile or unlucky Slack input gets a clear 4xx, never a 500.</summary>
public sealed class SlackHardeningTests : IDisposable
{
    private readonly FakeSlackHandler _slack = new();
    private readonly BotFactory _factory;
    private readonly HttpClient _client;

    public SlackHardeningTests()
    {
        _factory = SlackHttpEndpointTests.HttpModeFactory(_slack);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static HttpRequestMessage SignedBytes(string path, byte[] body, string contentType)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts.ToString());
        byte[] signed = [.. Encoding.UTF8.GetBytes($"v0:{ts}:"), .. body];
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("test-signing-secret"), signed);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }

    private static string ViewSubmission(string metadata, string values) =>
        "payload=" + Uri.EscapeDataString(SlackFixtures.Read("view-submission.json")
            .Replace("{{METADATA}}", metadata.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{{VALUES}}", values, StringComparison.Ordinal));

    public static TheoryData<string, byte[], string> Unreadable => new()
    {
        { "/slack/events", """{"type":"\ud800"}"""u8.ToArray(), "application/json" },
        { "/slack/events", [.. "{\"type\":\"event_callback\",\"event_id\":\""u8, 0xC3, 0x28, .. "\"}"u8], "application/json" },
        { "/slack/interactivity", Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString("""{"type":"\ud800"}""")), "application/x-www-form-urlencoded" },
        { "/slack/interactivity", [.. "payload=%7B%22type%22%3A%22"u8, 0xFF, .. "%22%7D"u8], "application/x-www-form-urlencoded" },
        { "/slack/interactivity", Encoding.UTF8.GetBytes(ViewSubmission("{}", "{}")), "application/x-www-form-urlencoded" },
        {
            "/slack/interactivity",
            Encoding.UTF8.GetBytes(ViewSubmission("""{"command":"/checkin"}""", """{"done":{"done":{"type":"plain_text_input","value":"\ud800"}}}""")),
            "application/x-www-form-urlencoded"
        },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_signed_body_that_cannot_be_read_is_400_with_a_reason(string path, byte[] body, string contentType)
    {
        using var response = await _client.SendAsync(SignedBytes(path, body, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_ssl_check_is_200()
    {
        using var response = await _client.SendAsync(SignedBytes("/slack/commands", "ssl_check=1&token=abc"u8.ToArray(), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_bare_mention_aims_the_answer_at_the_member_instead_of_being_read_as_the_stage()
    {
        using var response = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/commands", SlackFixtures.SlashCommand("/roadmap", "<@U0BOB0001|bob>")));
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("in_channel", message["response_type"]!.GetValue<string>());
        Assert.StartsWith("<@U0BOB0001>", message["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Command_text_past_slacks_limit_is_refused_before_any_work()
    {
        using var response = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/commands",
            SlackFixtures.SlashCommand("/progress", "mark " + new string('x', 60_000) + " done")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Too long", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_link_in_member_text_stays_text_in_a_public_post()
    {
        var markdown = "**Done:** " + UserText.Escape("[click](https://evil.example) ||spoiler|| <@123> *bold*");

        var mrkdwn = Mrkdwn.FromMarkdown(markdown);

        Assert.DoesNotContain("<https://evil.example", mrkdwn);
        Assert.Contains("[click](https://evil.example)", mrkdwn);
        Assert.DoesNotContain("<@", mrkdwn);
        Assert.StartsWith("*Done:*", mrkdwn);
    }
}
