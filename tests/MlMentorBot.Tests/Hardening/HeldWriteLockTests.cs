using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.Storage;
using MlMentorBot.Discord;
using MlMentorBot.Tests.Discord;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Slack;

namespace MlMentorBot.Tests.Hardening;

/// <summary>
/// Issue 13 item 9: another process holds SQLite's write lock (<c>BEGIN IMMEDIATE</c> on the same file) for longer than the
/// ack budget. A command that writes is still acknowledged within the budget, deferred, and its answer follows once the lock
/// is released. Real time is used for the acknowledgement only, since it is what is measured; the request is cut off at the
/// platforms' 3-second deadline so a regression fails quickly instead of hanging.
/// </summary>
public sealed class HeldWriteLockTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PlatformDeadline = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_discord_progress_mark_is_deferred_in_time_and_followed_up_once_the_lock_is_released()
    {
        var key = new TestSigningKey();
        var api = new FakeDiscordApi();
        using var factory = InteractionEndpointTests.HttpModeFactory(key, api, s =>
        {
            s.Configure<DiscordOptions>(o => o.AckBudget = Budget);
            s.Configure<StorageOptions>(o => o.BusyTimeoutSeconds = 60);
        });
        using var client = factory.CreateClient();
        await SendDiscordAsync(client, key, WithId("command_roadmap_guild.json", "1300000000000000101"), CancellationToken.None); // migrates the file

        // The warm-up may itself have been deferred on a busy machine; only this interaction's token counts.
        var edit = (string)JsonNode.Parse(DiscordFixtures.Text("command_progress_mark_dm.json"))!["token"]! + "/messages/@original";
        HttpStatusCode status;
        JsonNode? ack;
        TimeSpan elapsed;
        await using (await HoldWriteLockAsync(factory.Temp.File("bot.db")))
        {
            using var deadline = new CancellationTokenSource(PlatformDeadline);
            var clock = Stopwatch.StartNew();
            (status, ack) = await SendDiscordAsync(client, key, WithId("command_progress_mark_dm.json", "1300000000000000102"), deadline.Token);
            elapsed = clock.Elapsed;
            Assert.Empty(api.To(edit)); // the write is still waiting for the lock
        }

        var followUp = await api.WaitForAsync(edit);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, (int)ack!["type"]!);
        Assert.True(elapsed < PlatformDeadline, $"acknowledged after {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal("PATCH", followUp.Method);
        Assert.Contains("done", followUp.Body);
        Assert.DoesNotContain("Something went wrong", followUp.Body);
    }

    [Fact]
    public async Task A_slack_progress_mark_is_acknowledged_in_time_and_answered_through_response_url_once_the_lock_is_released()
    {
        var slack = new FakeSlackHandler();
        using var factory = SlackHttpEndpointTests.HttpModeFactory(slack, new Dictionary<string, string?>
        {
            ["Slack:AckBudget"] = Budget.ToString("c", CultureInfo.InvariantCulture),
            ["Storage:BusyTimeoutSeconds"] = "60",
        });
        using var client = factory.CreateClient();
        using (var warmUp = await client.SendAsync(SlackHttpEndpointTests.Signed("/slack/commands", SlackFixtures.SlashCommand("/progress", "show"))))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        HttpStatusCode status;
        string ack;
        TimeSpan elapsed;
        await using (await HoldWriteLockAsync(factory.Temp.File("bot.db")))
        {
            using var deadline = new CancellationTokenSource(PlatformDeadline);
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(
                SlackHttpEndpointTests.Signed("/slack/commands", SlackFixtures.SlashCommand("/progress", "mark roadmap.foundations.math done")), deadline.Token);
            elapsed = clock.Elapsed;
            status = response.StatusCode;
            ack = await response.Content.ReadAsStringAsync(deadline.Token);
            Assert.DoesNotContain(slack.Requests, r => r.Uri.Host == "hooks.slack.com"); // the write is still waiting for the lock
        }

        MlMentorBot.Tests.Slack.RecordedRequest? answer = null;
        for (var count = 1; answer is null; count++)
        {
            answer = (await slack.WaitForAsync(count)).FirstOrDefault(r => r.Uri.Host == "hooks.slack.com");
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(elapsed < PlatformDeadline, $"acknowledged after {elapsed.TotalMilliseconds:F0} ms");
        Assert.DoesNotContain("roadmap.foundations.math", ack);
        Assert.Equal("/commands/1234/5678", answer.Uri.AbsolutePath);
        Assert.Contains("done", answer.Body);
        Assert.DoesNotContain("Something went wrong", answer.Body);
    }

    /// <summary>A second connection, as another process would have, holding the write lock until disposed (unpooled, so disposing closes it and rolls back).</summary>
    private static async Task<SqliteConnection> HoldWriteLockAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 5, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    private static byte[] WithId(string fixture, string id)
    {
        var node = JsonNode.Parse(DiscordFixtures.Text(fixture))!;
        node["id"] = id;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Json)> SendDiscordAsync(HttpClient client, TestSigningKey key, byte[] body, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.Add("X-Signature-Ed25519", key.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
