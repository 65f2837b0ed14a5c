using System.Net;
using System.Text.Json.Nodes;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Discord.Rest;

namespace MlMentorBot.Tests.Discord;

public sealed class DiscordChannelMessengerTests
{
    private readonly FakeDiscordApi _api = new();

    private DiscordChannelMessenger Messenger(ChannelPacer? pacer = null) =>
        new(FakeRest.Client(_api), new MessageRenderer(new CustomIdCodec()), pacer ?? new ChannelPacer(TimeProvider.System, TimeSpan.Zero));

    [Fact]
    public async Task A_post_in_a_thread_replies_to_its_message_never_pings_and_returns_the_new_id()
    {
        _api.Respond("channels/2222222222222222222/messages", HttpStatusCode.OK, """{"id":"8888888888888888888","channel_id":"2222222222222222222"}""");

        var id = await Messenger().PostAsync("2222222222222222222", new BotReply { Title = "Weekly check-in", IsPrivate = true }, "7777777777777777777", CancellationToken.None);

        var request = Assert.Single(_api.Requests);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("8888888888888888888", id);
        Assert.Equal("POST", request.Method);
        Assert.Equal("7777777777777777777", (string)body["message_reference"]!["message_id"]!);
        Assert.Equal("""{"parse":[]}""", body["allowed_mentions"]!.ToJsonString());
        Assert.Null(body["flags"]); // channel posts cannot be ephemeral
    }

    [Fact]
    public async Task A_scheduled_post_carries_its_claims_nonce_with_enforce_nonce_so_a_retry_is_not_duplicated()
    {
        _api.Respond("channels/2222222222222222222/messages", HttpStatusCode.OK, """{"id":"8888888888888888888","channel_id":"2222222222222222222"}""");
        var key = MlMentorBot.Core.Scheduling.ScheduledClaims.IdempotencyKey("checkin/1/2026-11-23/Prompt");

        await Messenger().PostAsync("2222222222222222222", new BotReply { Title = "Weekly check-in" }, null, key, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(_api.Requests).Body!)!;
        Assert.Equal(key, (string)body["nonce"]!);
        Assert.True((bool)body["enforce_nonce"]!);
        Assert.InRange(key.Length, 1, 25); // Discord's limit for a nonce
        Assert.Equal(key, MlMentorBot.Core.Scheduling.ScheduledClaims.IdempotencyKey("checkin/1/2026-11-23/Prompt"));
    }

    [Fact]
    public async Task An_update_patches_the_earlier_message()
    {
        await Messenger().UpdateAsync("2222222222222222222", "8888888888888888888", new BotReply { Title = "Closed" }, CancellationToken.None);

        var request = Assert.Single(_api.Requests);
        Assert.Equal(("PATCH", "/api/v10/channels/2222222222222222222/messages/8888888888888888888"), (request.Method, request.Path));
    }
}
