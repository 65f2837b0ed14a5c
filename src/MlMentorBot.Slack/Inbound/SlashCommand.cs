using System.Text.Json;
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

    /// <summary>Null when a required field (team, user, channel, command) is missing.</summary>
    public static SlashCommand? FromForm(IReadOnlyDictionary<string, StringValues> form)
    {
        string? Get(string key) => form.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        // A string in the form, not a bool.
        return Create(Get("team_id"), Get("enterprise_id"), Get("channel_id"), Get("user_id"), Get("user_name"), Get("command"),
            Get("text"), Get("response_url"), Get("trigger_id"), string.Equals(Get("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase));
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
