using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MlMentorBot.Core.Storage;
using MlMentorBot.Slack.Inbound;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Slack;

/// <summary>Slack event ids kept in the database (<c>slack_events</c>), on either provider.</summary>
public abstract class EventDeduplicatorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly TestStorage _storage;
    private readonly CoreServices _core;

    protected EventDeduplicatorTests(TestStorage storage)
    {
        _storage = storage;
        _core = new CoreServices(configure: s => s.AddSingleton(EventDeduplicator.Migration), storage: storage.Settings);
    }

    public void Dispose()
    {
        _core.Dispose();
        _storage.Dispose();
    }

    private EventDeduplicator NewDeduplicator() => new(_core.Get<IDatabase>(), _time, NullLogger<EventDeduplicator>.Instance);

    [SkippableFact]
    public async Task A_redelivery_within_the_hour_is_not_handled_again_but_the_id_is_forgotten_after_it()
    {
        var dedupe = NewDeduplicator();

        Assert.True(await dedupe.IsFirstDeliveryAsync("Ev1", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(5)); // Slack's last retry comes after 5 minutes
        Assert.False(await dedupe.IsFirstDeliveryAsync("Ev1", CancellationToken.None));
        Assert.True(await dedupe.IsFirstDeliveryAsync("Ev2", CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(56));

        Assert.True(await dedupe.IsFirstDeliveryAsync("Ev1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Concurrent_deliveries_of_one_id_are_handled_once()
    {
        var dedupe = NewDeduplicator();

        var firsts = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => dedupe.IsFirstDeliveryAsync("Ev1", CancellationToken.None))));

        Assert.Single(firsts, isFirst => isFirst);
    }
}

public sealed class EventDeduplicatorOnSqliteTests() : EventDeduplicatorTests(TestStorage.Sqlite());

[Collection(PostgresCluster.Collection)]
public sealed class EventDeduplicatorOnPostgresTests(PostgresCluster cluster) : EventDeduplicatorTests(TestStorage.Postgres(cluster));
