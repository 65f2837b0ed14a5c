using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.WebApi;
using MlMentorBot.Tests.Hosting;
using Moq;

namespace MlMentorBot.Tests.Slack;

public sealed class SlackApiClientTests
{
    private readonly FakeSlackHandler _slack = new();
    private readonly ObservedTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly SlackOptions _options = new() { Enabled = true, BotToken = "xoxb-placeholder-token", AppToken = "xapp-placeholder-token", MaxRetries = 3 };

    private SlackApiClient Client()
    {
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(SlackApiClient.HttpClientName)).Returns(() => new HttpClient(_slack, disposeHandler: false));
        return new SlackApiClient(factory.Object, Options.Create(_options), _time,
            new ChannelPacer(_time, _options.ChannelMessageInterval), new ResponseUrlBudget(_time), NullLogger<SlackApiClient>.Instance);
    }

    private static SlackMessage Message(string title = "Hello") => BlockKitRenderer.Render(new BotReply { Title = title });

    [Fact]
    public async Task PostMessage_sends_json_with_the_bot_token_and_returns_the_ts()
    {
        var ts = await _time.RunAsync(Client().PostMessageAsync("C1", Message(), "1699999999.000001", CancellationToken.None));

        Assert.Equal("1700000000.000100", ts);
        var request = Assert.Single(_slack.Requests);
        Assert.Equal("https://slack.com/api/chat.postMessage", request.Uri.ToString());
        Assert.Equal("Bearer xoxb-placeholder-token", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("C1", body["channel"]!.GetValue<string>());
        Assert.Equal("1699999999.000001", body["thread_ts"]!.GetValue<string>());
        Assert.Equal("header", body["blocks"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ok_false_becomes_a_SlackApiException_carrying_slacks_error_code()
    {
        _slack.Enqueue(() => FakeSlackHandler.Json("""{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"commands"}"""));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _time.RunAsync(Client().PostMessageAsync("C1", Message(), null, CancellationToken.None)));

        Assert.Equal("missing_scope", ex.Error);
        Assert.Equal("chat:write", ex.Needed);
        Assert.Equal("chat.postMessage", ex.Method);
        Assert.DoesNotContain("xoxb", ex.Message);
        Assert.Single(_slack.Requests); // an API error is not retried
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay_and_users_info_is_read()
    {
        _slack.Enqueue(() => FakeSlackHandler.RateLimited(7));
        _slack.Enqueue(() => FakeSlackHandler.Json(SlackFixtures.Read("users-info.json")));

        var user = await _time.RunAsync(Client().GetUserAsync("W012A3CDE", CancellationToken.None));

        Assert.Equal(new SlackUser("W012A3CDE", "T012AB3C4", "spengler", "Egon Spengler", "spengler", false, true), user);
        Assert.Equal(2, _slack.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], _time.Delays);
        Assert.Equal("user=W012A3CDE", _slack.Requests.Last().Body);
    }

    [Fact]
    public async Task A_429_then_success_returns_the_result()
    {
        _slack.Enqueue(() => FakeSlackHandler.RateLimited(2));
        _slack.Enqueue(() => FakeSlackHandler.Json("""{"ok":true,"view":{"id":"V42"}}"""));

        var viewId = await _time.RunAsync(Client().OpenViewAsync("trigger", BlockKitRenderer.RenderModal(new ModalForm("/checkin", "Check-in", []), null)!, CancellationToken.None));

        Assert.Equal("V42", viewId);
        Assert.Equal(2, _slack.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2)], _time.Delays);
    }

    [Fact]
    public async Task Rate_limit_retries_are_bounded()
    {
        _slack.Default = _ => FakeSlackHandler.RateLimited(1);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _time.RunAsync(Client().PostMessageAsync("C1", Message(), null, CancellationToken.None)));

        Assert.Equal("ratelimited", ex.Error);
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.Equal(_options.MaxRetries + 1, _slack.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_fails_at_once_instead_of_sleeping()
    {
        _slack.Enqueue(() => FakeSlackHandler.RateLimited(3600));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _time.RunAsync(Client().AuthTestAsync(CancellationToken.None)));

        Assert.Equal("ratelimited", ex.Error);
        Assert.Single(_slack.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times()
    {
        _slack.Default = _ => FakeSlackHandler.Json("oops", HttpStatusCode.ServiceUnavailable);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _time.RunAsync(Client().AuthTestAsync(CancellationToken.None)));

        Assert.Equal("http_503", ex.Error);
        Assert.Equal(_options.MaxRetries + 1, _slack.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_post_message_that_may_have_been_posted_is_not_sent_again(HttpStatusCode status)
    {
        _slack.Default = _ => FakeSlackHandler.Json("oops", status);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _time.RunAsync(Client().PostMessageAsync("C1", Message(), null, CancellationToken.None)));

        Assert.Equal($"http_{(int)status}", ex.Error);
        Assert.Single(_slack.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task A_response_url_post_that_failed_with_a_5xx_is_not_sent_again()
    {
        _slack.Default = _ => FakeSlackHandler.Json("", HttpStatusCode.BadGateway);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() =>
            _time.RunAsync(Client().RespondAsync("https://hooks.slack.com/commands/T1/1/abc", MessagePayload.From(Message()), CancellationToken.None)));

        Assert.Equal("http_502", ex.Error);
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task A_post_message_whose_connection_failed_before_sending_is_retried_with_backoff()
    {
        _slack.Enqueue(() => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

        var ts = await _time.RunAsync(Client().PostMessageAsync("C1", Message(), null, CancellationToken.None));

        Assert.Equal("1700000000.000100", ts);
        Assert.Equal(2, _slack.Requests.Count);
        var backoff = Assert.Single(_time.Delays);
        Assert.InRange(backoff, TimeSpan.Zero, TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_rate_limited_post_message_is_retried_because_slack_did_not_post_it()
    {
        _slack.Enqueue(() => FakeSlackHandler.RateLimited(30));

        await _time.RunAsync(Client().PostMessageAsync("C1", Message(), null, CancellationToken.None));

        Assert.Equal(2, _slack.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(30)], _time.Delays);
    }

    [Fact]
    public async Task A_60_second_retry_after_is_waited_out_in_full()
    {
        // The standard resilience handler's 30 s total timeout would cut this off; the pipeline here has none.
        _slack.Enqueue(() => FakeSlackHandler.RateLimited(60));

        await _time.RunAsync(Client().AuthTestAsync(CancellationToken.None));

        Assert.Equal(2, _slack.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(60)], _time.Delays);
    }

    [Fact]
    public async Task Messages_to_one_channel_are_paced_one_per_second_but_other_channels_are_not_held_up()
    {
        var client = Client();

        await _time.RunAsync(client.PostMessageAsync("C1", Message(), null, CancellationToken.None));
        await _time.RunAsync(client.PostMessageAsync("C2", Message(), null, CancellationToken.None));
        Assert.Empty(_time.Delays);

        await _time.RunAsync(client.PostMessageAsync("C1", Message(), null, CancellationToken.None));
        Assert.Equal([TimeSpan.FromSeconds(1)], _time.Delays);
    }

    [Fact]
    public async Task The_app_token_not_the_bot_token_opens_a_socket_mode_connection()
    {
        _slack.Enqueue(() => FakeSlackHandler.Json("""{"ok":true,"url":"wss://wss-primary.slack.com/link/?ticket=abc&app_id=A1"}"""));

        var url = await _time.RunAsync(Client().OpenSocketModeConnectionAsync(CancellationToken.None));

        Assert.Equal("wss", url.Scheme);
        var request = Assert.Single(_slack.Requests);
        Assert.Equal("Bearer xapp-placeholder-token", request.Authorization);
        Assert.EndsWith("/apps.connections.open", request.Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_response_url_is_used_at_most_five_times()
    {
        var client = Client();
        const string url = "https://hooks.slack.com/commands/T1/1/abc";
        var payload = MessagePayload.From(Message());

        var results = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await _time.RunAsync(client.RespondAsync(url, payload, CancellationToken.None)));
        }

        Assert.Equal([true, true, true, true, true, false], results);
        Assert.Equal(5, _slack.Requests.Count);
        Assert.All(_slack.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task A_response_url_older_than_30_minutes_is_not_used()
    {
        var client = Client();
        const string url = "https://hooks.slack.com/commands/T1/1/abc";
        Assert.True(await _time.RunAsync(client.RespondAsync(url, MessagePayload.From(Message()), CancellationToken.None)));

        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await _time.RunAsync(client.RespondAsync(url, MessagePayload.From(Message()), CancellationToken.None)));
    }

    [Fact]
    public void A_registered_response_url_keeps_its_clock_and_five_uses_though_its_counter_is_made_on_first_use()
    {
        using var budget = new ResponseUrlBudget(_time);
        budget.Register("https://hooks.slack.com/commands/T1/1/late", _time.GetUtcNow());
        budget.Register("https://hooks.slack.com/commands/T1/1/fresh", _time.GetUtcNow());

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal([true, true, true, true, true, false], Enumerable.Range(0, 6).Select(_ => budget.TryUse("https://hooks.slack.com/commands/T1/1/fresh")));

        // Never used in its first 30 minutes: still dead after them, counted from when its interaction arrived.
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(budget.TryUse("https://hooks.slack.com/commands/T1/1/late"));
    }

    [Theory]
    [InlineData("http://hooks.slack.com/commands/1")]
    [InlineData("https://evil.example/commands/1")]
    [InlineData("https://hooks.slack.com.evil.example/x")]
    public async Task A_response_url_outside_slack_is_refused(string url)
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _time.RunAsync(Client().RespondAsync(url, MessagePayload.From(Message()), CancellationToken.None)));
        Assert.Equal("invalid_response_url", ex.Error);
        Assert.Empty(_slack.Requests);
    }
}
