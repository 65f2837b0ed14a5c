using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Core.Storage;
using MlMentorBot.Slack.OAuth;
using MlMentorBot.Slack.WebApi;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Slack;

/// <summary>
/// The OAuth install over HTTP against the real host (on each provider, by the subclasses below) and a fake Slack on loopback: state checks, two
/// workspaces side by side, uninstall, token rotation, encryption at rest.
/// </summary>
public abstract class OAuthInstallTests(TestStorage storage) : IAsyncLifetime
{
    private static readonly FakeWorkspace Alpha = new("T0ALPHA", "Alpha Study Group", "U0ALPHAADMIN");
    private static readonly FakeWorkspace Beta = new("T0BETA", "Beta <ML> & Friends", "U0BETAADMIN");

    // An org-wide install on Enterprise Grid: installed once for the org E0STARSHIP, used from its workspaces T0ORG1 and T0ORG2.
    private static readonly FakeWorkspace Starship = new("T0ORG1", "Starship Industries", "W0ORGADMIN", "E0STARSHIP", IsEnterpriseInstall: true);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private OAuthFakeSlack _slack = null!;
    private BotFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await OAuthFakeSlack.StartAsync();
        _factory = OAuthBot.Factory(_slack, "http://localhost", s => s.AddSingleton<TimeProvider>(_clock), storage.With([]));
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _factory.Dispose();
        await _slack.DisposeAsync();
        storage.Dispose();
    }

    /// <summary>Opens the install page as a browser would: returns the state on its button and the cookie it set.</summary>
    private async Task<(string State, string Cookie)> OpenInstallPageAsync()
    {
        using var page = await _client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var setCookie = Assert.Single(page.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(SlackOAuthState.CookieName + "=", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookie = setCookie.Split(';')[0];
        var html = await page.Content.ReadAsStringAsync();
        var href = System.Text.RegularExpressions.Regex.Match(html, "id=\"add-to-slack\" href=\"([^\"]+)\"").Groups[1].Value;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(WebUtility.HtmlDecode(href)).Query);
        return (query["state"].ToString(), cookie);
    }

    private async Task<HttpResponseMessage> RedirectAsync(string query, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/slack/oauth_redirect?" + query);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await _client.SendAsync(request);
    }

    private async Task InstallAsync(FakeWorkspace workspace)
    {
        var (state, cookie) = await OpenInstallPageAsync();
        using var response = await RedirectAsync($"code={_slack.CodeFor(workspace)}&state={Uri.EscapeDataString(state)}", cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private SlackInstallationStore Store => _factory.Services.GetRequiredService<SlackInstallationStore>();

    private static StudyGroup Group(FakeWorkspace workspace, string channel) => new(
        1, "slack", workspace.TeamId, channel, "weekly", new GroupSchedule(DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", 48),
        StudyGroup.DefaultQuestions, false, true, false, DateTimeOffset.UtcNow);

    private static string Command(FakeWorkspace workspace, string command, string text, string channel) =>
        SlackFixtures.SlashCommand(command, text)
            .Replace("team_id=T0001", "team_id=" + workspace.TeamId, StringComparison.Ordinal)
            .Replace("enterprise_id=E0001", "enterprise_id=", StringComparison.Ordinal)
            .Replace("channel_id=C2147483705", "channel_id=" + channel, StringComparison.Ordinal);

    private static string ButtonPress(FakeWorkspace workspace, string commandLine, string channel)
    {
        var payload = JsonNode.Parse(SlackFixtures.Read("block-actions.json").Replace("{{VALUE}}", commandLine, StringComparison.Ordinal))!.AsObject();
        payload["team"]!["id"] = workspace.TeamId;
        payload["user"]!["team_id"] = workspace.TeamId;
        payload["channel"]!["id"] = channel;
        payload["container"]!["channel_id"] = channel;
        payload.Remove("response_url"); // no response_url: the answer has to go through the Web API, with a token
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    /// <summary>A slash command from a workspace of the Starship org, served by its org-wide install (fixture in Slack's shape).</summary>
    private static string OrgCommand(string teamId, string userId, string command, string text, string channel) =>
        SlackFixtures.Read("slash-command-org-wide.form")
            .Replace("{{TEAM}}", teamId, StringComparison.Ordinal)
            .Replace("{{USER}}", userId, StringComparison.Ordinal)
            .Replace("{{COMMAND}}", Uri.EscapeDataString(command), StringComparison.Ordinal)
            .Replace("{{TEXT}}", Uri.EscapeDataString(text), StringComparison.Ordinal)
            .Replace("{{CHANNEL}}", channel, StringComparison.Ordinal);

    /// <summary>A button press from a workspace of the Starship org, without a response_url so the answer needs a token.</summary>
    private static string OrgButtonPress(string teamId, string userId, string commandLine, string channel) =>
        "payload=" + Uri.EscapeDataString(SlackFixtures.Read("block-actions-org-wide.json")
            .Replace("{{TEAM}}", teamId, StringComparison.Ordinal)
            .Replace("{{USER}}", userId, StringComparison.Ordinal)
            .Replace("{{VALUE}}", commandLine, StringComparison.Ordinal)
            .Replace("{{CHANNEL}}", channel, StringComparison.Ordinal));

    private async Task<string> SendAsync(string path, string body, string contentType = "application/x-www-form-urlencoded")
    {
        using var response = await _client.SendAsync(SlackHttpEndpointTests.Signed(path, body, contentType: contentType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Moves the test's clock to the next Monday 09:30 UTC, when the default schedule's prompt is due.</summary>
    private void ToNextMondayMorning()
    {
        var now = _clock.GetUtcNow();
        var monday = now.Date.AddDays(((int)DayOfWeek.Monday - (int)now.DayOfWeek + 7) % 7 + 7);
        _clock.SetUtcNow(new DateTimeOffset(monday, TimeSpan.Zero).AddHours(9.5));
    }

    private static string Event(FakeWorkspace workspace, string eventId, string eventJson) => $$"""
        {"token":"x","team_id":"{{workspace.TeamId}}","api_app_id":"A0MLMENTOR","event":{{eventJson}},"type":"event_callback",
         "event_id":"{{eventId}}","event_time":1700000000,
         "authorizations":[{"enterprise_id":null,"team_id":"{{workspace.TeamId}}","user_id":"UBOT{{workspace.TeamId}}","is_bot":true,"is_enterprise_install":false}]}
        """;

    [SkippableFact]
    public async Task The_install_page_links_to_slacks_authorize_page_with_the_manifest_scopes_and_a_signed_state()
    {
        using var page = await _client.GetAsync("/slack/install");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType?.ToString());
        Assert.Contains("Add to Slack", html);
        var href = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "id=\"add-to-slack\" href=\"([^\"]+)\"").Groups[1].Value);
        Assert.StartsWith(_slack.AuthorizeUrl + "?client_id=" + Uri.EscapeDataString(OAuthFakeSlack.ClientId), href);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(href).Query);
        Assert.Equal(string.Join(',', MlMentorBot.Slack.Manifest.SlackManifest.BotScopes), query["scope"].ToString());
        Assert.Equal("", query["user_scope"].ToString());
        Assert.Equal("http://localhost/slack/oauth_redirect", query["redirect_uri"].ToString());
        Assert.Matches("^[0-9a-f]{32}\\.[0-9]+\\.[0-9a-f]{64}$", query["state"].ToString());
    }

    [SkippableFact]
    public async Task A_forged_state_gets_a_400_page_and_nothing_is_exchanged()
    {
        var (state, cookie) = await OpenInstallPageAsync();
        var parts = state.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('0', 64)}";

        using var response = await RedirectAsync($"code={_slack.CodeFor(Alpha)}&state={forged}", cookie.Split('=')[0] + "=" + forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not issued by this bot", await response.Content.ReadAsStringAsync());
        Assert.Empty(_slack.CallsTo("oauth.v2.access"));
        Assert.Empty(await Store.ListAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_reused_state_is_refused_the_second_time()
    {
        var (state, cookie) = await OpenInstallPageAsync();
        using var first = await RedirectAsync($"code={_slack.CodeFor(Alpha)}&state={state}", cookie);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await RedirectAsync($"code={_slack.CodeFor(Beta)}&state={state}", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already used", await second.Content.ReadAsStringAsync());
        Assert.Single(_slack.CallsTo("oauth.v2.access"));
        Assert.Equal(["T0ALPHA"], (await Store.ListAsync(CancellationToken.None)).Select(i => i.CommunityKey));
    }

    [SkippableFact]
    public async Task A_state_older_than_ten_minutes_is_refused()
    {
        var (state, cookie) = await OpenInstallPageAsync();
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var response = await RedirectAsync($"code={_slack.CodeFor(Alpha)}&state={state}", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("more than 10 minutes old", await response.Content.ReadAsStringAsync());
        Assert.Empty(_slack.CallsTo("oauth.v2.access"));
    }

    [SkippableFact]
    public async Task A_state_within_ten_minutes_is_accepted()
    {
        var (state, cookie) = await OpenInstallPageAsync();
        _clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));

        using var response = await RedirectAsync($"code={_slack.CodeFor(Alpha)}&state={state}", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task A_state_from_another_browser_is_refused()
    {
        var (state, _) = await OpenInstallPageAsync();
        var (_, otherBrowsersCookie) = await OpenInstallPageAsync();

        using var withOther = await RedirectAsync($"code={_slack.CodeFor(Alpha)}&state={state}", otherBrowsersCookie);
        using var withNone = await RedirectAsync($"code={_slack.CodeFor(Alpha)}&state={state}", null);

        Assert.Equal(HttpStatusCode.BadRequest, withOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withNone.StatusCode);
        Assert.Contains("another browser", await withOther.Content.ReadAsStringAsync());
        Assert.Empty(_slack.CallsTo("oauth.v2.access"));
    }

    [SkippableFact]
    public async Task Cancelling_on_slacks_page_gets_a_friendly_page()
    {
        var (state, cookie) = await OpenInstallPageAsync();

        using var response = await RedirectAsync($"error=access_denied&state={state}", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Installation cancelled", html);
        Assert.Contains("nothing was added", html);
        Assert.Empty(_slack.CallsTo("oauth.v2.access"));
    }

    [SkippableFact]
    public async Task A_code_slack_refuses_gets_a_400_page_that_encodes_what_slack_said()
    {
        var (state, cookie) = await OpenInstallPageAsync();

        using var response = await RedirectAsync($"code=not-a-code&state={state}", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_code", await response.Content.ReadAsStringAsync());
        Assert.Empty(await Store.ListAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task The_success_page_names_the_workspace_html_encoded_and_says_what_to_do_next()
    {
        var (state, cookie) = await OpenInstallPageAsync();

        using var response = await RedirectAsync($"code={_slack.CodeFor(Beta)}&state={state}", cookie);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("MlMentorBot is installed in Beta &lt;ML&gt; &amp; Friends", html);
        Assert.DoesNotContain("<ML>", html);
        Assert.Contains("/invite @MlMentorBot", html);
        Assert.Contains("/help", html);
        var exchange = Assert.Single(_slack.CallsTo("oauth.v2.access"));
        Assert.StartsWith("Basic ", exchange.Authorization);
        Assert.DoesNotContain("client_secret", exchange.Body); // credentials go in the Basic header, as Slack's page asks
        var installation = Assert.Single(await Store.ListAsync(CancellationToken.None));
        Assert.Equal(("T0BETA", "UBOTT0BETA", "U0BETAADMIN", Beta.BotToken), (installation.TeamId, installation.BotUserId, installation.InstallerUserId, installation.BotToken));
        Assert.Contains("chat:write", installation.BotScopes);
    }

    [SkippableFact]
    public async Task Tokens_are_encrypted_at_rest_and_the_key_ring_is_in_the_database()
    {
        _slack.ExpiresInSeconds = 43200;
        await InstallAsync(Alpha);

        await using var connection = await _factory.Services.GetRequiredService<IDatabase>().OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<(string Token, string Refresh)>("SELECT bot_token, bot_refresh_token FROM slack_installations");
        Assert.DoesNotContain("xoxb-", row.Token);
        Assert.DoesNotContain("xoxe-", row.Refresh);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM data_protection_keys") >= 1);
        Assert.Equal(Alpha.BotToken, (await Store.FindAsync("T0ALPHA", null, CancellationToken.None))!.Installation.BotToken);
    }

    [SkippableFact]
    public async Task Two_workspaces_side_by_side_each_get_answers_and_every_web_api_call_carries_their_own_token()
    {
        await InstallAsync(Alpha);
        await InstallAsync(Beta);

        // Slash commands: each answered in its own acknowledgement.
        foreach (var (workspace, channel) in new[] { (Alpha, "CALPHA"), (Beta, "CBETA") })
        {
            using var response = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/commands", Command(workspace, "/roadmap", "", channel)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["blocks"]);
        }

        // Button presses without a response_url: answered through chat.postEphemeral, with the workspace's token.
        foreach (var (workspace, channel) in new[] { (Alpha, "CALPHA"), (Beta, "CBETA") })
        {
            using var response = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/interactivity", ButtonPress(workspace, "/help", channel)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Scheduled posts for each workspace's study group.
        var publisher = _factory.Services.GetRequiredService<CheckInPublisher>();
        await publisher.PostAsync(Group(Alpha, "CALPHA"), new BotReply { Title = "Check-in" }, null, CancellationToken.None);
        await publisher.PostAsync(Group(Beta, "CBETA"), new BotReply { Title = "Check-in" }, null, CancellationToken.None);

        var calls = await WaitForCallsAsync(c => c.Method != "oauth.v2.access", 4);
        Assert.Equal(4, calls.Length);
        Assert.All(calls, call =>
        {
            var channel = JsonNode.Parse(call.Body)!["channel"]!.GetValue<string>();
            Assert.Equal(channel == "CALPHA" ? "Bearer " + Alpha.BotToken : "Bearer " + Beta.BotToken, call.Authorization);
        });
        Assert.Equal(2, calls.Count(c => c.Method == "chat.postEphemeral"));
        Assert.Equal(2, calls.Count(c => c.Method == "chat.postMessage"));
    }

    [SkippableFact]
    public async Task Uninstalling_stops_every_use_of_that_workspaces_token_at_once_and_only_that_one()
    {
        await InstallAsync(Alpha);
        await InstallAsync(Beta);
        var publisher = _factory.Services.GetRequiredService<CheckInPublisher>();
        var api = _factory.Services.GetRequiredService<SlackApiClient>();

        using var uninstalled = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/events",
            Event(Alpha, "Ev0UNINSTALL", """{"type":"app_uninstalled","event_ts":"1700000000.000001"}"""), contentType: "application/json"));
        Assert.Equal(HttpStatusCode.OK, uninstalled.StatusCode);

        // Straight after the event's acknowledgement: Alpha's scheduled post is refused without a call, its Web API calls fail
        // before sending, and Beta carries on.
        Assert.Equal("", await publisher.PostAsync(Group(Alpha, "CALPHA1"), new BotReply { Title = "Check-in" }, null, CancellationToken.None));
        using (CommunityScope.Enter(new Community("slack", Alpha.TeamId)))
        {
            var refused = await Assert.ThrowsAsync<SlackApiException>(() => api.OpenDirectMessageAsync("U1", CancellationToken.None));
            Assert.Equal(SlackTokenResolver.NotInstalled, refused.Error);
        }

        Assert.NotEqual("", await publisher.PostAsync(Group(Beta, "CBETA1"), new BotReply { Title = "Check-in" }, null, CancellationToken.None));
        Assert.DoesNotContain(_slack.Calls, c => c.Authorization == "Bearer " + Alpha.BotToken);
        Assert.Contains(_slack.Calls, c => c.Authorization == "Bearer " + Beta.BotToken);
        await WaitUntilAsync(async () => (await Store.ListAsync(CancellationToken.None)).Select(i => i.CommunityKey).SequenceEqual(["T0BETA"]));

        // tokens_revoked for the bot's token ends Beta's install the same way.
        using var revoked = await _client.SendAsync(SlackHttpEndpointTests.Signed("/slack/events",
            Event(Beta, "Ev0REVOKED", """{"type":"tokens_revoked","tokens":{"oauth":[],"bot":["UBOTT0BETA"]},"event_ts":"1700000000.000002"}"""), contentType: "application/json"));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var betaCalls = _slack.Calls.Count(c => c.Authorization == "Bearer " + Beta.BotToken);
        Assert.Equal("", await publisher.PostAsync(Group(Beta, "CBETA2"), new BotReply { Title = "Check-in" }, null, CancellationToken.None));
        Assert.Equal(betaCalls, _slack.Calls.Count(c => c.Authorization == "Bearer " + Beta.BotToken));
        await WaitUntilAsync(async () => (await Store.ListAsync(CancellationToken.None)).Count == 0);

        // A re-install brings the workspace back.
        await InstallAsync(Alpha);
        Assert.NotEqual("", await publisher.PostAsync(Group(Alpha, "CALPHA2"), new BotReply { Title = "Check-in" }, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task With_token_rotation_a_token_close_to_expiry_is_refreshed_before_it_is_used()
    {
        _slack.ExpiresInSeconds = 43200; // Slack's 12 hours
        await InstallAsync(Alpha);
        var publisher = _factory.Services.GetRequiredService<CheckInPublisher>();

        // A channel each: the per-channel pacer waits on the test's clock, which only the test moves.
        await publisher.PostAsync(Group(Alpha, "CALPHA1"), new BotReply { Title = "1" }, null, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(1)); // under 2 hours left
        await publisher.PostAsync(Group(Alpha, "CALPHA2"), new BotReply { Title = "2" }, null, CancellationToken.None);
        await publisher.PostAsync(Group(Alpha, "CALPHA3"), new BotReply { Title = "3" }, null, CancellationToken.None);

        var exchanges = _slack.CallsTo("oauth.v2.access");
        Assert.Equal(2, exchanges.Length); // the install, then one refresh
        Assert.Contains("grant_type=refresh_token", exchanges[1].Body);
        Assert.Contains("refresh_token=xoxe-1-T0ALPHA-0", exchanges[1].Body);
        Assert.Equal(
            ["Bearer " + Alpha.BotToken, "Bearer " + Alpha.BotToken + "-refreshed-1", "Bearer " + Alpha.BotToken + "-refreshed-1"],
            _slack.CallsTo("chat.postMessage").Select(c => c.Authorization));
    }

    [SkippableFact]
    public async Task The_installer_is_the_first_moderator_and_uninstall_stops_the_workspaces_group_posts_until_it_is_installed_again()
    {
        await InstallAsync(Alpha);
        var communities = _factory.Services.GetRequiredService<MlMentorBot.Core.Communities.CommunityStore>();
        var groups = _factory.Services.GetRequiredService<StudyGroupStore>();
        var scheduler = _factory.Services.GetRequiredService<CheckInScheduler>();

        // Through the real endpoint: the installer may change settings; another member of the same workspace may not.
        var byInstaller = await SendAsync("/slack/commands", SlackFixtures.SlashCommand("/community", "settings", Alpha.InstallerId)
            .Replace("team_id=T0001", "team_id=" + Alpha.TeamId, StringComparison.Ordinal).Replace("enterprise_id=E0001", "enterprise_id=", StringComparison.Ordinal));
        var byMember = await SendAsync("/slack/commands", Command(Alpha, "/community", "settings", "CALPHA").Replace("user_id=U2CERLKJA", "user_id=U0MEMBER", StringComparison.Ordinal));
        Assert.Contains("Community settings", byInstaller);
        Assert.Contains("Moderators only", byMember);
        Assert.Equal([Alpha.InstallerId], (await communities.ModeratorsAsync("slack:T0ALPHA", CancellationToken.None)).Select(m => m.UserId));
        await SendAsync("/slack/commands", Command(Alpha, "/group", "create alpha-weekly", "CALPHA"));
        Assert.NotNull(await groups.FindByNameAsync(new("slack", Alpha.TeamId, "U2CERLKJA"), "alpha-weekly", CancellationToken.None));

        await SendAsync("/slack/events", Event(Alpha, "Ev0UNINSTALL1", """{"type":"app_uninstalled","event_ts":"1700000000.000001"}"""), "application/json");
        await WaitUntilAsync(async () => (await communities.LeftAsync(CancellationToken.None)).Contains("slack:T0ALPHA"));
        Assert.DoesNotContain(await groups.ListActiveAsync(CancellationToken.None), g => g.Name == "alpha-weekly"); // skipped, not just sent nowhere
        ToNextMondayMorning();
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.Empty(_slack.CallsTo("chat.postMessage"));

        await InstallAsync(Alpha);
        await scheduler.RunDueAsync(CancellationToken.None);

        Assert.DoesNotContain("slack:T0ALPHA", await communities.LeftAsync(CancellationToken.None));
        var prompt = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal("Bearer " + Alpha.BotToken, prompt.Authorization);
        Assert.Equal("CALPHA", JsonNode.Parse(prompt.Body)!["channel"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task An_org_wide_install_makes_every_workspace_of_the_org_one_community_with_one_token_and_a_standalone_workspace_stays_apart()
    {
        await InstallAsync(Starship);
        await InstallAsync(Alpha);

        // The installer (stored under the org) is a moderator in every workspace of the org; a moderator added from one
        // workspace is one in the other; neither has rights in the standalone workspace.
        var added = await SendAsync("/slack/commands", OrgCommand("T0ORG1", "W0ORGADMIN", "/community", "moderators add <@W0CAROL|carol>", "C0ORG1"));
        var listedInOrg2 = await SendAsync("/slack/commands", OrgCommand("T0ORG2", "W0CAROL", "/community", "moderators", "C0ORG2"));
        await SendAsync("/slack/commands", OrgCommand("T0ORG2", "W0CAROL", "/community", "settings set default-time-zone Europe/Berlin", "C0ORG2"));
        var inAlpha = await SendAsync("/slack/commands", Command(Alpha, "/community", "settings", "CALPHA").Replace("user_id=U2CERLKJA", "user_id=W0CAROL", StringComparison.Ordinal));
        Assert.Contains("is now a moderator here", added);
        Assert.Contains("W0ORGADMIN", listedInOrg2);
        Assert.Contains("W0CAROL", listedInOrg2);
        Assert.Contains("Moderators only", inAlpha);

        // Gaps asked in one workspace of the org are the org's; the standalone workspace's are its own.
        await SendAsync("/slack/commands", OrgCommand("T0ORG1", "W0DAN", "/ask", "how do I get a visa for Canada", "C0ORG1"));
        await SendAsync("/slack/commands", Command(Alpha, "/ask", "is a cover letter needed", "CALPHA"));
        var gapsInOrg2 = await SendAsync("/slack/commands", OrgCommand("T0ORG2", "W0CAROL", "/kb", "gaps", "C0ORG2"));
        var gapsInAlpha = await SendAsync("/slack/commands", Command(Alpha, "/kb", "gaps", "CALPHA").Replace("user_id=U2CERLKJA", "user_id=" + Alpha.InstallerId, StringComparison.Ordinal));
        Assert.Contains("visa for Canada", gapsInOrg2);
        Assert.DoesNotContain("cover letter", gapsInOrg2);
        Assert.Contains("cover letter", gapsInAlpha);
        Assert.DoesNotContain("visa", gapsInAlpha);

        // Every Web API call from either workspace of the org carries the org's token, including a group's scheduled post.
        await SendAsync("/slack/interactivity", OrgButtonPress("T0ORG1", "W0DAN", "/help", "C0ORG1"));
        await SendAsync("/slack/interactivity", OrgButtonPress("T0ORG2", "W0DAN", "/help", "C0ORG2"));
        await SendAsync("/slack/interactivity", ButtonPress(Alpha, "/help", "CALPHA"));
        await SendAsync("/slack/commands", OrgCommand("T0ORG2", "W0CAROL", "/group", "create starship-weekly", "C0ORG2"));
        var group = (await _factory.Services.GetRequiredService<StudyGroupStore>().FindByNameAsync(new("slack", "T0ORG2", "W0CAROL"), "starship-weekly", CancellationToken.None))!;
        Assert.Equal("slack:E0STARSHIP", group.Community);
        Assert.Equal("Europe/Berlin", group.Schedule.TimeZoneId); // the org's setting, made from the other workspace
        await _factory.Services.GetRequiredService<CheckInPublisher>().PostAsync(group, new BotReply { Title = "Check-in" }, null, CancellationToken.None);

        var calls = await WaitForCallsAsync(c => c.Method is "chat.postEphemeral" or "chat.postMessage", 4);
        Assert.All(calls, call =>
        {
            var channel = JsonNode.Parse(call.Body)!["channel"]!.GetValue<string>();
            Assert.Equal(channel == "CALPHA" ? "Bearer " + Alpha.BotToken : "Bearer " + Starship.BotToken, call.Authorization);
        });
        Assert.Equal(["C0ORG1", "C0ORG2", "C0ORG2"], calls.Select(c => JsonNode.Parse(c.Body)!["channel"]!.GetValue<string>()).Where(c => c != "CALPHA").Order());
    }

    [SkippableFact]
    public async Task Uninstalling_an_org_wide_install_stops_its_groups_posts_and_leaves_a_standalone_workspace_running()
    {
        await InstallAsync(Starship);
        await InstallAsync(Alpha);
        await SendAsync("/slack/commands", OrgCommand("T0ORG2", "W0ORGADMIN", "/group", "create starship-weekly", "C0ORG2"));
        await SendAsync("/slack/commands", Command(Alpha, "/group", "create alpha-weekly", "CALPHA"));
        var communities = _factory.Services.GetRequiredService<MlMentorBot.Core.Communities.CommunityStore>();

        await SendAsync("/slack/events", SlackFixtures.Read("app-uninstalled-org-wide.json"), "application/json");
        await WaitUntilAsync(async () => (await communities.LeftAsync(CancellationToken.None)).Contains("slack:E0STARSHIP"));
        var active = await _factory.Services.GetRequiredService<StudyGroupStore>().ListActiveAsync(CancellationToken.None);
        Assert.Equal(["alpha-weekly"], active.Select(g => g.Name)); // the org's group is skipped, not just sent nowhere
        ToNextMondayMorning();
        await _factory.Services.GetRequiredService<CheckInScheduler>().RunDueAsync(CancellationToken.None);

        var prompt = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Equal("CALPHA", JsonNode.Parse(prompt.Body)!["channel"]!.GetValue<string>());
        Assert.Equal(["T0ALPHA"], (await Store.ListAsync(CancellationToken.None)).Select(i => i.CommunityKey));
    }

    private async Task<FakeApiCall[]> WaitForCallsAsync(Func<FakeApiCall, bool> match, int count)
    {
        await WaitUntilAsync(() => Task.FromResult(_slack.Calls.Count(match) >= count));
        return _slack.Calls.Where(match).ToArray();
    }

    /// <summary>Waits for something to happen (never to prove that something did not).</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}

public sealed class OAuthSettingsTests
{
    [SkippableFact]
    public void With_oauth_the_manifest_lists_the_redirect_url_and_subscribes_to_the_events_that_end_an_install()
    {
        var output = new StringWriter();
        Assert.Equal(0, MlMentorBot.Slack.Manifest.SlackManifest.Run(["--http", "https://bot.example.com", "--oauth"], output, new StringWriter()));
        var manifest = JsonNode.Parse(output.ToString())!;

        Assert.Equal(["https://bot.example.com/slack/oauth_redirect"], manifest["oauth_config"]!["redirect_urls"]!.AsArray().Select(u => u!.GetValue<string>()));
        var events = manifest["settings"]!["event_subscriptions"]!;
        Assert.Equal("https://bot.example.com/slack/events", events["request_url"]!.GetValue<string>());
        Assert.Equal(["app_uninstalled", "tokens_revoked"], events["bot_events"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [SkippableFact]
    public void Without_oauth_the_manifest_has_no_redirect_url_and_no_events()
    {
        var output = new StringWriter();
        Assert.Equal(0, MlMentorBot.Slack.Manifest.SlackManifest.Run(["--http", "https://bot.example.com"], output, new StringWriter()));
        var manifest = JsonNode.Parse(output.ToString())!;

        Assert.Null(manifest["oauth_config"]!["redirect_urls"]);
        Assert.Null(manifest["settings"]!["event_subscriptions"]);
    }

    [SkippableFact]
    public void Oauth_without_a_redirect_url_is_a_usage_error()
    {
        var error = new StringWriter();
        Assert.Equal(2, MlMentorBot.Slack.Manifest.SlackManifest.Run(["--oauth"], new StringWriter(), error));
        Assert.Contains("--http BASE_URL or --oauth REDIRECT_URL", error.ToString());
    }

    [SkippableFact]
    public void With_client_id_and_secret_no_bot_token_is_needed_but_the_state_secret_and_redirect_uri_are()
    {
        var validator = new MlMentorBot.Slack.SlackOptionsValidator();
        var options = new MlMentorBot.Slack.SlackOptions
        {
            Enabled = true,
            Mode = MlMentorBot.Slack.SlackMode.Http,
            SigningSecret = "s",
            ClientId = "1.2",
            ClientSecret = "secret",
            StateSecret = new string('x', 32),
            RedirectUri = new Uri("https://bot.example.com/slack/oauth_redirect"),
        };
        Assert.True(validator.Validate(null, options).Succeeded);

        options.StateSecret = "short";
        options.RedirectUri = new Uri("http://bot.example.com/slack/oauth_redirect");
        var failures = validator.Validate(null, options).Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Slack:StateSecret", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Slack:RedirectUri", StringComparison.Ordinal));

        var halfConfigured = new MlMentorBot.Slack.SlackOptions { Enabled = true, Mode = MlMentorBot.Slack.SlackMode.Http, SigningSecret = "s", ClientId = "1.2" };
        var halfFailures = validator.Validate(null, halfConfigured).Failures!.ToList();
        Assert.Contains(halfFailures, f => f.StartsWith("Slack:ClientSecret is required", StringComparison.Ordinal));
        Assert.Contains(halfFailures, f => f.StartsWith("Slack:BotToken is required", StringComparison.Ordinal));
    }
}

public sealed class OAuthInstallOnSqliteTests() : OAuthInstallTests(TestStorage.Sqlite());

[Collection(PostgresCluster.Collection)]
public sealed class OAuthInstallOnPostgresTests(PostgresCluster cluster) : OAuthInstallTests(TestStorage.Postgres(cluster));
