using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlMentorBot.Core.Commands;
using MlMentorBot.Discord;
using MlMentorBot.Discord.Gateway;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Tests.Hosting;
using Moq;

namespace MlMentorBot.Tests.Discord;

/// <summary>
/// Sharding (issue #11): which shards IDENTIFY with which <c>[id, count]</c>, when (max_concurrency buckets, 5 s apart, shared
/// through the database by replicas), and that each shard resumes on its own. Time is a <see cref="FakeTimeProvider"/>: the
/// fake Gateway notes the fake time at which each IDENTIFY arrives, and the test moves the clock only once the IDENTIFYs that
/// need no waiting have arrived, so a gap it measures is never shorter than the real one.
/// </summary>
public sealed class GatewayShardingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly TempDir _temp = new();
    private readonly List<DiscordGatewayService> _services = [];
    private readonly ConcurrentQueue<Identified> _identified = new();
    private readonly ConcurrentDictionary<int, GatewayConnection> _byShard = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<GatewayConnection> _resumes = Channel.CreateUnbounded<GatewayConnection>();
    private FakeGateway _gateway = null!;
    private Task _accepting = Task.CompletedTask;

    private sealed record Identified(int ShardId, int ShardCount, DateTimeOffset At);

    public async Task InitializeAsync()
    {
        _gateway = await FakeGateway.StartAsync();
        _accepting = AcceptAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }

        await _stop.CancelAsync();
        await _accepting.ContinueWith(static _ => { }, TaskScheduler.Default);
        await _gateway.DisposeAsync();
        _temp.Dispose();
    }

    /// <summary>
    /// Plays Discord for every new session: Hello (with a heartbeat interval far beyond the test), then notes the IDENTIFY's
    /// shard and the fake time, and answers READY with session id <c>session-{shard}</c>. Resume connections are left to the test.
    /// </summary>
    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            GatewayConnection connection;
            try
            {
                connection = await _gateway.NextConnectionAsync(timeoutMs: 60_000).WaitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (connection.Path != "/gw")
            {
                _resumes.Writer.TryWrite(connection);
                continue;
            }

            await connection.HelloAsync(heartbeatMs: 3_600_000);
            var identify = await connection.ReceiveAsync(2, timeoutMs: 30_000);
            var at = _time.GetUtcNow();
            var shard = identify["d"]!["shard"]!.AsArray();
            var id = (int)shard[0]!;
            _byShard[id] = connection;
            _identified.Enqueue(new Identified(id, (int)shard[1]!, at));
            await connection.ReadyAsync(_gateway.ResumeUrl, $"session-{id}");
        }
    }

    /// <summary>A service (a replica) with its own SQLite connection pool on the test's one database file, on the fake clock.</summary>
    private DiscordGatewayService StartReplica(string shardCount, string? shardIds, int recommendedShards = 1, int maxConcurrency = 1)
    {
        var options = FakeRest.Options(o =>
        {
            o.ShardCount = shardCount;
            o.ShardIds = shardIds;
        });
        var api = new FakeDiscordApi();
        for (var i = 0; i < 50; i++)
        {
            api.Respond("gateway/bot", HttpStatusCode.OK,
                $$$"""{"url":"{{{_gateway.GatewayUrl}}}","shards":{{{recommendedShards}}},"session_start_limit":{"total":1000,"remaining":900,"reset_after":14400000,"max_concurrency":{{{maxConcurrency}}}}}""");
        }

        var rest = FakeRest.Client(api, options, _time);
        var codec = new CustomIdCodec();
        var handler = new InteractionHandler(Mock.Of<ICommandDispatcher>(), new MessageRenderer(codec), codec, rest, Options.Create(options),
            _time, NullLogger<InteractionHandler>.Instance);
        var service = new DiscordGatewayService(Options.Create(options), rest, handler, GatewayTestDatabase.Create(_temp), _time,
            NullLogger<DiscordGatewayService>.Instance, new GatewayTimings { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) });
        _services.Add(service);
        _ = service.StartAsync(CancellationToken.None);
        return service;
    }

    /// <summary>Waits, without moving the clock, until <paramref name="count"/> IDENTIFYs have arrived.</summary>
    private async Task<List<Identified>> IdentifiedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_identified.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {_identified.Count} of {count} shards identified");
            await Task.Delay(10);
        }

        return [.. _identified];
    }

    /// <summary>Moves the fake clock in 100 ms steps, letting the shards run between steps, until <paramref name="count"/> IDENTIFYs have arrived.</summary>
    private async Task<List<Identified>> AdvanceUntilIdentifiedAsync(int count, TimeSpan limit)
    {
        var start = _time.GetUtcNow();
        while (_identified.Count < count)
        {
            Assert.True(_time.GetUtcNow() - start < limit, $"only {_identified.Count} of {count} shards identified after {limit} of fake time");
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(15);
        }

        return [.. _identified];
    }

    [Fact]
    public async Task Identify_carries_the_shard_pair_of_each_of_this_replicas_shard_ids()
    {
        StartReplica("4", "1,3", maxConcurrency: 16);

        var identified = await IdentifiedAsync(2);

        Assert.Equal([(1, 4), (3, 4)], identified.Select(i => (i.ShardId, i.ShardCount)).Order());
    }

    [Fact]
    public async Task A_range_of_shard_ids_runs_every_shard_in_it()
    {
        StartReplica("6", "2-4", maxConcurrency: 16);

        var identified = await IdentifiedAsync(3);

        Assert.Equal([(2, 6), (3, 6), (4, 6)], identified.Select(i => (i.ShardId, i.ShardCount)).Order());
    }

    [Fact]
    public async Task Auto_takes_the_shard_count_that_gateway_bot_recommends()
    {
        var service = StartReplica("auto", null, recommendedShards: 3, maxConcurrency: 16);

        var identified = await IdentifiedAsync(3);

        Assert.Equal([(0, 3), (1, 3), (2, 3)], identified.Select(i => (i.ShardId, i.ShardCount)).Order());
        Assert.Equal([0, 1, 2], service.Shards.Select(s => s.Id));
    }

    [Fact]
    public async Task Shards_in_one_bucket_identify_at_least_5_seconds_apart_and_other_buckets_go_together()
    {
        var start = _time.GetUtcNow();
        StartReplica("4", null, maxConcurrency: 2); // buckets: {0, 2} and {1, 3}

        var first = await IdentifiedAsync(2);
        var all = await AdvanceUntilIdentifiedAsync(4, TimeSpan.FromSeconds(30));

        Assert.Equal([0, 1], first.Select(i => i.ShardId).Order()); // one per bucket, at once
        Assert.All(first, i => Assert.Equal(start, i.At));
        var at = all.ToDictionary(i => i.ShardId, i => i.At);
        Assert.True(at[2] - at[0] >= TimeSpan.FromSeconds(5), $"bucket 0: {(at[2] - at[0]).TotalSeconds} s apart");
        Assert.True(at[3] - at[1] >= TimeSpan.FromSeconds(5), $"bucket 1: {(at[3] - at[1]).TotalSeconds} s apart");
    }

    [Fact]
    public async Task Two_replicas_on_one_database_never_identify_in_the_same_bucket_within_5_seconds()
    {
        // Shards 0 and 1 share bucket 0 when max_concurrency is 1, but run in different replicas: only the database knows.
        StartReplica("2", "0");
        StartReplica("2", "1");

        var first = await IdentifiedAsync(1);
        var both = await AdvanceUntilIdentifiedAsync(2, TimeSpan.FromSeconds(30));

        Assert.Single(first);
        var gap = both[1].At - both[0].At;
        Assert.True(gap >= TimeSpan.FromSeconds(5), $"the replicas identified {gap.TotalSeconds} s apart");
        Assert.NotEqual(both[0].ShardId, both[1].ShardId);
    }

    [Fact]
    public async Task A_dropped_shard_resumes_its_own_session_alone_while_the_others_keep_running()
    {
        var service = StartReplica("3", null, maxConcurrency: 16);
        await IdentifiedAsync(3);
        await WaitUntilAsync(() => service.Shards.Count == 3 && service.Shards.All(s => s.SessionId is not null));
        var others = new[] { _byShard[0], _byShard[2] };

        await _byShard[1].CloseAsync(4000);
        var resumed = await NextResumeAsync();
        await resumed.HelloAsync(heartbeatMs: 3_600_000);
        var resume = await resumed.ReceiveAsync(6);
        await resumed.DispatchAsync("RESUMED", "{}");
        await others[1].DispatchAsync("GUILD_CREATE", """{"id":"1111111111111111111"}""");

        Assert.Equal("session-1", (string)resume["d"]!["session_id"]!);
        Assert.Equal(1, (int)resume["d"]!["seq"]!);
        await WaitUntilAsync(() => service.Shards[2].Sequence == 2); // shard 2 still reads its old connection
        Assert.All(others, c => Assert.False(c.Closed.IsCompleted));
        Assert.Equal(["session-0", "session-1", "session-2"], service.Shards.Select(s => s.SessionId));
        Assert.Equal(3, _identified.Count); // nobody identified again
        Assert.Equal(4, _gateway.ConnectionCount);
    }

    /// <summary>The next connection on the resume URL; the reconnect waits a jittered moment on the fake clock, so move it.</summary>
    private async Task<GatewayConnection> NextResumeAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        GatewayConnection? connection;
        while (!_resumes.Reader.TryRead(out connection))
        {
            Assert.True(DateTime.UtcNow < deadline, "no resume connection");
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(10);
        }

        return connection;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
