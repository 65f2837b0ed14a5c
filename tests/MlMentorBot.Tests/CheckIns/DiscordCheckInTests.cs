using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
using MlMentorBot.Tests.Discord;

namespace MlMentorBot.Tests.CheckIns;

/// <summary>
/// <c>/checkin</c> on Discord through the real host in HTTP mode: signed interactions as Discord sends them
/// (Fixtures/CheckIns), the group "ml-101" bound to channel 2222222222222222222, opened Mondays 09:00 UTC.
/// </summary>
public sealed class DiscordCheckInTests : IDisposable
{
    private static readonly MemberKey Ada = new("discord", "1111111111111111111", "4444444444444444444");
    private readonly TestSigningKey _key = new();
    private readonly FakeDiscordApi _api = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-23T10:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly Hosting.BotFactory _factory;
    private readonly HttpClient _client;

    public DiscordCheckInTests()
    {
        _factory = InteractionEndpointTests.HttpModeFactory(_key, _api, s => s.AddSingleton<TimeProvider>(_clock));
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task CreateGroupAsync() =>
        await _factory.Services.GetRequiredService<ICommandDispatcher>().DispatchTextAsync(
            "/group create ml-101 day:monday time:09:00 timezone:UTC", Ada, r => r with { ChannelId = "2222222222222222222" }, CancellationToken.None);

    private async Task<JsonNode> PostSignedAsync(string fixture)
    {
        var body = File.ReadAllBytes(Hosting.RepoPaths.Fixture("CheckIns", fixture));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var timestamp = TestSigningKey.Now(_clock); // the host's clock is this test's, so "now" is the fake now
        request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", _key.Sign(timestamp, body));
        request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task The_checkin_command_opens_a_modal_that_submits_to_the_members_group()
    {
        await CreateGroupAsync();

        var response = await PostSignedAsync("discord_command_checkin.json");

        Assert.Equal(9, response["type"]!.GetValue<int>()); // MODAL
        Assert.Equal("m:/checkin group:ml-101", response["data"]!["custom_id"]!.GetValue<string>());
        Assert.Equal(["done", "next", "blockers", "steps"],
            response["data"]!["components"]!.AsArray().Select(c => c!["component"]!["custom_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_signed_modal_submit_stores_the_check_in_and_moves_the_roadmap_step()
    {
        await CreateGroupAsync();

        var response = await PostSignedAsync("discord_modal_submit_checkin.json");

        Assert.Equal(4, response["type"]!.GetValue<int>()); // CHANNEL_MESSAGE_WITH_SOURCE
        Assert.Equal(64, response["data"]!["flags"]!.GetValue<int>()); // ephemeral: only Ada sees her confirmation
        var stored = await _factory.Services.GetRequiredService<CheckInStore>().GetAsync(1, 1, "2026-11-23", CancellationToken.None);
        Assert.Equal("Finished the linear algebra refresher", stored!.Done);
        Assert.Equal("Start the pandas course", stored.Next);
        Assert.Null(stored.Blockers);
        var progress = await _factory.Services.GetRequiredService<IProgressStore>().GetAsync(Ada, CancellationToken.None);
        Assert.Equal(StepStatus.Done, progress["roadmap.foundations.math"].Status);
    }

    [Fact]
    public async Task The_weekly_prompt_is_posted_through_Discord_REST_with_a_check_in_button_and_no_pings()
    {
        // Created at 10:00 while this week's window (Monday 09:00 UTC + 48 h) is open: the prompt is caught up at once.
        await CreateGroupAsync();

        await _factory.Services.GetRequiredService<CheckInScheduler>().RunDueAsync(CancellationToken.None);

        var post = await _api.WaitForAsync("/channels/2222222222222222222/messages");
        Assert.Equal("POST", post.Method);
        var body = JsonNode.Parse(post.Body!)!;
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Contains("c:/checkin group:ml-101", body["components"]!.ToJsonString());
    }
}
