using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MlMentorBot.Discord.Gateway;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Discord;

/// <summary>
/// The database lease behind the Gateway's identify turns, with two gates on one SQLite file standing in for two replicas
/// (issue #11). A turn's <see cref="IdentifyGate.IdentifyTurn.ClaimedAt"/> is the fake time its lease was taken, so gaps are exact.
/// </summary>
public sealed class GatewayIdentifyGateTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly TempDir _temp = new();
    private readonly GatewayTimings _timings = new();

    public void Dispose() => _temp.Dispose();

    private const string GatewayBot =
        """{"url":"wss://gateway.test","shards":2,"session_start_limit":{"total":1000,"remaining":900,"reset_after":1000,"max_concurrency":1}}""";

    /// <summary>A gate with its own connections to the test's database file; <c>/gateway/bot</c> answers <paramref name="answers"/>, then normally.</summary>
    private IdentifyGate Replica(params string[] answers)
    {
        var api = new FakeDiscordApi();
        foreach (var answer in answers.Concat(Enumerable.Repeat(GatewayBot, 10)))
        {
            api.Respond("gateway/bot", HttpStatusCode.OK, answer);
        }

        return new IdentifyGate(GatewayTestDatabase.Create(_temp), FakeRest.Client(api, time: _time), "1143372838210596935", 1, _time, _timings,
            NullLogger.Instance);
    }

    /// <summary>Moves the fake clock in steps (100 ms unless given) until <paramref name="task"/> completes.</summary>
    private async Task<T> AdvanceUntilAsync<T>(Task<T> task, TimeSpan limit, int stepMs = 100)
    {
        var start = _time.GetUtcNow();
        while (!task.IsCompleted)
        {
            Assert.True(_time.GetUtcNow() - start < limit, "still waiting");
            _time.Advance(TimeSpan.FromMilliseconds(stepMs));
            await Task.Delay(5);
        }

        return await task;
    }

    [Fact]
    public async Task After_an_identify_the_bucket_opens_again_5_seconds_and_the_margin_later()
    {
        var a = Replica();
        var b = Replica();
        var first = await a.WaitForTurnAsync(0, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));

        await first.SentAsync();
        var second = await AdvanceUntilAsync(b.WaitForTurnAsync(1, CancellationToken.None), TimeSpan.FromSeconds(30));

        var gap = second.ClaimedAt - (first.ClaimedAt + TimeSpan.FromSeconds(2));
        Assert.InRange(gap, _timings.IdentifySpacing + _timings.IdentifyMargin, _timings.IdentifySpacing + _timings.IdentifyMargin + _timings.IdentifyPollInterval);
        Assert.Equal("wss://gateway.test", second.GatewayUrl);
    }

    [Fact]
    public async Task A_replica_that_dies_holding_a_turn_blocks_its_bucket_only_until_the_turn_lease_ends()
    {
        var a = Replica();
        var b = Replica();
        var abandoned = await a.WaitForTurnAsync(0, CancellationToken.None); // neither sent nor released: the process died

        var next = await AdvanceUntilAsync(b.WaitForTurnAsync(1, CancellationToken.None), TimeSpan.FromMinutes(1), stepMs: 250);

        Assert.InRange(next.ClaimedAt - abandoned.ClaimedAt, _timings.IdentifyTurnLease, _timings.IdentifyTurnLease + _timings.IdentifyPollInterval);
        Assert.False(abandoned.MaySendNow); // had it woken up, it would not identify so late in its turn
    }

    [Fact]
    public async Task A_turn_given_back_without_identifying_opens_the_bucket_at_once()
    {
        var a = Replica();
        var b = Replica();
        await using (await a.WaitForTurnAsync(0, CancellationToken.None))
        {
        }

        var next = await b.WaitForTurnAsync(1, CancellationToken.None);

        Assert.Equal(_time.GetUtcNow(), next.ClaimedAt);
    }

    [Fact]
    public async Task An_exhausted_session_start_limit_waits_for_its_reset_after_before_giving_the_turn()
    {
        var gate = Replica("""{"url":"wss://gateway.test","shards":1,"session_start_limit":{"total":1000,"remaining":0,"reset_after":60000,"max_concurrency":1}}""");
        var start = _time.GetUtcNow();

        var turn = await AdvanceUntilAsync(gate.WaitForTurnAsync(0, CancellationToken.None), TimeSpan.FromMinutes(2), stepMs: 250);

        Assert.InRange(turn.ClaimedAt - start, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(61));
    }

    [Fact]
    public void Shards_share_a_bucket_when_their_ids_agree_modulo_max_concurrency()
    {
        var gate = new IdentifyGate(GatewayTestDatabase.Create(_temp), FakeRest.Client(new FakeDiscordApi()), "1", 16, _time, _timings, NullLogger.Instance);

        Assert.Equal([0, 15, 0, 1], new[] { 0, 15, 16, 17 }.Select(gate.BucketOf));
    }
}
