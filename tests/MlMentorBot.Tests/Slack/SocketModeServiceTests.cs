using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MlMentorBot.Core;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack;
using MlMentorBot.Slack.Inbound;
using MlMentorBot.Slack.SocketMode;
using MlMentorBot.Slack.WebApi;
using Moq;

namespace MlMentorBot.Tests.Slack;

/// <summary>The Socket Mode client against an in-process server playing Slack's side.</summary>
public sealed class SocketModeServiceTests : IAsyncLifetime
{
    private readonly Mock<ICommandDispatcher> _dispatcher = new();
    private FakeSlackSocketServer _slack = null!;
    private ServiceProvider _provider = null!;
    private SocketModeService _service = null!;

    private readonly Hosting.TempDir _temp = new();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackSocketServer.StartAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:Mode"] = "SocketMode",
            ["Slack:BotToken"] = "xoxb-placeholder-token",
            ["Slack:AppToken"] = "xapp-placeholder-token",
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
            ["Storage:DatabasePath"] = _temp.File("bot.db"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(config)
            .AddSingleton(_dispatcher.Object)
            .AddSingleton(Mock.Of<IHostApplicationLifetime>())
            .AddSingleton(new MlMentorBot.Core.ContentRoot(_temp.Path));
        services.AddProgressStore(config); // event ids are de-duplicated in the database
        services.AddSlackAdapter(config);
        _provider = services.BuildServiceProvider();
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BotReply { Title = "Entry-level salary", IsPrivate = true });
        _service = new SocketModeService(
            _provider.GetRequiredService<SlackApiClient>(), _provider.GetRequiredService<SlackInbound>(), TimeProvider.System,
            NullLogger<SocketModeService>.Instance)
        {
            InitialBackoff = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(200),
            HelloTimeout = TimeSpan.FromSeconds(2),
        };
    }

    public async Task DisposeAsync()
    {
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
        await _provider.DisposeAsync();
        await _slack.DisposeAsync();
        _temp.Dispose();
    }

    private static string Disconnect(string reason) => SlackFixtures.Read("socket-disconnect.json").Replace("{{REASON}}", reason, StringComparison.Ordinal);

    [Fact]
    public async Task A_slash_command_envelope_is_acked_with_the_block_kit_reply_as_its_payload()
    {
        await _service.StartAsync(CancellationToken.None);
        var link = await _slack.NextLinkAsync();

        await link.SendAsync(SlackFixtures.Read("socket-slash-command.json"));
        var ack = JsonNode.Parse(await link.ReceiveAsync())!;

        Assert.Equal("1d3c3e7b-1c7a-4d5e-9a3b-0b7a7f6a9c2e", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.GetValue<string>());
        Assert.Equal("Entry-level salary", ack["payload"]!["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("Bearer xapp-placeholder-token", _slack.LastAuthorization);
        _dispatcher.Verify(d => d.DispatchAsync(
            It.Is<CommandRequest>(r => r.Command == "salary" && r.Options["level"] == "entry"
                && r.Member == new MemberKey("slack", "T0001", "U2CERLKJA") && r.ChannelId == "C2147483705"),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task An_events_api_envelope_is_acked_with_only_its_envelope_id()
    {
        await _service.StartAsync(CancellationToken.None);
        var link = await _slack.NextLinkAsync();

        await link.SendAsync(SlackFixtures.Read("socket-events-api.json"));

        Assert.Equal("""{"envelope_id":"dbdd0ef3-1543-4f94-bfb4-133d0e6c1545"}""", await link.ReceiveAsync());
    }

    [Fact]
    public async Task An_interactive_envelope_runs_the_buttons_command_as_the_member_who_pressed_it()
    {
        _dispatcher.Setup(d => d.DispatchTextAsync("/progress show", It.IsAny<MemberKey>(), It.IsAny<Func<CommandRequest, CommandRequest>?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BotReply { Title = "Your progress" });
        await _service.StartAsync(CancellationToken.None);
        var link = await _slack.NextLinkAsync();
        var payload = SlackFixtures.Read("block-actions.json").Replace("{{VALUE}}", "/progress show", StringComparison.Ordinal);

        await link.SendAsync($$"""{"envelope_id":"e-1","type":"interactive","accepts_response_payload":false,"payload":{{payload}}}""");

        Assert.Equal("""{"envelope_id":"e-1"}""", await link.ReceiveAsync());
        _dispatcher.Verify(d => d.DispatchTextAsync("/progress show", new MemberKey("slack", "T0001", "U2CERLKJA"),
            It.IsAny<Func<CommandRequest, CommandRequest>?>(), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_slow_command_is_acked_within_the_deadline_with_working_on_it()
    {
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                return new BotReply { Title = "Late" };
            });
        await _service.StartAsync(CancellationToken.None);
        var link = await _slack.NextLinkAsync();
        var sent = DateTimeOffset.UtcNow;

        await link.SendAsync(SlackFixtures.Read("socket-slash-command.json"));
        var ack = JsonNode.Parse(await link.ReceiveAsync())!;

        // The ack waits for the ~2.5 s budget and goes out well before the 5 s handler ends; the upper bound leaves room for
        // a loaded CI machine while still failing if the ack waited for the handler.
        Assert.InRange(DateTimeOffset.UtcNow - sent, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.5));
        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.GetValue<string>());
        Assert.Contains("Working on it", ack["payload"]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    public async Task A_refresh_opens_the_new_connection_before_closing_the_old_one(string reason)
    {
        await _service.StartAsync(CancellationToken.None);
        var first = await _slack.NextLinkAsync();

        await first.SendAsync(Disconnect(reason));
        var second = await _slack.NextLinkAsync();
        var closeStatus = await first.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, closeStatus);
        Assert.Equal(["open 1", "open 2", "close 1"], _slack.Events);
        await second.SendAsync(SlackFixtures.Read("socket-events-api.json"));
        Assert.Contains("envelope_id", await second.ReceiveAsync());
    }

    [Fact]
    public async Task Link_disabled_stops_the_service_instead_of_reconnecting()
    {
        await _service.StartAsync(CancellationToken.None);
        var link = await _slack.NextLinkAsync();

        await link.SendAsync(Disconnect("link_disabled"));

        await _service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await link.Closed.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(await _slack.NoLinkWithinAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(1, _slack.OpenCalls);
    }

    [Fact]
    public async Task A_dropped_socket_is_reconnected()
    {
        await _service.StartAsync(CancellationToken.None);
        var first = await _slack.NextLinkAsync();

        first.Drop();
        var second = await _slack.NextLinkAsync();

        await second.SendAsync(SlackFixtures.Read("socket-events-api.json"));
        Assert.Contains("envelope_id", await second.ReceiveAsync());
        Assert.Equal(2, _slack.OpenCalls);
    }

    [Fact]
    public async Task Too_many_websockets_closes_and_reconnects_after_a_pause()
    {
        await _service.StartAsync(CancellationToken.None);
        var first = await _slack.NextLinkAsync();

        await first.SendAsync(Disconnect("too_many_websockets"));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await first.Closed.WaitAsync(TimeSpan.FromSeconds(5)));
        await _slack.NextLinkAsync();
        Assert.Equal(["open 1", "close 1", "open 2"], _slack.Events);
    }

    [Fact]
    public async Task A_failed_connections_open_is_retried_with_backoff()
    {
        _slack.OpenResponses.Enqueue("""{"ok":false,"error":"internal_error"}""");
        _slack.OpenResponses.Enqueue("""{"ok":false,"error":"internal_error"}""");

        await _service.StartAsync(CancellationToken.None);

        await _slack.NextLinkAsync();
        Assert.Equal(3, _slack.OpenCalls);
    }

    [Fact]
    public async Task A_connection_that_never_says_hello_is_replaced()
    {
        _slack.SaysHello = false;
        await _service.StartAsync(CancellationToken.None);
        var silent = await _slack.NextLinkAsync();
        _slack.SaysHello = true;

        await _slack.NextLinkAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(await silent.Closed.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("not_authed")]
    public async Task A_refused_app_token_stops_the_service(string error)
    {
        _slack.OpenResponses.Enqueue($$"""{"ok":false,"error":"{{error}}"}""");

        await _service.StartAsync(CancellationToken.None);

        await _service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _slack.OpenCalls);
    }

    [Fact]
    public async Task Stopping_the_host_closes_the_socket_cleanly()
    {
        await _service.StartAsync(CancellationToken.None);
        var link = await _slack.NextLinkAsync();
        await link.SendAsync(SlackFixtures.Read("socket-events-api.json"));
        await link.ReceiveAsync(); // the connection is live (stopping mid-handshake just aborts it)

        await _service.StopAsync(CancellationToken.None);

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await link.Closed.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(_service.ExecuteTask!.IsCompleted);
    }
}
