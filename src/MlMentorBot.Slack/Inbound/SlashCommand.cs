using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace MlMentorBot.Slack.Inbound;

/// <summary>
/// The fields of a slash-command invocation the bot uses (https://docs.slack.dev/interactivity/implementing-slash-commands):
/// form-encoded in HTTP mode, a JSON object in a Socket Mode <c>slash_commands</c> envelope. <c>user_name</c> is deprecated and
/// only ever a display hint; identity is <c>team_id</c> + <c>user_id</c>. <c>Text</c> is kept as Slack sent it (entities and
/// escaped mentions included); <see cref="SlackPayloads.SlashCommandInput"/> reads it. <see cref="IsEnterpriseInstall"/> is set when
/// the command comes through an org-wide install on Enterprise Grid (<c>is_enterprise_install=true</c>, with <c>enterprise_id</c>):
/// its community is then the org, not the workspace (https://docs.slack.dev/enterprise/developing-for-enterprise-orgs).
/// </summary>
internal sealed record SlashCommand(
    string TeamId,
    string? EnterpriseId,
    string ChannelId,
    string UserId,
    string? UserName,
    string Command,
    string Text,
    string? ResponseUrl,
    string? TriggerId)
{
    /// <summary>True when an org-wide install (Enterprise Grid) serves the command; <see cref="EnterpriseId"/> is then the community.</summary>
    public bool IsEnterpriseInstall { get; init; }

    /// <summary>The form fields read, in the order <see cref="Create"/> takes them.</summary>
    private static readonly string[] FormFields =
        ["team_id", "enterprise_id", "channel_id", "user_id", "user_name", "command", "text", "response_url", "trigger_id", "is_enterprise_install"];

    /// <summary>
    /// From the <c>application/x-www-form-urlencoded</c> body. Null when a required field (team, user, channel, command) is
    /// missing. Reads the pairs with <see cref="QueryStringEnumerable"/> and decodes only the ten fields above, rather than
    /// building a dictionary of every field (about 5 % of a cached <c>/roadmap</c>'s CPU, issue 10); a field sent twice reads
    /// as its values joined with commas, as <see cref="StringValues.ToString()"/> would.
    /// </summary>
    public static SlashCommand? FromForm(string form)
    {
        var values = new string?[FormFields.Length];
        foreach (var pair in new QueryStringEnumerable(form))
        {
            var index = IndexOf(pair.DecodeName().Span);
            if (index >= 0)
            {
                var value = pair.DecodeValue().ToString();
                values[index] = values[index] is null ? value : values[index] + "," + value;
            }
        }

        string? Get(int index) => values[index] is { Length: > 0 } value ? value : null;
        // is_enterprise_install is the string "true" in the form, not a bool.
        return Create(Get(0), Get(1), Get(2), Get(3), Get(4), Get(5), Get(6), Get(7), Get(8),
            string.Equals(Get(9), "true", StringComparison.OrdinalIgnoreCase));
    }

    private static int IndexOf(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < FormFields.Length; i++)
        {
            if (name.SequenceEqual(FormFields[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static SlashCommand? FromJson(JsonElement payload)
    {
        string? Get(string key) => payload.Text(key) is { Length: > 0 } s ? s : null;
        return Create(Get("team_id"), Get("enterprise_id"), Get("channel_id"), Get("user_id"), Get("user_name"), Get("command"),
            Get("text"), Get("response_url"), Get("trigger_id"), payload.IsTrue("is_enterprise_install"));
    }

    private static SlashCommand? Create(
        string? team, string? enterprise, string? channel, string? user, string? userName, string? command, string? text,
        string? responseUrl, string? triggerId, bool isEnterpriseInstall) =>
        team is null || channel is null || user is null || command is null
            ? null
            : new SlashCommand(team, enterprise, channel, user, userName, command, text ?? "", responseUrl, triggerId)
            {
                IsEnterpriseInstall = isEnterpriseInstall && enterprise is not null,
            };
}
