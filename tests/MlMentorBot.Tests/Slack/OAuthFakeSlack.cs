using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Slack;

/// <summary>A workspace the fake Slack can install the app into.</summary>
internal sealed record FakeWorkspace(string TeamId, string TeamName, string InstallerId, string? EnterpriseId = null, bool IsEnterpriseInstall = false)
{
    public string BotToken => $"xoxb-{(IsEnterpriseInstall ? EnterpriseId : TeamId)}-secret-token";
}

/// <summary>One Web API request as the fake Slack received it.</summary>
internal sealed record FakeApiCall(string Method, string? Authorization, string Body);

/// <summary>
/// Slack's side of an OAuth install, served by the test on a loopback port with real HTTP: the authorize page (an "Allow" and a
/// "Cancel" link back to the redirect URI, as Slack's page leads there), <c>oauth.v2.access</c> (checks the client's HTTP Basic
/// credentials and the code, answers in the shape https://docs.slack.dev/reference/methods/oauth.v2.access documents), and
/// every other Web API method, which answers <c>ok</c> and is recorded with its Authorization header.
/// </summary>
internal sealed class OAuthFakeSlack : IAsyncDisposable
{
    public const string ClientId = "1111111111.2222222222";
    public const string ClientSecret = "fake-client-secret-0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeWorkspace> _codes = new();
    private readonly ConcurrentDictionary<string, (FakeWorkspace Workspace, int Generation)> _refreshTokens = new();
    private int _nextCode;

    private OAuthFakeSlack(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public Uri ApiBaseUrl => new(BaseUrl + "/api/");

    public Uri AuthorizeUrl => new(BaseUrl + "/oauth/v2/authorize");

    /// <summary>The workspace the next "Allow" installs into.</summary>
    public FakeWorkspace NextWorkspace { get; set; } = new("T0ALPHA", "Alpha Study Group", "U0INSTALLER");

    /// <summary>When set, grants carry a refresh token and this lifetime (token rotation on).</summary>
    public int? ExpiresInSeconds { get; set; }

    public ConcurrentQueue<FakeApiCall> Calls { get; } = new();

    public ConcurrentQueue<IQueryCollection> AuthorizeRequests { get; } = new();

    public static async Task<OAuthFakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        OAuthFakeSlack? fake = null;
        app.MapGet("/oauth/v2/authorize", (HttpContext http) => fake!.AuthorizePage(http));
        app.MapPost("/api/{method}", (HttpContext http, string method) => fake!.ApiAsync(http, method));
        await app.StartAsync();
        var address = app.Urls.Single();
        fake = new OAuthFakeSlack(app, address.TrimEnd('/'));
        return fake;
    }

    /// <summary>Issues a code for <paramref name="workspace"/> as Slack does when a member presses "Allow".</summary>
    public string CodeFor(FakeWorkspace workspace)
    {
        var code = $"code-{Interlocked.Increment(ref _nextCode)}-{workspace.TeamId}";
        _codes[code] = workspace;
        return code;
    }

    public FakeApiCall[] CallsTo(string method) => Calls.Where(c => c.Method == method).ToArray();

