using System.Text.Json;
using System.Text.Json.Nodes;
using MlMentorBot.Core.Commands;

namespace MlMentorBot.Slack.Manifest;

/// <summary>
/// Builds the app manifest (https://docs.slack.dev/app-manifests/configuring-apps-with-app-manifests) from
/// <see cref="CommandCatalog"/>, so the commands Slack shows are exactly the ones the bot parses. Socket Mode by default; with an
/// HTTPS base URL, every command and interactivity point at <c>{base}/slack/commands</c> and <c>{base}/slack/interactivity</c>.
/// With <c>--oauth</c> (OAuth installs, issue #12) it adds the redirect URL and subscribes to the events that end an install.
/// Paste the JSON into "Create New App → From a manifest" at https://api.slack.com/apps?new_app=1.
/// </summary>
public static class SlackManifest
{
    private const string Usage = "Usage: slack manifest [--http BASE_URL] [--oauth [REDIRECT_URL]]   (BASE_URL such as https://bot.example.com; "
        + "REDIRECT_URL defaults to BASE_URL/slack/oauth_redirect)";

    /// <summary>
    /// The bot scopes the app asks for, in the manifest and on the install page's authorize URL alike. commands: slash commands;
    /// chat:write(.public): answers and check-ins; im:write: DMs via conversations.open; users:read: users.info.
    /// </summary>
    public static IReadOnlyList<string> BotScopes { get; } = ["commands", "chat:write", "chat:write.public", "im:write", "users:read"];

    /// <summary>
    /// The bot events the app subscribes to when installed through OAuth: both end an install
    /// (https://docs.slack.dev/reference/events/app_uninstalled, https://docs.slack.dev/reference/events/tokens_revoked).
    /// </summary>
    public static IReadOnlyList<string> OAuthEvents { get; } = ["app_uninstalled", "tokens_revoked"];

    /// <summary>Prints the manifest for <c>slack manifest [--http BASE_URL] [--oauth [REDIRECT_URL]]</c>; returns 0, or 2 with a usage message.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        Uri? baseUrl = null;
        Uri? redirectUrl = null;
        var isOAuth = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--http" && i + 1 < args.Length && IsWebUrl(args[i + 1], out var url))
            {
                baseUrl = url;
                i++;
                continue;
            }

            if (args[i] == "--oauth")
            {
                isOAuth = true;
                if (i + 1 < args.Length && IsWebUrl(args[i + 1], out var redirect))
                {
                    redirectUrl = redirect;
                    i++;
                }

                continue;
            }

            error.WriteLine(Usage);
            return 2;
        }

        if (isOAuth && (redirectUrl ??= baseUrl is null ? null : new Uri(baseUrl, "slack/oauth_redirect")) is null)
        {
            error.WriteLine("slack manifest --oauth needs the public URL of /slack/oauth_redirect: pass --http BASE_URL or --oauth REDIRECT_URL.");
            error.WriteLine(Usage);
            return 2;
        }

        output.WriteLine(Build(baseUrl, redirectUrl).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static bool IsWebUrl(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && url.Scheme is "https" or "http";

    /// <summary>
    /// The manifest as JSON. Limits from Slack's manifest schema: ≤ 50 commands, each 2–32 characters starting with "/",
    /// description ≤ 2000, usage hint ≤ 1000. <paramref name="oauthRedirectUrl"/> (the public URL of <c>/slack/oauth_redirect</c>)
    /// switches on the OAuth parts: <c>oauth_config.redirect_urls</c> and the <see cref="OAuthEvents"/> subscription.
    /// </summary>
    public static JsonObject Build(Uri? httpBaseUrl, Uri? oauthRedirectUrl = null)
    {
        var commandsUrl = httpBaseUrl is null ? null : new Uri(httpBaseUrl, "slack/commands").ToString();
        var interactivityUrl = httpBaseUrl is null ? null : new Uri(httpBaseUrl, "slack/interactivity").ToString();
        var commands = new JsonArray();
        foreach (var command in CommandCatalog.All.Take(50))
        {
            var entry = new JsonObject
            {
                ["command"] = "/" + command.Name,
                ["description"] = command.Description,
                ["usage_hint"] = UsageHint(command),
                // Escaped, "@bob" arrives as <@U…|bob>: the only way to learn the id behind a typed mention (for the user option).
                ["should_escape"] = true,
            };
            if (commandsUrl is not null)
            {
                entry["url"] = commandsUrl;
            }

            commands.Add(entry);
        }

        var interactivity = new JsonObject { ["is_enabled"] = true };
        if (interactivityUrl is not null)
        {
            interactivity["request_url"] = interactivityUrl;
        }

        var oauthConfig = new JsonObject { ["scopes"] = new JsonObject { ["bot"] = new JsonArray([.. BotScopes.Select(s => JsonValue.Create(s))]) } };
        var settings = new JsonObject { ["interactivity"] = interactivity };
        if (oauthRedirectUrl is not null)
        {
            oauthConfig["redirect_urls"] = new JsonArray(oauthRedirectUrl.ToString());
            var events = new JsonObject { ["bot_events"] = new JsonArray([.. OAuthEvents.Select(e => JsonValue.Create(e))]) };
            if (httpBaseUrl is not null)
            {
                events["request_url"] = new Uri(httpBaseUrl, "slack/events").ToString();
            }

            settings["event_subscriptions"] = events;
        }

        settings["org_deploy_enabled"] = false;
        settings["socket_mode_enabled"] = httpBaseUrl is null;
        // Rotation may be switched on later in the app's settings; the bot refreshes rotating tokens either way.
        settings["token_rotation_enabled"] = false;

        return new JsonObject
        {
            ["_metadata"] = new JsonObject { ["major_version"] = 1, ["minor_version"] = 1 },
            ["display_information"] = new JsonObject
            {
                ["name"] = "MlMentorBot",
                ["description"] = "ML career mentor: roadmap, salaries, skills, resources and your own progress",
                ["background_color"] = "#2c2d30",
            },
            ["features"] = new JsonObject
            {
                ["bot_user"] = new JsonObject { ["display_name"] = "MlMentorBot", ["always_online"] = true },
                ["slash_commands"] = commands,
            },
            ["oauth_config"] = oauthConfig,
            ["settings"] = settings,
        };
    }

    /// <summary>The usage line without the command name, e.g. <c>[stage] [user]</c>; subcommands joined with " | ".</summary>
    internal static string UsageHint(CommandDefinition command)
    {
        var prefix = "/" + command.Name;
        var lines = CommandUsage.Format(command).Split('\n')
            .Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? l[prefix.Length..].Trim() : l.Trim())
            .Where(l => l.Length > 0);
        var hint = string.Join(" | ", lines);
        return hint.Length <= 1000 ? hint : hint[..999] + "…";
    }
}
