using System.Net;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord;
using MlMentorBot.Discord.Gateway;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Tests.Hosting;
using Moq;

namespace MlMentorBot.Tests.Discord;

/// <summary>The Gateway client against an in-process server playing Discord's side, with 100 ms heartbeats so tests are quick.</summary>
public sealed class DiscordGatewayServiceTests : IAsyncLifetime
{
    private readonly FakeDiscordApi _api = new();
    private readonly Mock<ICommandDispatcher> _dispatcher = new();
    private readonly TempDir _temp = new();
    private FakeGateway _gateway = null!;
    private DiscordGatewayService _service = null!;

    public async Task InitializeAsync()
    {
        _gateway = await FakeGateway.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            _api.Respond("gateway/bot", HttpStatusCode.OK, DiscordFixtures.Text("gateway_bot.json").Replace("GATEWAY_URL", _gateway.GatewayUrl));
        }

        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BotReply { Title = "Roadmap" });
        _service = CreateService(_api, FakeRest.Options());
        await _service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
        await _gateway.DisposeAsync();
        _temp.Dispose();
    }

    private GatewayShard Shard => Assert.Single(_service.Shards);

    private DiscordGatewayService CreateService(FakeDiscordApi api, DiscordOptions options)
    {
        var rest = FakeRest.Client(api, options);
        var codec = new CustomIdCodec();
        var handler = new InteractionHandler(_dispatcher.Object, new MessageRenderer(codec), codec, rest, Options.Create(options),
            TimeProvider.System, NullLogger<InteractionHandler>.Instance);
        return new DiscordGatewayService(Options.Create(options), rest, handler, GatewayTestDatabase.Create(_temp), TimeProvider.System, NullLogger<DiscordGatewayService>.Instance,
            new GatewayTimings
            {
                InitialBackoff = TimeSpan.FromMilliseconds(20),
                MaxBackoff = TimeSpan.FromMilliseconds(100),
                InvalidSessionDelayMin = TimeSpan.FromMilliseconds(10),
                InvalidSessionDelayMax = TimeSpan.FromMilliseconds(20),
                IdentifySpacing = TimeSpan.Zero,
                IdentifyMargin = TimeSpan.Zero,
            });
    }

    /// <summary>
    /// Hello → Identify → READY on the first connection. <paramref name="heartbeatMs"/> of 60 000 means no heartbeat within
    /// the test: a reconnect is then caused by what the test sends, never by an ACK that a loaded machine delivered late.
    /// </summary>
    private async Task<GatewayConnection> ConnectAndBecomeReadyAsync(int heartbeatMs = 100)
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(heartbeatMs);
        await connection.ReceiveAsync(2);
        await connection.ReadyAsync(_gateway.ResumeUrl);
        await WaitUntilAsync(() => _service.Shards.Count == 1 && Shard.SessionId is not null);
        return connection;
    }

    /// <summary>The client's next connection: Hello, then the first message with <paramref name="op"/> (6 Resume or 2 Identify).</summary>
    private async Task<(GatewayConnection Connection, System.Text.Json.Nodes.JsonNode Message)> ReconnectedAsync(int op)
    {
        var next = await _gateway.NextConnectionAsync();
        await next.HelloAsync();
        return (next, await next.ReceiveAsync(op));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task It_connects_with_v10_json_and_identifies_with_intents_0_and_the_token()
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync();

        var identify = await connection.ReceiveAsync(2);

        Assert.Equal("/gw", connection.Path);
        Assert.Contains("v=10", connection.Query);
        Assert.Contains("encoding=json", connection.Query);
        Assert.Equal(0, (int)identify["d"]!["intents"]!);
        Assert.Equal("test-bot-token", (string)identify["d"]!["token"]!);
        Assert.NotNull(identify["d"]!["properties"]!["os"]);
    }

    [Fact]
    public async Task After_ready_it_keeps_the_session_and_heartbeats_with_the_last_sequence()
    {
        var connection = await ConnectAndBecomeReadyAsync();
        await connection.DispatchAsync("GUILD_CREATE", """{"id":"1111111111111111111"}""");

        await WaitUntilAsync(() => Shard.Sequence == 2);
        var heartbeat = await connection.ReceiveAsync(1);
        while (heartbeat["d"] is null || (int)heartbeat["d"]! != 2)
        {
            heartbeat = await connection.ReceiveAsync(1);
        }

        Assert.Equal("session-1", Shard.SessionId);
        Assert.Equal(_gateway.ResumeUrl, Shard.ResumeGatewayUrl);
    }

    [Fact]
    public async Task A_heartbeat_request_from_discord_is_answered_at_once()
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync(heartbeatMs: 60_000); // no scheduled beat would come within the test

        await connection.ReceiveAsync(2);
        await connection.SendAsync("""{"op":1,"d":null}""");
        var heartbeat = await connection.ReceiveAsync(1, timeoutMs: 1000);

        Assert.Equal(1, (int)heartbeat["op"]!);
    }

    [Fact]
    public async Task An_interaction_create_is_answered_through_the_http_callback()
    {
        var connection = await ConnectAndBecomeReadyAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", DiscordFixtures.Text("command_roadmap_guild.json"));
        var callback = await _api.WaitForAsync("/callback");

        Assert.Equal("/api/v10/interactions/1300000000000000001/aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMDAwMTpyb2FkbWFwdG9rZW4/callback", callback.Path);
        Assert.Contains("\"type\":4", callback.Body);
        Assert.Contains("Roadmap", callback.Body);
    }

    [Fact]
    public async Task The_same_interaction_delivered_twice_is_answered_once()
    {
        // The relay the shards hand every INTERACTION_CREATE to, driven directly: its tasks say when each delivery's answer
        // is out, so the test waits for exactly that instead of sleeping and hoping a second callback would have come by then.
        var options = FakeRest.Options();
        var codec = new CustomIdCodec();
        var rest = FakeRest.Client(_api, options);
        var handler = new InteractionHandler(_dispatcher.Object, new MessageRenderer(codec), codec, rest, Options.Create(options),
            TimeProvider.System, NullLogger<InteractionHandler>.Instance);
        using var relay = new InteractionRelay(rest, handler, TimeProvider.System, NullLogger.Instance);
        using var delivery = System.Text.Json.JsonDocument.Parse(DiscordFixtures.Text("command_roadmap_guild.json"));

        var first = relay.Relay(delivery.RootElement, CancellationToken.None);
        var again = relay.Relay(delivery.RootElement, CancellationToken.None);
        await Task.WhenAll(first, again).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(_api.To("/callback"));
        _dispatcher.Verify(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_missing_heartbeat_ack_closes_the_zombie_without_1000_and_resumes_the_session()
    {
        var connection = await ConnectAndBecomeReadyAsync();
        connection.IsAcking = false;

        var closeStatus = await connection.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        var resumed = await _gateway.NextConnectionAsync();
        await resumed.HelloAsync();
        var resume = await resumed.ReceiveAsync(6);

        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, closeStatus);
        Assert.NotEqual(WebSocketCloseStatus.EndpointUnavailable, closeStatus);
        Assert.Equal("/resume", resumed.Path);
        Assert.Equal("session-1", (string)resume["d"]!["session_id"]!);
        Assert.Equal(1, (int)resume["d"]!["seq"]!);
        Assert.Equal("test-bot-token", (string)resume["d"]!["token"]!);
    }

    [Fact]
    public async Task A_resumed_session_keeps_heartbeating_after_the_new_hello()
    {
        var connection = await ConnectAndBecomeReadyAsync();
        connection.IsAcking = false;
        await connection.Closed.WaitAsync(TimeSpan.FromSeconds(5));

        var resumed = await _gateway.NextConnectionAsync();
        await resumed.HelloAsync();
        await resumed.ReceiveAsync(6);
        await resumed.DispatchAsync("RESUMED", "{}");
        await resumed.ReceiveAsync(1);
        await resumed.ReceiveAsync(1);

        Assert.True(await _gateway.StaysQuietAsync(300)); // the ACK flag was reset by Hello, so no reconnect loop
    }

    [Fact]
    public async Task Reconnect_op_7_resumes_on_the_resume_url()
    {
        var connection = await ConnectAndBecomeReadyAsync(heartbeatMs: 60_000);
        await connection.DispatchAsync("GUILD_CREATE", """{"id":"1111111111111111111"}""");
        await WaitUntilAsync(() => Shard.Sequence == 2);

        await connection.SendAsync("""{"op":7,"d":null}""");
        var closed = await connection.Closed.WaitAsync(TimeSpan.FromSeconds(10)); // the client closes this one itself
        var (next, resume) = await ReconnectedAsync(6);

        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, closed); // a 1000 close would end the session Discord resumes
        Assert.Equal("/resume", next.Path);
        Assert.Equal("session-1", (string)resume["d"]!["session_id"]!);
        Assert.Equal(2, (int)resume["d"]!["seq"]!);
        Assert.Equal(2, _gateway.ConnectionCount); // exactly one reconnect: the one op 7 asked for
    }

    [Fact]
    public async Task Invalid_session_that_is_resumable_resumes()
    {
        var connection = await ConnectAndBecomeReadyAsync(heartbeatMs: 60_000);

        await connection.SendAsync("""{"op":9,"d":true}""");
        var (next, resume) = await ReconnectedAsync(6);

        Assert.Equal("session-1", (string)resume["d"]!["session_id"]!);
    }

    [Fact]
    public async Task Invalid_session_that_is_not_resumable_identifies_afresh_on_the_gateway_url()
    {
        var connection = await ConnectAndBecomeReadyAsync(heartbeatMs: 60_000);

        await connection.SendAsync("""{"op":9,"d":false}""");
        var (next, identify) = await ReconnectedAsync(2);

        Assert.Equal("/gw", next.Path);
        Assert.Equal(0, (int)identify["d"]!["intents"]!);
        Assert.Null(Shard.SessionId);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task A_resumable_close_code_resumes(int code)
    {
        var connection = await ConnectAndBecomeReadyAsync(heartbeatMs: 60_000);

        await connection.CloseAsync(code);
        var (next, resume) = await ReconnectedAsync(6);

        Assert.Equal("/resume", next.Path);
        Assert.Equal("session-1", (string)resume["d"]!["session_id"]!);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task A_close_code_that_ends_the_session_identifies_again(int code)
    {
        var connection = await ConnectAndBecomeReadyAsync(heartbeatMs: 60_000);

        await connection.CloseAsync(code);
        var (next, _) = await ReconnectedAsync(2);

        Assert.Equal("/gw", next.Path);
    }

    [Theory]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4010, "shard")]
    [InlineData(4011, "Sharding required")]
    [InlineData(4012, "API version")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "Privileged Gateway Intents")]
    public async Task A_fatal_close_code_stops_the_client_with_what_to_fix(int code, string fix)
    {
        var connection = await _gateway.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.ReceiveAsync(2);

        await connection.CloseAsync(code);
        await _service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(code, _service.FatalClose!.Value.Code);
        Assert.Contains(fix, _service.FatalClose!.Value.Fix);
        Assert.True(await _gateway.StaysQuietAsync(300));
    }

    [Fact]
    public async Task A_dropped_connection_without_a_close_code_resumes()
    {
        var connection = await ConnectAndBecomeReadyAsync();

        connection.IsAcking = false; // make the client give up on this socket
        await connection.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        var next = await _gateway.NextConnectionAsync();

        Assert.Equal("/resume", next.Path);
    }

    [Fact]
    public async Task When_disabled_it_connects_nowhere()
    {
        var api = new FakeDiscordApi();
        using var service = CreateService(api, FakeRest.Options(o => o.Enabled = false));

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(2));

        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task An_exhausted_session_start_limit_waits_for_its_reset_before_identifying()
    {
        var normal = DiscordFixtures.Text("gateway_bot.json").Replace("GATEWAY_URL", _gateway.GatewayUrl);
        var api = new FakeDiscordApi()
            .Respond("gateway/bot", HttpStatusCode.OK, normal) // at start: shard count and max_concurrency
            .Respond("gateway/bot", HttpStatusCode.OK,
                $$$"""{"url":"{{{_gateway.GatewayUrl}}}","shards":1,"session_start_limit":{"total":1000,"remaining":0,"reset_after":700,"max_concurrency":1}}""")
            .Respond("gateway/bot", HttpStatusCode.OK, normal);
        var shared = await _gateway.NextConnectionAsync(); // the shared service's connection, identifying in the same bucket
        await shared.HelloAsync();
        await shared.ReceiveAsync(2);
        using var service = CreateService(api, FakeRest.Options());
        var started = DateTime.UtcNow;

        await service.StartAsync(CancellationToken.None);
        await _gateway.NextConnectionAsync();
        var waited = DateTime.UtcNow - started;
        await service.StopAsync(CancellationToken.None);

        Assert.True(waited >= TimeSpan.FromMilliseconds(650), $"connected after {waited.TotalMilliseconds} ms");
    }
}