    private IResult AuthorizePage(HttpContext http)
    {
        var query = http.Request.Query;
        AuthorizeRequests.Enqueue(query);
        var redirect = query["redirect_uri"].ToString();
        var state = Uri.EscapeDataString(query["state"].ToString());
        var workspace = NextWorkspace;
        var allow = $"{redirect}?code={Uri.EscapeDataString(CodeFor(workspace))}&state={state}";
        var cancel = $"{redirect}?error=access_denied&state={state}";
        var html = new StringBuilder()
            .Append("<!doctype html><html><head><meta charset=utf-8><title>Fake Slack: authorize</title></head><body>")
            .Append("<h1>MlMentorBot is requesting permission to access ").Append(HtmlEncoder.Default.Encode(workspace.TeamName)).Append("</h1>")
            .Append("<p id=scopes>").Append(HtmlEncoder.Default.Encode(query["scope"].ToString())).Append("</p>")
            .Append("<a id=allow href=\"").Append(HtmlEncoder.Default.Encode(allow)).Append("\">Allow</a> ")
            .Append("<a id=cancel href=\"").Append(HtmlEncoder.Default.Encode(cancel)).Append("\">Cancel</a>")
            .Append("</body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private async Task<IResult> ApiAsync(HttpContext http, string method)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var authorization = http.Request.Headers.Authorization.ToString();
        Calls.Enqueue(new FakeApiCall(method, authorization.Length == 0 ? null : authorization, body));
        if (method != "oauth.v2.access")
        {
            return Results.Text(method switch
            {
                "views.open" => """{"ok":true,"view":{"id":"V0001"}}""",
                "conversations.open" => """{"ok":true,"channel":{"id":"D0001"}}""",
                _ => """{"ok":true,"channel":"C1","ts":"1700000000.000100"}""",
            }, "application/json");
        }

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        if (authorization != expected)
        {
            return Results.Text("""{"ok":false,"error":"invalid_client_id"}""", "application/json");
        }

        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body);
        FakeWorkspace? workspace;
        var generation = 0;
        if (form.TryGetValue("grant_type", out var grant) && grant == "refresh_token")
        {
            if (!_refreshTokens.TryRemove(form["refresh_token"].ToString(), out var entry))
            {
                return Results.Text("""{"ok":false,"error":"invalid_refresh_token"}""", "application/json");
            }

            (workspace, generation) = (entry.Workspace, entry.Generation + 1);
        }
        else if (!_codes.TryRemove(form["code"].ToString(), out workspace))
        {
            return Results.Text("""{"ok":false,"error":"invalid_code"}""", "application/json"); // codes are single-use
        }

        var token = generation == 0 ? workspace.BotToken : workspace.BotToken + "-refreshed-" + generation;
        var rotation = "";
        if (ExpiresInSeconds is { } seconds)
        {
            var refresh = $"xoxe-1-{workspace.TeamId}-{generation}";
            _refreshTokens[refresh] = (workspace, generation);
            rotation = $""","refresh_token":"{refresh}","expires_in":{seconds}""";
        }

        var team = workspace.IsEnterpriseInstall ? "null" : $$"""{"id":"{{workspace.TeamId}}","name":"{{workspace.TeamName}}"}""";
        var enterprise = workspace.EnterpriseId is null ? "null" : $$"""{"id":"{{workspace.EnterpriseId}}","name":"{{workspace.TeamName}} Org"}""";
        return Results.Text($$"""
            {"ok":true,"access_token":"{{token}}","token_type":"bot","scope":"commands,chat:write,chat:write.public,im:write,users:read",
             "bot_user_id":"UBOT{{workspace.TeamId}}","app_id":"A0MLMENTOR","team":{{team}},"enterprise":{{enterprise}},
             "authed_user":{"id":"{{workspace.InstallerId}}"},"is_enterprise_install":{{(workspace.IsEnterpriseInstall ? "true" : "false")}}{{rotation}}}
            """, "application/json");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The bot in OAuth mode (HTTP mode, signed requests) pointed at an <see cref="OAuthFakeSlack"/>.</summary>
internal static class OAuthBot
{
    public const string SigningSecret = "test-signing-secret";
    public const string StateSecret = "0123456789abcdef0123456789abcdef-state";

    public static Dictionary<string, string?> Settings(OAuthFakeSlack slack, string botBaseUrl) => new()
    {
        ["Slack:Enabled"] = "true",
        ["Slack:Mode"] = "Http",
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:ClientId"] = OAuthFakeSlack.ClientId,
        ["Slack:ClientSecret"] = OAuthFakeSlack.ClientSecret,
        ["Slack:StateSecret"] = StateSecret,
        ["Slack:RedirectUri"] = botBaseUrl.TrimEnd('/') + "/slack/oauth_redirect",
        ["Slack:AuthorizeUrl"] = slack.AuthorizeUrl.ToString(),
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        ["CheckIns:IsSchedulerEnabled"] = "false",
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static BotFactory Factory(OAuthFakeSlack slack, string botBaseUrl, Action<IServiceCollection>? services = null, IDictionary<string, string?>? extra = null)
    {
        var settings = Settings(slack, botBaseUrl);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new BotFactory(settings, services);
    }
}
