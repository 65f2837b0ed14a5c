using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MlMentorBot.Core;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack;
using MlMentorBot.Slack.Inbound;
using MlMentorBot.Slack.WebApi;
using Moq;

namespace MlMentorBot.Tests.Slack;

/// <summary>The dispatcher both modes share: the ack budget and where late answers go.</summary>
public sealed class SlackInboundTests : IAsyncDisposable
{
    private readonly Mock<ICommandDispatcher> _dispatcher = new();
    private readonly FakeSlackHandler _slack = new();
    private readonly ServiceProvider _provider;
    private readonly Hosting.TempDir _temp = new();

    public SlackInboundTests()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:Mode"] = "Http",
            ["Slack:SigningSecret"] = "secret",
            ["Slack:BotToken"] = "xoxb-placeholder-token",
            ["Slack:AckBudget"] = "00:00:00.200",
            ["Slack:AdminUserIds:0"] = "UADMIN001",
            ["Storage:DatabasePath"] = _temp.File("bot.db"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config)
            .AddSingleton(_dispatcher.Object).AddSingleton(Mock.Of<IHostApplicationLifetime>())
            .AddSingleton(new MlMentorBot.Core.ContentRoot(_temp.Path));
        services.AddProgressStore(config);
        services.AddSlackAdapter(config);
        services.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _slack);
        _provider = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _temp.Dispose();
    }

    private SlackInbound Inbound => _provider.GetRequiredService<SlackInbound>();

    /// <summary>
    /// The inbound with Slack's default 2.5 s budget instead of the fixture's 200 ms, for answers that must come within it. An
    /// instant answer still runs on the thread pool, and a cold test process (Moq's first call, the JIT) on a loaded machine can
    /// take longer than 200 ms to get there; late answers are held by a <see cref="TaskCompletionSource{T}"/> instead.
    /// </summary>
    private SlackInbound InboundWithinSlacksBudget
    {
        get
        {
            _provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SlackOptions>>().Value.AckBudget = TimeSpan.FromMilliseconds(2500);
            return Inbound;
        }
    }

    private static SlashCommand Command(string user = "U2CERLKJA", string? responseUrl = "https://hooks.slack.com/commands/T0001/1/abc") =>
        new("T0001", "E0001", "C2147483705", user, "steve", "/roadmap", "", responseUrl, "trigger");

    private void Answers(BotReply reply) =>
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(reply);

    [Fact]
    public async Task An_answer_ready_within_the_budget_is_the_ack_itself()
    {
        Answers(new BotReply { Title = "Quick" });

        var ack = await InboundWithinSlacksBudget.HandleSlashCommandAsync(Command(), CancellationToken.None);

        Assert.Equal("Quick", JsonNode.Parse(ack.Json!)!["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Empty(_slack.Requests);
    }

    [Fact]
    public async Task A_late_answer_acks_working_on_it_and_then_goes_to_the_response_url()
    {
        // The answer is held back until the ack has been checked, so a slow machine cannot reorder the two.
        var answer = new TaskCompletionSource<BotReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).Returns(answer.Task);

        var ack = await Inbound.HandleSlashCommandAsync(Command(), CancellationToken.None);

        Assert.Contains("Working on it", JsonNode.Parse(ack.Json!)!["text"]!.GetValue<string>());
        Assert.Empty(_slack.Requests);
        answer.SetResult(new BotReply { Title = "Slow answer" });
        var followUp = Assert.Single(await _slack.WaitForAsync(1));
        Assert.Equal("https://hooks.slack.com/commands/T0001/1/abc", followUp.Uri.ToString());
        Assert.Equal("Slow answer", JsonNode.Parse(followUp.Body)!["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_late_answer_counts_the_response_urls_30_minutes_from_the_invocation_not_from_the_deferral()
    {
        // The URL's budget is only kept once the ack has gone without the answer (200 ms here), but Slack's 30 minutes
        // started when the member typed the command: 100 ms past them the URL is dead, though only 29:59.9 after the deferral.
        // The fake clock only where the 30 minutes are counted (the ack budget, the URL's budget and the client that spends
        // it); everything else keeps the fixture's services.
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
        using var budget = new ResponseUrlBudget(time);
        var pacer = new MlMentorBot.Core.Messaging.ChannelPacer(time, TimeSpan.FromSeconds(1));
        var api = ActivatorUtilities.CreateInstance<SlackApiClient>(_provider, time, pacer, budget);
        var inbound = ActivatorUtilities.CreateInstance<SlackInbound>(_provider, api, time, budget);
        var answer = new TaskCompletionSource<BotReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).Returns(answer.Task);

        var acking = inbound.HandleSlashCommandAsync(Command(), CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(200));
        var ack = await acking;
        Assert.Contains("Working on it", JsonNode.Parse(ack.Json!)!["text"]!.GetValue<string>());
        time.Advance(ResponseUrlBudget.Lifetime - TimeSpan.FromMilliseconds(100));
        answer.SetResult(new BotReply { Title = "Very slow answer", IsPrivate = true });

        var posted = Assert.Single(await _slack.WaitForAsync(1));
        Assert.EndsWith("/chat.postEphemeral", posted.Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_late_answer_without_a_response_url_is_posted_to_the_channel()
    {
        var answer = new TaskCompletionSource<BotReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).Returns(answer.Task);

        await Inbound.HandleSlashCommandAsync(Command(responseUrl: null), CancellationToken.None);
        answer.SetResult(new BotReply { Title = "Slow answer", IsPrivate = true });

        var posted = Assert.Single(await _slack.WaitForAsync(1));
        Assert.EndsWith("/chat.postEphemeral", posted.Uri.AbsolutePath);
        Assert.Equal("U2CERLKJA", JsonNode.Parse(posted.Body)!["user"]!.GetValue<string>());
    }

    [Fact]
    public async Task Members_on_the_admin_list_are_moderators_and_others_are_not()
    {
        var requests = new List<CommandRequest>();
        _dispatcher.Setup(d => d.DispatchAsync(Capture.In(requests), It.IsAny<CancellationToken>())).ReturnsAsync(new BotReply { Title = "ok" });

        await InboundWithinSlacksBudget.HandleSlashCommandAsync(Command(user: "UADMIN001"), CancellationToken.None);
        await InboundWithinSlacksBudget.HandleSlashCommandAsync(Command(user: "U2CERLKJA"), CancellationToken.None);

        Assert.Equal([true, false], requests.Select(r => r.IsModerator));
        Assert.All(requests, r => Assert.Equal("steve", r.DisplayName));
    }

    [Fact]
    public async Task A_reply_with_a_form_opens_a_modal_with_the_trigger_id_and_acks_empty()
    {
        Answers(new BotReply { Title = "Check in", Modal = new ModalForm("/checkin", "Weekly check-in", [new ModalField("done", "Done")]) });

        var ack = await InboundWithinSlacksBudget.HandleSlashCommandAsync(Command(), CancellationToken.None);

        Assert.Null(ack.Json);
        var open = Assert.Single(_slack.Requests);
        Assert.EndsWith("/views.open", open.Uri.AbsolutePath);
        Assert.Equal("trigger", JsonNode.Parse(open.Body)!["trigger_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_slack_channel_messenger_posts_in_threads_and_updates_through_the_web_api()
    {
        var messenger = _provider.GetServices<IChannelMessenger>().Single(m => m.Platform == "slack");

        var ts = await messenger.PostAsync("C0CHECKIN", new BotReply { Title = "Weekly check-in", IsPrivate = true }, "1700000000.000001", CancellationToken.None);
        await messenger.UpdateAsync("C0CHECKIN", ts, new BotReply { Title = "Weekly check-in (closed)" }, CancellationToken.None);

        var requests = _slack.Requests.ToArray();
        Assert.EndsWith("/chat.postMessage", requests[0].Uri.AbsolutePath);
        Assert.Equal("1700000000.000001", JsonNode.Parse(requests[0].Body)!["thread_ts"]!.GetValue<string>());
        Assert.EndsWith("/chat.update", requests[1].Uri.AbsolutePath);
        Assert.Equal(ts, JsonNode.Parse(requests[1].Body)!["ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task Event_ids_are_handled_once()
    {
        var dedupe = _provider.GetRequiredService<EventDeduplicator>();

        Assert.True(await dedupe.IsFirstDeliveryAsync("Ev1", CancellationToken.None));
        Assert.False(await dedupe.IsFirstDeliveryAsync("Ev1", CancellationToken.None));
        Assert.True(await dedupe.IsFirstDeliveryAsync("Ev2", CancellationToken.None));
    }

    [Fact]
    public void Modal_values_with_spaces_and_quotes_reach_the_handler_unchanged()
    {
        var view = JsonNode.Parse("""
            {"callback_id":"mlmb.form","private_metadata":"{\"command\":\"/checkin\",\"channel\":\"C1\"}",
             "state":{"values":{
               "done":{"done":{"type":"plain_text_input","value":"Read \"Deep Learning\" ch. 3\nand 'more' \u0001"}},
               "next":{"next":{"type":"plain_text_input","value":"chapter4"}},
               "empty":{"empty":{"type":"plain_text_input","value":null}}}}}
            """)!;
        using var document = System.Text.Json.JsonDocument.Parse(view.ToJsonString());

        var (input, channel) = SlackPayloads.Submission(document.RootElement)!.Value;

        Assert.Equal("/checkin", input.CommandLine);
        Assert.Equal("C1", channel);
        Assert.Equal("chapter4", input.Fields["next"]);
        Assert.Equal("Read \"Deep Learning\" ch. 3\nand 'more' \u0001", input.Fields["done"]);
        Assert.False(input.Fields.ContainsKey("empty"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"command\":\"\"}")]
    [InlineData("{\"command\":\"checkin\"}")]
    [InlineData("not json")]
    public void A_form_whose_metadata_names_no_command_is_unreadable_not_a_crash(string metadata)
    {
        var view = new JsonObject { ["callback_id"] = "mlmb.form", ["private_metadata"] = metadata };
        using var document = System.Text.Json.JsonDocument.Parse(view.ToJsonString());

        Assert.Throws<FormatException>(() => SlackPayloads.Submission(document.RootElement));
    }

    [Theory]
    [InlineData("<@U123ABC|bob>", "/roadmap", "U123ABC")]
    [InlineData("foundations <@U123ABC>", "/roadmap foundations", "U123ABC")]
    [InlineData("&lt;@U999&gt; is literal", "/roadmap <@U999> is literal", null)]
    public void Mentions_become_user_ids_before_the_core_sees_the_text(string text, string line, string? userId)
    {
        var input = SlackPayloads.SlashCommandInput("/roadmap", text);

        Assert.Equal(line, input.CommandLine);
        Assert.Equal(userId is null ? [] : [userId], input.MentionedUserIds);
    }
}
