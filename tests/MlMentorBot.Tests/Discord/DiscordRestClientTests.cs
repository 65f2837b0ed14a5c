using System.Net;
using MlMentorBot.Discord.Rest;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Discord;

public sealed class DiscordRestClientTests
{
    private const string Ok = """{"id":"1"}""";
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly ObservedTimeProvider _time = new(Start);

    [Fact]
    public async Task Bot_routes_send_the_bot_token_and_the_discordbot_user_agent_but_interaction_routes_send_no_token()
    {
        var api = new FakeDiscordApi();
        var rest = FakeRest.Client(api);

        await rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);
        await rest.SendAsync(DiscordRoute.InteractionCallback(2, "tok"), "{}"u8.ToArray(), CancellationToken.None);

        var requests = api.Requests.ToList();
        Assert.Equal("/api/v10/channels/1/messages", requests[0].Path);
        Assert.Equal("Bot test-bot-token", requests[0].Authorization);
        Assert.StartsWith("DiscordBot (", requests[0].UserAgent);
        Assert.Equal("/api/v10/interactions/2/tok/callback", requests[1].Path);
        Assert.Null(requests[1].Authorization);
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_for_reset_after_before_the_next_request()
    {
        var api = new FakeDiscordApi()
            .Respond("channels/1/messages", HttpStatusCode.OK, Ok,
                ("X-RateLimit-Bucket", "abcd"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "0.4"))
            .Respond("channels/1/messages", HttpStatusCode.OK, Ok);
        var rest = FakeRest.Client(api, time: _time);
        await rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);

