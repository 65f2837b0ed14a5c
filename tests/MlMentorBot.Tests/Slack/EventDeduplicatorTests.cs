using MlMentorBot.Slack.Inbound;

namespace MlMentorBot.Tests.Slack;

public sealed class EventDeduplicatorTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_redelivery_within_the_hour_is_not_handled_again_but_the_id_is_forgotten_after_it()
    {
        using var dedupe = new EventDeduplicator(_time);

        Assert.True(dedupe.IsFirstDelivery("Ev1"));
        _time.Advance(TimeSpan.FromMinutes(5)); // Slack's last retry comes after 5 minutes
        Assert.False(dedupe.IsFirstDelivery("Ev1"));
        Assert.True(dedupe.IsFirstDelivery("Ev2"));

        _time.Advance(TimeSpan.FromMinutes(56));

        Assert.True(dedupe.IsFirstDelivery("Ev1"));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_id_are_handled_once()
    {
        using var dedupe = new EventDeduplicator(_time);

        var firsts = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => dedupe.IsFirstDelivery("Ev1"))));

        Assert.Single(firsts, isFirst => isFirst);
    }
}
