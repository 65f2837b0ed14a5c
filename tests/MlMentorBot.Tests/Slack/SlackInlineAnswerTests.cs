using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.Commands;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Slack;

/// <summary>
/// Issue 10: a <c>/roadmap</c> whose member's progress is cached and known current is answered on the request's own stack
/// (<see cref="ICommandDispatcher.TryAnswerWithoutWaiting"/>), without the thread-pool hop every other command takes; a
/// cold or possibly stale cache takes the hop as before. Signed requests through the real host on a temporary SQLite file.
/// </summary>
public sealed class SlackInlineAnswerTests : IDisposable
{
    private const string Math = "Linear algebra, calculus and probability";
    private readonly BotFactory _factory = SlackHttpEndpointTests.HttpModeFactory(new FakeSlackHandler());
    private readonly HttpClient _client;

    public SlackInlineAnswerTests() => _client = _factory.CreateClient();

    private CommandDispatcher Dispatcher => (CommandDispatcher)_factory.Services.GetRequiredService<ICommandDispatcher>();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task A_cached_roadmap_is_answered_inline_and_follows_a_write_by_another_connection()
    {
        await CommandAsync("/progress", "mark roadmap.foundations.math done");
        var cold = await CommandAsync("/roadmap", "");
        var warm = await InlineRoadmapAsync();
        var inline = Dispatcher.AnsweredWithoutWaiting;
        Assert.Equal(cold.ToJsonString(), warm.ToJsonString());
        Assert.Contains("✅ " + Math, Decoded(warm));

        // As another replica, a migration script or the sqlite3 shell would: neither through the store nor its database object.
        await using (var other = new SqliteConnection($"Data Source={_factory.Temp.File("bot.db")}"))
        {
            await other.OpenAsync();
            await other.ExecuteAsync("UPDATE step_progress SET status = 'learning'; UPDATE members SET progress_version = progress_version + 1;");
        }

        var afterWrite = await CommandAsync("/roadmap", "");
        Assert.Equal(inline, Dispatcher.AnsweredWithoutWaiting); // the commit moved the epoch: checked, not served from memory
        Assert.Contains("📖 " + Math, Decoded(afterWrite));
        var again = await InlineRoadmapAsync();
        Assert.Contains("📖 " + Math, Decoded(again));
    }

    [Fact]
    public async Task Commands_that_need_the_database_and_a_member_not_yet_read_take_the_ordinary_path()
    {
        await CommandAsync("/roadmap", "");
        await InlineRoadmapAsync();
        var inline = Dispatcher.AnsweredWithoutWaiting;

        var stranger = await CommandAsync("/roadmap", "", user: "U0NEWCOMER");
        Assert.StartsWith("ML engineer roadmap — 0/", Header(stranger));
        var progress = await CommandAsync("/progress", "show");
        Assert.NotNull(progress["blocks"]);
        Assert.Equal(inline, Dispatcher.AnsweredWithoutWaiting);
    }

    [Fact]
    public async Task A_roadmap_aimed_at_another_member_needs_no_database_and_shows_nobodys_progress()
    {
        await CommandAsync("/progress", "mark roadmap.foundations.math done");
        var inline = Dispatcher.AnsweredWithoutWaiting;

        var aimed = await CommandAsync("/roadmap", "<@U0OTHER01|other>");
        Assert.Equal(inline + 1, Dispatcher.AnsweredWithoutWaiting);
        Assert.StartsWith("<@U0OTHER01>", aimed["text"]!.GetValue<string>());
        Assert.Contains("ML engineer roadmap — 0/", Decoded(aimed));
        Assert.DoesNotContain("✅ " + Math, Decoded(aimed));
    }

    /// <summary>
    /// Sends <c>/roadmap</c> until one is answered from memory, and returns that answer. The host's own start-up and
    /// background work (schedulers' claims, usage counts) commits to the same file now and then, and any commit rightly
    /// sends the next read to the version query; so "the next roadmap is inline" would race those writers (it failed once
    /// in CI). Ten tries, none inline, fails: the short-cut is broken, not merely unlucky.
    /// </summary>
    private async Task<JsonObject> InlineRoadmapAsync()
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var before = Dispatcher.AnsweredWithoutWaiting;
            var answer = await CommandAsync("/roadmap", "");
            if (Dispatcher.AnsweredWithoutWaiting == before + 1)
            {
                return answer;
            }
        }

        Assert.Fail("ten /roadmap in a row were each checked against the database; a cached one should have been answered from memory");
        return null!;
    }

    private async Task<JsonObject> CommandAsync(string command, string text, string user = "U2CERLKJA")
    {
        using var response = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/commands", SlackFixtures.SlashCommand(command, text, user)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The JSON with its strings' escapes undone, as Slack reads them (even relaxed escaping keeps 📖 as \uD83D\uDCD6).</summary>
    private static string Decoded(JsonNode node) => Regex.Unescape(node.ToJsonString());

    private static string Header(JsonObject message) => message["blocks"]![0]!["text"]!["text"]!.GetValue<string>();
}
