using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Storage;
using MlMentorBot.Slack.Manifest;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack.OAuth;

/// <summary>
/// Bolt's install routes (https://docs.slack.dev/authentication/installing-with-oauth): <c>GET /slack/install</c> shows an
/// "Add to Slack" button leading to Slack's authorize page with a fresh signed state (and sets the state cookie);
/// <c>GET /slack/oauth_redirect</c> is where Slack sends the browser back with a <c>code</c>: a forged, expired, reused or
/// other-browser state gets a 400 page and nothing is exchanged; a good one is exchanged with <c>oauth.v2.access</c> and the
/// installation stored. Every outcome is an HTML page, never a stack trace.
/// </summary>
internal static partial class SlackOAuthEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        endpoints.MapGet("/slack/install", (HttpContext http) => Install(http, services));
        endpoints.MapGet("/slack/oauth_redirect", (Func<HttpContext, Task<IResult>>)(http => RedirectAsync(http, services)));
    }

    /// <summary>
    /// The authorize URL: the manifest's bot scopes, no user scopes (the bot acts only as itself), the redirect URL and state.
    /// </summary>
    internal static string AuthorizeUrl(SlackOptions options, string state) =>
        options.AuthorizeUrl.GetLeftPart(UriPartial.Path)
        + "?client_id=" + Uri.EscapeDataString(options.ClientId!)
        + "&scope=" + Uri.EscapeDataString(string.Join(',', SlackManifest.BotScopes))
        + "&user_scope="
        + "&redirect_uri=" + Uri.EscapeDataString(options.RedirectUri!.ToString())
        + "&state=" + Uri.EscapeDataString(state);

    private static IResult Install(HttpContext http, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var state = services.GetRequiredService<SlackOAuthState>().Issue();
        http.Response.Cookies.Append(SlackOAuthState.CookieName, state, CookieOptions(http, options));
        return OAuthPages.Install(AuthorizeUrl(options, state));
    }

    private static async Task<IResult> RedirectAsync(HttpContext http, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackOAuthEndpoints));
        var query = http.Request.Query;
        var cookie = http.Request.Cookies[SlackOAuthState.CookieName];
        // Whatever happens next, this attempt's state is spent for this browser.
        http.Response.Cookies.Delete(SlackOAuthState.CookieName, CookieOptions(http, options));

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            LogDenied(logger, error.Length > 64 ? error[..64] : error);
            return error == "access_denied"
                ? OAuthPages.Cancelled()
                : OAuthPages.Problem(StatusCodes.Status400BadRequest, "Slack did not install the app", $"Slack answered “{error}”.");
        }

        if (query["code"].ToString() is not { Length: > 0 and <= 512 } code)
        {
            return OAuthPages.Problem(StatusCodes.Status400BadRequest, "This page needs Slack's answer",
                "It opens by itself after you press “Allow” on Slack's page; there was no authorization code here.");
        }

        StateCheck check;
        try
        {
            check = await services.GetRequiredService<SlackOAuthState>().ConsumeAsync(query["state"].ToString(), cookie, http.RequestAborted);
        }
        catch (StorageUnavailableException)
        {
            return OAuthPages.Problem(StatusCodes.Status503ServiceUnavailable, "The installation could not be saved", "The bot's database is not available right now. Please try again in a few minutes.");
        }

        if (check != StateCheck.Valid)
        {
            LogRefusedState(logger, check);
            return OAuthPages.Problem(StatusCodes.Status400BadRequest, "This installation link is not valid", check switch
            {
                StateCheck.Expired => "The link is more than 10 minutes old.",
                StateCheck.Reused => "This link was already used.",
                StateCheck.CookieMismatch => "The installation was started in another browser (or its cookie was blocked). Start it again here.",
                _ => "The link was not issued by this bot.",
            });
        }

        SlackInstallation installation;
        try
        {
            var grant = await services.GetRequiredService<SlackOAuthClient>().ExchangeCodeAsync(code, http.RequestAborted);
            installation = grant.ToInstallation(services.GetRequiredService<TimeProvider>().GetUtcNow());
            await services.GetRequiredService<SlackInstallationStore>().SaveAsync(installation, http.RequestAborted);
            if (services.GetService<CommunityStore>() is { } communities)
            {
                // The installing member is the community's first moderator, and a re-install resumes its scheduled posts (issue #12).
                var community = CommunityKeys.Of("slack", installation.CommunityKey);
                await communities.MarkReturnedAsync(community, http.RequestAborted);
                await communities.AddModeratorAsync(community, installation.InstallerUserId, "slack install", http.RequestAborted);
            }
        }
        catch (SlackApiException ex)
        {
            LogExchangeFailed(logger, ex.Error);
            return ex.Error is "network_error" or "timeout" || ex.Error.StartsWith("http_5", StringComparison.Ordinal)
                ? OAuthPages.Problem(StatusCodes.Status502BadGateway, "Slack could not be reached", "The bot could not finish the installation with Slack. Please try again.")
                : OAuthPages.Problem(StatusCodes.Status400BadRequest, "Slack refused the installation", $"Slack answered “{ex.Error}”.");
        }
        catch (StorageUnavailableException)
        {
            return OAuthPages.Problem(StatusCodes.Status503ServiceUnavailable, "The installation could not be saved", "The bot's database is not available right now. Please try again in a few minutes.");
        }

        LogInstalled(logger, installation.CommunityKey, installation.InstallerUserId, installation.BotScopes.Count, installation.BotRefreshToken is not null);
        return OAuthPages.Installed(installation);
    }

    /// <summary>Bolt's cookie: HttpOnly, Lax (it must come back on Slack's top-level redirect), Secure on https, 10 minutes, /slack only.</summary>
    private static CookieOptions CookieOptions(HttpContext http, SlackOptions options) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps || options.RedirectUri?.Scheme == Uri.UriSchemeHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/slack",
        MaxAge = SlackOAuthState.Lifetime,
        IsEssential = true,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack install for {Community} by {InstallerUserId}: {ScopeCount} bot scopes, token rotation {IsRotating}")]
    private static partial void LogInstalled(ILogger logger, string community, string installerUserId, int scopeCount, bool isRotating);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack install refused: state {Check}")]
    private static partial void LogRefusedState(ILogger logger, StateCheck check);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack install not completed: Slack answered {Error}")]
    private static partial void LogDenied(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack install failed: oauth.v2.access answered {Error}")]
    private static partial void LogExchangeFailed(ILogger logger, string error);
}
