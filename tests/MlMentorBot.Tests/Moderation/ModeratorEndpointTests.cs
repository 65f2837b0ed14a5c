using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MlMentorBot.Tests.Discord;
using MlMentorBot.Tests.Slack;

namespace MlMentorBot.Tests.Moderation;

/// <summary>
/// Moderator commands through the real platform endpoints: each adapter decides who is a moderator (Discord from the
/// member's permissions in the interaction, Slack from <c>Slack:AdminUserIds</c>) and the core refuses everyone else.
/// </summary>
[Collection(ModerationHost.Collection)]
public sealed class ModeratorEndpointTests
{
    [Theory]
    [InlineData("0", false)] // no permissions
    [InlineData("2048", false)] // Send Messages only
    [InlineData("32", true)] // Manage Guild
    [InlineData("8", true)] // Administrator
    public async Task Discord_kb_status_depends_on_the_members_permissions(string permissions, bool isAllowed)
    {
        var key = new TestSigningKey();
        using var factory = InteractionEndpointTests.HttpModeFactory(key, new FakeDiscordApi());
        using var client = factory.CreateClient();
        var node = JsonNode.Parse(DiscordFixtures.Text("command_roadmap_guild.json"))!;
        node["data"]!["name"] = "kb";
        node["data"]!["options"] = new JsonArray(new JsonObject { ["name"] = "status", ["type"] = 1, ["options"] = new JsonArray() });
        node["member"]!["permissions"] = permissions;
        var body = Encoding.UTF8.GetBytes(node.ToJsonString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var timestamp = TestSigningKey.Now();
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", key.Sign(timestamp, body));
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        using var response = await client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var title = json["data"]!["embeds"]![0]!["title"]!.GetValue<string>();
        Assert.Equal(64, json["data"]!["flags"]!.GetValue<int>());
        if (isAllowed)
        {
            Assert.DoesNotContain("Moderators only", title);
            Assert.Contains("Knowledge", title, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Contains("Moderators only", title);
        }
    }

    [Theory]
    [InlineData("U0MEMBER1", false)]
    [InlineData("U0ADMIN01", true)]
    public async Task Slack_kb_status_is_only_for_the_configured_admins(string userId, bool isAllowed)
    {
        using var factory = SlackHttpEndpointTests.HttpModeFactory(new FakeSlackHandler(), new Dictionary<string, string?>
        {
            ["Slack:AdminUserIds:0"] = "U0ADMIN01",
        });
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(SlackHttpEndpointTests.Signed("/slack/commands", SlackFixtures.SlashCommand("/kb", "status", userId)));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("ephemeral", json["response_type"]!.GetValue<string>());
        var text = json["text"]!.GetValue<string>();
        Assert.Equal(!isAllowed, text.StartsWith("Moderators only", StringComparison.Ordinal));
    }
}
