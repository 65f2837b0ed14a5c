using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
using MlMentorBot.Tests.CheckIns;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Slack;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Replicas;

/// <summary>
/// Three replicas of the real host (<see cref="BotFactory"/>) in Slack HTTP mode on one database, sharing a fake clock, with
/// signed requests spread over them (issue #11), run on each provider by the subclasses below.
/// </summary>
public abstract class ReplicaTests(TestStorage storage) : IDisposable
{
    private const string Secret = "test-signing-secret";
    private readonly FakeSlackHandler _slack = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly List<BotFactory> _replicas = [];

    public void Dispose()
    {
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }

        storage.Dispose();
    }

    private IReadOnlyList<BotFactory> StartReplicas(int count = 3)
    {
        for (var i = 0; i < count; i++)
        {
            var settings = new Dictionary<string, string?>(storage.Settings)
            {
                ["Slack:Enabled"] = "true",
                ["Slack:Mode"] = "Http",
                ["Slack:SigningSecret"] = Secret,
                ["Slack:BotToken"] = "xoxb-placeholder-token",
                ["Moderation:IsWatchEnabled"] = "false",
            };
            var replica = new BotFactory(settings, services =>
            {
                services.AddHttpClient(MlMentorBot.Slack.WebApi.SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _slack);
                services.AddSingleton<TimeProvider>(_clock);
            });
            _ = replica.Server; // start it
            _replicas.Add(replica);
        }

        return _replicas;
    }

    private async Task<string> SlashAsync(BotFactory replica, string command, string text, string user = "U2CERLKJA")
    {
        using var client = replica.CreateClient();
        using var response = await client.SendAsync(SlackHttpEndpointTests.Signed(
            "/slack/commands", SlackFixtures.SlashCommand(command, text, user), _clock.GetUtcNow().ToUnixTimeSeconds(), Secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [SkippableFact]
    public async Task Progress_written_through_one_replica_is_read_back_through_the_others_at_once_even_after_they_served_the_member()
    {
        var replicas = StartReplicas();
        foreach (var other in replicas.Skip(1))
        {
            Assert.Contains("— 0 done,", await SlashAsync(other, "/progress", "show"));
            Assert.Contains("ML engineer roadmap — 0/", await SlashAsync(other, "/roadmap", ""));
        }

        await SlashAsync(replicas[0], "/progress", "mark roadmap.foundations.math done");

        foreach (var other in replicas.Skip(1))
        {
            Assert.Contains("— 1 done,", await SlashAsync(other, "/progress", "show"));
            Assert.Contains("ML engineer roadmap — 1/", await SlashAsync(other, "/roadmap", ""));
        }

        await SlashAsync(replicas[2], "/progress", "mark roadmap.foundations.math todo");
        Assert.Contains("— 0 done,", await SlashAsync(replicas[1], "/progress", "show"));
        Assert.Contains("ML engineer roadmap — 0/", await SlashAsync(replicas[0], "/roadmap", ""));
    }

    [SkippableFact]
    public async Task Concurrent_writes_spread_over_the_replicas_are_all_kept()
    {
        var replicas = StartReplicas();
        var steps = replicas[0].Services.GetRequiredService<Core.Knowledge.KnowledgeService>().Current.Steps.Select(s => s.Id).Take(12).ToList();
        var users = Enumerable.Range(1, 4).Select(i => $"U0000000{i}").ToList();

        await Task.WhenAll(users.SelectMany(user => steps.Select((step, i) =>
            SlashAsync(replicas[(i + users.IndexOf(user)) % replicas.Count], "/progress", $"mark {step} done", user))));

        foreach (var replica in replicas)
        {
            var store = replica.Services.GetRequiredService<IProgressStore>();
            foreach (var user in users)
            {
                var progress = await store.GetAsync(new MemberKey("slack", "T0001", user), CancellationToken.None);
                Assert.Equal(steps.Order(StringComparer.OrdinalIgnoreCase), progress.Keys.Order(StringComparer.OrdinalIgnoreCase));
            }
        }
    }

    [SkippableFact]
    public async Task A_slack_event_retried_on_another_replica_is_recognised_as_a_duplicate()
    {
        var replicas = StartReplicas(count: 2);

        var first = await replicas[0].Services.GetRequiredService<MlMentorBot.Slack.Inbound.EventDeduplicator>().IsFirstDeliveryAsync("Ev0R1", CancellationToken.None);
        var retry = await replicas[1].Services.GetRequiredService<MlMentorBot.Slack.Inbound.EventDeduplicator>().IsFirstDeliveryAsync("Ev0R1", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(61));
        var anHourLater = await replicas[1].Services.GetRequiredService<MlMentorBot.Slack.Inbound.EventDeduplicator>().IsFirstDeliveryAsync("Ev0R1", CancellationToken.None);

        Assert.True(first);
        Assert.False(retry);
        Assert.True(anHourLater);
    }

    [SkippableFact]
    public async Task A_group_whose_replica_of_creation_stopped_before_opening_gets_exactly_one_weekly_prompt()
    {
        var replicas = StartReplicas();
        var opening = _clock.GetUtcNow().UtcDateTime.Date.AddDays(2).AddHours(9);
        await SlashAsync(replicas[0], "/group", $"create ml-101 day:{opening.DayOfWeek.ToString().ToLowerInvariant()} time:09:00 timezone:UTC hours:48");
        replicas[0].Dispose();
        var survivors = replicas.Skip(1).ToList();

        foreach (var at in new[] { opening.AddMinutes(-1), opening, opening.AddSeconds(30), opening.AddHours(1) })
        {
            _clock.SetUtcNow(new DateTimeOffset(at, TimeSpan.Zero));
            await Task.WhenAll(survivors.Select(r => r.Services.GetRequiredService<CheckInScheduler>().RunDueAsync(CancellationToken.None)));
            var prompts = _slack.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/chat.postMessage", StringComparison.Ordinal) && r.Body.Contains("Weekly check-in", StringComparison.Ordinal));
            Assert.Equal(at < opening ? 0 : 1, prompts);
        }
    }
}

public sealed class ReplicaOnSqliteTests() : ReplicaTests(TestStorage.Sqlite());

[Collection(PostgresCluster.Collection)]
public sealed class ReplicaOnPostgresTests(PostgresCluster cluster) : ReplicaTests(TestStorage.Postgres(cluster));
