using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MlMentorBot.Slack.OAuth;

namespace MlMentorBot.Tests.Slack;

/// <summary>
/// Runs on its own, after the parallel tests, with Playwright started before any host of its own: starting Playwright sets
/// <see cref="Console.OutputEncoding"/>, which takes the console's lock and then flushes <see cref="Console.Out"/>, while a
/// host's console logger writing at that moment holds <see cref="Console.Out"/> and waits for the console's lock. A
/// fresh-clone CI run hung there (dotnet-stack showed both threads waiting on each other).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}

/// <summary>
/// The whole install in a real browser: Debian's Chromium (never a downloaded one) driven by Playwright against the bot on
/// real Kestrel, with the fake Slack's authorize page and <c>oauth.v2.access</c> on loopback.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OAuthBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task A_member_adds_the_bot_to_their_workspace_in_a_browser_and_lands_on_the_success_page()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (.ci/run does this).");
        // Before any host starts logging to the console (BrowserCollection says why).
        using var playwright = await Playwright.CreateAsync();
        await using var slack = await OAuthFakeSlack.StartAsync();
        var port = OAuthBot.FreePort();
        var botUrl = $"http://127.0.0.1:{port}";
        using var factory = OAuthBot.Factory(slack, botUrl);
        factory.UseKestrel(port);
        factory.StartServer();

        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"], // tests run as root, where Chromium's sandbox cannot start
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 640 } });
        // CI runs the whole suite on two shared cores: give a step a minute rather than Playwright's 30 s. No step waits
        // for a load event: a navigation waits for its response to commit, then the test polls the page's title or URL
        // (Expect(page)) and the elements themselves (locators wait). WaitForURLAsync waits for "load" when the URL already
        // matches, and two CI runs timed out there after the success page's network had gone idle.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);

        await page.GotoAsync(botUrl + "/slack/install", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page).ToHaveTitleAsync("Add MlMentorBot to Slack", new PageAssertionsToHaveTitleOptions { Timeout = 60_000 });
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "slack-install-page.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Add to Slack" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(StartsWith(slack.AuthorizeUrl.ToString()), new PageAssertionsToHaveURLOptions { Timeout = 60_000 });
        Assert.Equal("commands,chat:write,chat:write.public,im:write,users:read", await page.Locator("#scopes").TextContentAsync());
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Allow" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(StartsWith(botUrl + "/slack/oauth_redirect?"), new PageAssertionsToHaveURLOptions { Timeout = 60_000 });

        Assert.Equal("MlMentorBot is installed in Alpha Study Group", await page.Locator("h1").TextContentAsync());
        Assert.Contains("/invite @MlMentorBot", await page.Locator("main").TextContentAsync());
        var screenshot = Path.Combine(folder, "slack-install-success.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0);

        var installation = Assert.Single(await factory.Services.GetRequiredService<SlackInstallationStore>().ListAsync(CancellationToken.None));
        Assert.Equal(("T0ALPHA", "U0INSTALLER"), (installation.TeamId, installation.InstallerUserId));
        Assert.Single(slack.CallsTo("oauth.v2.access"));

        // The browser's state cookie was spent: going back to the redirect (a reload) is refused and exchanges nothing.
        var response = await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Commit });
        Assert.Equal(400, response!.Status);
        Assert.Single(slack.CallsTo("oauth.v2.access"));
    }

    private static Regex StartsWith(string prefix) => new("^" + Regex.Escape(prefix)); // Playwright runs it as JavaScript: no .NET options
}
