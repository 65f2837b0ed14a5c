using System.Text.Json;
using System.Text.Json.Nodes;
using MlMentorBot.Core.Commands;

namespace MlMentorBot.Slack.Manifest;

/// <summary>
/// Builds the app manifest (https://docs.slack.dev/app-manifests/configuring-apps-with-app-manifests) from
/// <see cref="CommandCatalog"/>, so the commands Slack shows are exactly the ones the bot parses. Socket Mode by default; with an
/// HTTPS base URL, every command and interactivity point at <c>{base}/slack/commands</c> and <c>{base}/slack/interactivity</c>.
/// Paste the JSON into "Create New App → From a manifest" at https://api.slack.com/apps?new_app=1.
/// </summary>
public static class SlackManifest
{
    /// <summary>Prints the manifest for <c>slack manifest [--http BASE_URL]</c>; returns 0, or 2 with a usage message.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        Uri? baseUrl = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--http" && i + 1 < args.Length
                && Uri.TryCreate(args[i + 1], UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
            {
                baseUrl = url;
                i++;
                continue;
            }

            error.WriteLine("Usage: slack manifest [--http BASE_URL]   (BASE_URL such as https://bot.example.com)");
            return 2;
        }

        output.WriteLine(Build(baseUrl).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    /// <summary>
    /// The manifest as JSON. Limits from Slack's manifest schema: ≤ 50 commands, each 2–32 characters starting with "/",
    /// description ≤ 2000, usage hint ≤ 1000.
    /// </summary>
    public static JsonObject Build(Uri? httpBaseUrl)
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
            ["oauth_config"] = new JsonObject
            {
                // commands: slash commands; chat:write(.public): answers and check-ins; im:write: DMs via conversations.open;
                // users:read: users.info.
                ["scopes"] = new JsonObject { ["bot"] = new JsonArray("commands", "chat:write", "chat:write.public", "im:write", "users:read") },
            },
            ["settings"] = new JsonObject
            {
                ["interactivity"] = interactivity,
                ["org_deploy_enabled"] = false,
                ["socket_mode_enabled"] = httpBaseUrl is null,
                ["token_rotation_enabled"] = false,
            },
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
