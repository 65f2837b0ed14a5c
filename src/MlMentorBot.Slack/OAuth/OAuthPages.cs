using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace MlMentorBot.Slack.OAuth;

/// <summary>
/// The install flow's few HTML pages: one small template, every value HTML-encoded (workspace names and Slack's error codes
/// come from outside), no script, and headers that keep the pages out of frames, caches and other sites' Referer headers
/// (the redirect URL carries the single-use code).
/// </summary>
internal static class OAuthPages
{
    private const string Style = """
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1d1c1d}
        main{max-width:34rem;margin:10vh auto;padding:2.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        h1{font-size:1.6rem;margin:0 0 .75rem}
        p,li{margin:.5rem 0}
        code{white-space:nowrap;background:#f0f0f0;padding:.1rem .35rem;border-radius:4px}
        .add{display:inline-flex;align-items:center;gap:.6rem;margin:1.25rem 0 .5rem;padding:.7rem 1.3rem;border:1px solid #ddd;
          border-radius:8px;background:#fff;color:#1d1c1d;font-weight:600;text-decoration:none}
        .add:hover{background:#f8f8f8;border-color:#bbb}
        .logo{width:20px;height:20px}
        .note{color:#616061;font-size:.9rem}
        .ok{color:#007a5a}.bad{color:#b3261e}
        """;

    // Slack's four-colour mark, drawn inline so the page loads nothing from elsewhere.
    private const string SlackLogo = """
        <svg class="logo" viewBox="0 0 122.8 122.8" aria-hidden="true"><path fill="#e01e5a" d="M25.8 77.6a12.9 12.9 0 1 1-12.9-12.9h12.9zm6.5 0a12.9 12.9 0 0 1 25.8 0v32.3a12.9 12.9 0 1 1-25.8 0z"/><path fill="#36c5f0" d="M45.2 25.8a12.9 12.9 0 1 1 12.9-12.9v12.9zm0 6.5a12.9 12.9 0 0 1 0 25.8H12.9a12.9 12.9 0 0 1 0-25.8z"/><path fill="#2eb67d" d="M97 45.2a12.9 12.9 0 1 1 12.9 12.9H97zm-6.5 0a12.9 12.9 0 0 1-25.8 0V12.9a12.9 12.9 0 1 1 25.8 0z"/><path fill="#ecb22e" d="M77.6 97a12.9 12.9 0 1 1-12.9 12.9V97zm0-6.5a12.9 12.9 0 0 1 0-25.8h32.3a12.9 12.9 0 0 1 0 25.8z"/></svg>
        """;

    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>The "Add to Slack" page; <paramref name="authorizeUrl"/> is the full Slack authorize URL with its state.</summary>
    public static IResult Install(string authorizeUrl) => Page(StatusCodes.Status200OK, "Add MlMentorBot to Slack", $"""
        <h1>MlMentorBot</h1>
        <p>An ML career mentor for your study community: roadmaps with each member's progress, salaries with their sources,
        skills, where to learn, and weekly study-group check-ins.</p>
        <a class="add" id="add-to-slack" href="{Encode(authorizeUrl)}">{SlackLogo}Add to Slack</a>
        <p class="note">Slack asks you to pick a workspace and shows what the bot may do there. This link works for 10 minutes,
        in this browser only.</p>
        """);

    /// <summary>After a successful install: names the workspace and says what to do next.</summary>
    public static IResult Installed(SlackInstallation installation)
    {
        var name = Encode(installation.DisplayName);
        var open = installation is { TeamId: { } team, AppId: { } app }
            ? $"""<p><a class="add" href="{Encode($"slack://app?team={Uri.EscapeDataString(team)}&id={Uri.EscapeDataString(app)}")}">Open Slack</a></p>"""
            : "";
        return Page(StatusCodes.Status200OK, "MlMentorBot is installed", $"""
            <h1 class="ok">MlMentorBot is installed in {name}</h1>
            <p>Next:</p>
            <ol>
              <li>Invite the bot to the channel where your community studies: type <code>/invite @MlMentorBot</code> there.</li>
              <li>Type <code>/help</code> to see every command, or start with <code>/roadmap</code>.</li>
              <li>Run a weekly study group in that channel with <code>/group create</code>.</li>
            </ol>
            {open}
            <p class="note">Removing the app from the workspace stops the bot there at once.</p>
            """);
    }

    /// <summary>The member chose "Cancel" on Slack's page (<c>error=access_denied</c>).</summary>
    public static IResult Cancelled() => Page(StatusCodes.Status200OK, "Installation cancelled", """
        <h1>Installation cancelled</h1>
        <p>No problem: nothing was added to your workspace. If you change your mind, <a href="/slack/install">start again</a>.</p>
        """);

    /// <summary>A refused or failed install: <paramref name="status"/> 4xx for a bad request, 502 when Slack could not be reached.</summary>
    public static IResult Problem(int status, string title, string detail) => Page(status, title, $"""
        <h1 class="bad">{Encode(title)}</h1>
        <p>{Encode(detail)}</p>
        <p><a href="/slack/install">Start the installation again</a></p>
        """);

    private static IResult Page(int status, string title, string body) => new HtmlPage(status, $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{Encode(title)}</title>
        <style>{Style}</style>
        </head>
        <body><main>
        {body}
        </main></body>
        </html>
        """);

    private sealed class HtmlPage(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var response = http.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
            return response.WriteAsync(html, Encoding.UTF8);
        }
    }
}
