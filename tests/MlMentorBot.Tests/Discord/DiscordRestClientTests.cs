using System.Diagnostics;
using System.Net;
using MlMentorBot.Discord.Rest;

namespace MlMentorBot.Tests.Discord;

public sealed class DiscordRestClientTests
{
    private const string Ok = """{"id":"1"}""";

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
        var rest = FakeRest.Client(api);

        await rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);
        await rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);

        var requests = api.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(350), $"second request came after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task An_exhausted_bucket_does_not_hold_up_another_channel()
    {
        var api = new FakeDiscordApi()
            .Respond("channels/1/messages", HttpStatusCode.OK, Ok,
                ("X-RateLimit-Bucket", "abcd"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "5"));
        var rest = FakeRest.Client(api);
        await rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);

        var watch = Stopwatch.StartNew();
        await rest.SendAsync(DiscordRoute.CreateMessage(2), "{}"u8.ToArray(), CancellationToken.None);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), "the other channel waited for the exhausted bucket (5 s)");
    }

    [Fact]
    public async Task A_429_is_retried_after_retry_after_seconds()
    {
        var api = new FakeDiscordApi()
            .Respond("channels/1/messages", HttpStatusCode.TooManyRequests, """{"message":"You are being rate limited.","retry_after":0.3,"global":false}""",
                ("X-RateLimit-Scope", "user"))
            .Respond("channels/1/messages", HttpStatusCode.OK, Ok);
        var rest = FakeRest.Client(api);

        var result = await rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);

        var requests = api.Requests.ToList();
        Assert.Equal("1", result!.Value.GetProperty("id").GetString());
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task A_global_429_pauses_requests_on_other_routes_too()
    {
        var api = new FakeDiscordApi()
            .Respond("channels/1/messages", HttpStatusCode.TooManyRequests, """{"message":"You are being rate limited.","retry_after":1.0,"global":true}""",
                ("X-RateLimit-Global", "true"), ("X-RateLimit-Scope", "global"));
        var rest = FakeRest.Client(api);

        var first = rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None);
        await api.WaitForAsync("channels/1/messages");
        await Task.Delay(200); // let the client read the 429
        await rest.SendAsync(DiscordRoute.CreateMessage(2), "{}"u8.ToArray(), CancellationToken.None);
        await first;

        var limited = api.To("channels/1/messages")[0].At;
        var other = api.To("channels/2/messages")[0].At;
        Assert.True(other - limited >= TimeSpan.FromMilliseconds(900), $"the other route went out {(other - limited).TotalMilliseconds} ms after the global 429");
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_429_surfaces_as_an_exception()
    {
        var api = new FakeDiscordApi();
        for (var i = 0; i < 10; i++)
        {
            api.Respond("channels/1/messages", HttpStatusCode.TooManyRequests, """{"message":"slow down","retry_after":0.01,"global":false}""");
        }

        var rest = FakeRest.Client(api);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.SendAsync(DiscordRoute.CreateMessage(1), "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(DiscordRestClient.MaxAttempts, api.Requests.Count);
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

    [Fact]
    public async Task A_502_is_retried()
    {
        var api = new FakeDiscordApi()
            .Respond("gateway/bot", HttpStatusCode.BadGateway)
            .Respond("gateway/bot", HttpStatusCode.OK, """{"url":"wss://gateway.discord.gg"}""");
        var rest = FakeRest.Client(api);

        var result = await rest.SendAsync(DiscordRoute.GatewayBot(), null, CancellationToken.None);

        Assert.Equal("wss://gateway.discord.gg", result!.Value.GetProperty("url").GetString());
    }
}
