using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Slack;

namespace MlMentorBot.Tests.CheckIns;

/// <summary>
/// <c>/checkin</c> on Slack through the real host in HTTP mode, signed as Slack signs. The group's window is opened on today's
/// UTC weekday at 00:00 for 144 h, so it is open whenever the test runs (the signature check uses the real clock).
/// </summary>
public sealed class SlackCheckInTests : IDisposable
{
    private readonly FakeSlackHandler _slack = new();
    private readonly BotFactory _factory;
    private readonly HttpClient _client;

    public SlackCheckInTests()
    {
        _factory = SlackHttpEndpointTests.HttpModeFactory(_slack);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task SlashAsync(string command, string text)
    {
        using var response = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/commands", SlackFixtures.SlashCommand(command, text)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Checkin_opens_a_view_and_a_signed_view_submission_stores_the_check_in()
    {
        var today = DateTime.UtcNow.DayOfWeek.ToString().ToLowerInvariant();
        await SlashAsync("/group", $"create ml-101 day:{today} time:00:00 timezone:UTC hours:144");

        await SlashAsync("/checkin", "");
        var open = (await _slack.WaitForAsync(1)).Single(r => r.Uri.AbsolutePath.EndsWith("/views.open", StringComparison.Ordinal));
        var metadata = JsonNode.Parse(open.Body)!["view"]!["private_metadata"]!.GetValue<string>();
        Assert.Contains("/checkin group:ml-101", metadata);

        var payload = SlackFixtures.Read("view-submission.json")
            .Replace("{{METADATA}}", metadata.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{{VALUES}}", """
                {"done":{"done":{"type":"plain_text_input","value":"Finished the statistics refresher"}},
                 "next":{"next":{"type":"plain_text_input","value":"Kaggle starter notebook"}},
                 "blockers":{"blockers":{"type":"plain_text_input","value":null}},
                 "steps":{"steps":{"type":"plain_text_input","value":"roadmap.foundations.math"}}}
                """, StringComparison.Ordinal);
        using var response = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var confirmation = (await _slack.WaitForAsync(2)).Last();
        Assert.EndsWith("/chat.postEphemeral", confirmation.Uri.AbsolutePath);
        Assert.Contains("Checked in", confirmation.Body);
        var group = (await _factory.Services.GetRequiredService<StudyGroupStore>().GetAsync(1, CancellationToken.None))!;
        var week = CheckInCalendar.Current(group.Schedule, DateTimeOffset.UtcNow);
        var stored = await _factory.Services.GetRequiredService<CheckInStore>().GetAsync(1, 1, week.Key, CancellationToken.None);
        Assert.Equal("Finished the statistics refresher", stored!.Done);
        Assert.Equal(["roadmap.foundations.math"], stored.Steps);
    }

    [Fact]
    public async Task A_wrong_step_id_keeps_the_form_open_with_an_error_on_that_field()
    {
        var today = DateTime.UtcNow.DayOfWeek.ToString().ToLowerInvariant();
        await SlashAsync("/group", $"create ml-101 day:{today} time:00:00 timezone:UTC hours:144");
        await SlashAsync("/checkin", "");
        var open = (await _slack.WaitForAsync(1)).Single(r => r.Uri.AbsolutePath.EndsWith("/views.open", StringComparison.Ordinal));
        var metadata = JsonNode.Parse(open.Body)!["view"]!["private_metadata"]!.GetValue<string>();
        var payload = SlackFixtures.Read("view-submission.json")
            .Replace("{{METADATA}}", metadata.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{{VALUES}}", """
                {"done":{"done":{"type":"plain_text_input","value":"Finished the statistics refresher"}},
                 "next":{"next":{"type":"plain_text_input","value":"Kaggle starter notebook"}},
                 "steps":{"steps":{"type":"plain_text_input","value":"roadmap.no.such.step"}}}
                """, StringComparison.Ordinal);

        using var response = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", ack["response_action"]!.GetValue<string>());
        Assert.Contains("roadmap.no.such.step", ack["errors"]!["steps"]!.GetValue<string>());
    }
}