        var second = rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);
        var wait = await _time.NextWaitAsync();
        _time.Advance(wait - TimeSpan.FromMilliseconds(1));
        var sentEarly = api.Requests.Count;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(0.4), wait);
        Assert.Equal(1, sentEarly);
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task An_exhausted_bucket_does_not_hold_up_another_channel()
    {
        var api = new FakeDiscordApi()
            .Respond("channels/1/messages", HttpStatusCode.OK, Ok,
                ("X-RateLimit-Bucket", "abcd"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "5"));
        var rest = FakeRest.Client(api, time: _time);
        await rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);

        // The clock never moves: the call can only finish if nothing made it wait.
        await rest.SendAsync(DiscordRoute.CreateMessage(2), "{}"u8.ToArray(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task A_429_is_retried_after_retry_after_seconds()
    {
        var api = new FakeDiscordApi()
            .Respond("channels/1/messages", HttpStatusCode.TooManyRequests, """{"message":"You are being rate limited.","retry_after":0.3,"global":false}""",
                ("X-RateLimit-Scope", "user"))
            .Respond("channels/1/messages", HttpStatusCode.OK, Ok);
        var rest = FakeRest.Client(api, time: _time);

        var result = await _time.RunAsync(rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal("1", result!.Value.GetProperty("id").GetString());
        Assert.Equal(2, api.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(0.3), _time.Delays.First());
        Assert.True(_time.GetUtcNow() - Start >= TimeSpan.FromSeconds(0.3));
    }

    [Fact]
    public async Task A_global_429_pauses_requests_on_other_routes_too()
    {
        var api = new FakeDiscordApi()
            .Respond("channels/1/messages", HttpStatusCode.TooManyRequests, """{"message":"You are being rate limited.","retry_after":1.0,"global":true}""",
                ("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global"));
        var rest = FakeRest.Client(api, time: _time);

        var first = rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(1), await _time.NextWaitAsync()); // the retry of the limited request
        var other = rest.SendAsync(DiscordRoute.CreateMessage(2), "{}"u8.ToArray(), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(1), await _time.NextWaitAsync()); // the other route waits out the global pause
        var otherSentEarly = api.To("channels/2/messages").Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first, other).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, otherSentEarly);
        Assert.Single(api.To("channels/2/messages"));
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_429_surfaces_as_an_exception()
    {
        var api = new FakeDiscordApi();
        for (var i = 0; i < 10; i++)
        {
            api.Respond("channels/1/messages", HttpStatusCode.TooManyRequests, """{"message":"slow down","retry_after":0.01,"global":false}""");
        }

        var rest = FakeRest.Client(api, time: _time);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _time.RunAsync(rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None)));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(DiscordRestClient.MaxAttempts, api.Requests.Count);
    }

    [Fact]
    public async Task A_502_on_a_get_is_retried_after_the_pipelines_backoff()
    {
        var api = new FakeDiscordApi()
            .Respond("gateway/bot", HttpStatusCode.BadGateway)
            .Respond("gateway/bot", HttpStatusCode.OK, """{"url":"wss://gateway.discord.gg"}""");
        var rest = FakeRest.Client(api, time: _time);

        var result = await _time.RunAsync(rest.SendAsync(DiscordRoute.GatewayBot(), null, CancellationToken.None));

        Assert.Equal("wss://gateway.discord.gg", result!.Value.GetProperty("url").GetString());
        Assert.Equal([TimeSpan.FromMilliseconds(500)], _time.Delays);
    }

    [Fact]
    public async Task A_503_on_a_patch_is_retried_because_an_edit_can_be_applied_twice()
    {
        var api = new FakeDiscordApi()
            .Respond("messages/9", HttpStatusCode.ServiceUnavailable)
            .Respond("messages/9", HttpStatusCode.OK, Ok);
        var rest = FakeRest.Client(api, time: _time);

        await _time.RunAsync(rest.SendAsync(DiscordRoute.EditMessage(1, 9), "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal(2, api.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_post_that_may_have_reached_discord_is_not_sent_again(HttpStatusCode status)
    {
        var api = new FakeDiscordApi().Respond("channels/1/messages", status);
        var rest = FakeRest.Client(api, time: _time);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _time.RunAsync(rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None)));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(api.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task A_post_that_timed_out_is_not_sent_again()
    {
        var api = new FakeDiscordApi().Fail("callback", new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"));
        var rest = FakeRest.Client(api, time: _time);

        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            _time.RunAsync(rest.SendAsync(DiscordRoute.InteractionCallback(2, "tok"), "{}"u8.ToArray(), CancellationToken.None)));

        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task A_post_whose_connection_failed_before_sending_is_retried()
    {
        var api = new FakeDiscordApi()
            .Fail("channels/1/messages", new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Respond("channels/1/messages", HttpStatusCode.OK, Ok);
        var rest = FakeRest.Client(api, time: _time);

        await _time.RunAsync(rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task A_404_on_original_right_after_a_defer_is_retried()
    {
        var api = new FakeDiscordApi()
            .Respond("messages/@original", HttpStatusCode.NotFound, """{"message":"Unknown Message","code":10008}""")
            .Respond("messages/@original", HttpStatusCode.OK, Ok);
        var rest = FakeRest.Client(api, time: _time);

        await _time.RunAsync(rest.SendAsync(DiscordRoute.EditOriginal(1, "tok"), "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal(2, api.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _time.Delays);
    }

    [Fact]
    public async Task Discord_errors_carry_the_json_error_code_and_nested_errors()
    {
        var api = new FakeDiscordApi().Respond("channels/1/messages", HttpStatusCode.BadRequest,
            """{"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}""");
        var rest = FakeRest.Client(api);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal(50035, error.Code);
        Assert.Contains("BASE_TYPE_MAX_LENGTH", error.Errors);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task After_the_token_is_rejected_no_further_bot_calls_are_made_and_the_token_is_never_in_the_message()
    {
        var api = new FakeDiscordApi().Respond("channels/1/messages", HttpStatusCode.Unauthorized, """{"message":"401: Unauthorized","code":0}""");
        var rest = FakeRest.Client(api);

        await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None));
        var second = await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendAsync(DiscordRoute.CreateMessage(2), "{}"u8.ToArray(), CancellationToken.None));

        Assert.Single(api.Requests);
        Assert.DoesNotContain("test-bot-token", second.Message);
    }

    [Fact]
    public async Task Errors_name_the_route_template_not_the_interaction_token()
    {
        var api = new FakeDiscordApi().Respond("callback", HttpStatusCode.NotFound, """{"message":"Unknown interaction","code":10062}""");
        var rest = FakeRest.Client(api);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            rest.SendAsync(DiscordRoute.InteractionCallback(2, "secret-interaction-token"), "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal(10062, error.Code);
        Assert.Contains("interactions/{interaction_id}/{token}/callback", error.Message);
        Assert.DoesNotContain("secret-interaction-token", error.Message);
    }
}
