using System.Globalization;
using System.Text.RegularExpressions;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Communities;

/// <summary>
/// <c>/community settings [set KEY VALUE]</c>, <c>/community moderators [list|add|remove] [@member]</c> and
/// <c>/community delete-data [confirm:yes]</c> (asks first, as <c>/progress delete</c> does) for the moderators of
/// the community the command came from (the dispatcher refuses everyone else, with <see cref="CommunityPermissions"/>). Every
/// change goes to <see cref="CommunityStore"/> with who made it and when; every reply is private.
/// </summary>
internal sealed partial class CommunityHandler(CommunityStore store, CommandUsageRecorder usage) : ICommandHandler
{
    public string CommandName => "community";

    public Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Subcommand switch
    {
        "moderators" => ModeratorsAsync(request, cancellationToken),
        "delete-data" => DeleteDataAsync(request, cancellationToken),
        _ => request.Option("action") == "set" ? SetAsync(request, cancellationToken) : ShowAsync(request, cancellationToken),
    };

    private async Task<BotReply> ShowAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var community = CommunityKeys.Of(request.Member);
        var settings = await store.SettingsAsync(community, cancellationToken);
        var history = await store.HistoryAsync(community, 5, cancellationToken);
        string Value(string key, string unset) => settings.TryGetValue(key, out var v) ? $"`{v}`" : unset;
        var fields = new List<ReplyField>
        {
            new(CommunityStore.DigestChannel, Value(CommunityStore.DigestChannel, "not set: the weekly gap digest goes to the operators' alert channel only in the operators' own community")),
            new(CommunityStore.DefaultTimeZone, Value(CommunityStore.DefaultTimeZone, "not set: new groups use the deployment's default")),
        };
        if (request.Member.Platform == "discord")
        {
            fields.Add(new(CommunityStore.ModeratorRole, Value(CommunityStore.ModeratorRole, "not set: Manage Server / Administrator and the listed moderators")));
        }

        return new BotReply
        {
            Title = "Community settings",
            Fields = fields,
            Sections =
            [
                new ReplySection("Recent changes", history.Count == 0
                    ? "None recorded yet."
                    : string.Join("\n", history.Select(h => $"- {Time(h.At)} · `{h.Actor}` · {h.Action} {UserText.Escape(h.Detail)}"))),
            ],
            IsPrivate = true,
            Actions = [new SuggestedAction("Moderators", "/community moderators")],
        };
    }

    private async Task<BotReply> SetAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var key = request.Option("key");
        var raw = request.Option("value")?.Trim();
        if (key is null || raw is null)
        {
            return BotReply.Problem("Which setting?",
                $"Type `/community settings set KEY VALUE` with KEY one of `{CommunityStore.DigestChannel}`, `{CommunityStore.DefaultTimeZone}`" +
                (request.Member.Platform == "discord" ? $", `{CommunityStore.ModeratorRole}`" : "") + "; `none` as the value clears it.");
        }

        string? value;
        if (raw.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            value = null;
        }
        else
        {
            var (parsed, problem) = key switch
            {
                CommunityStore.DigestChannel => Channel(request, raw),
                CommunityStore.DefaultTimeZone => CheckInCalendar.TryFindZone(raw, out var zone)
                    ? (zone!.Id, null)
                    : ((string?)null, $"`{raw}` is not an IANA time zone id known here; use one like `Europe/Berlin`, `America/New_York` or `UTC`."),
                CommunityStore.ModeratorRole => request.Member.Platform != "discord"
                    ? (null, "A moderator role exists on Discord only; on Slack add moderators with `/community moderators add @member`.")
                    : RoleMention().Match(raw) is { Success: true } role ? (role.Groups[1].Value, null)
                    : (null, "Mention the role (`@Mods`) or paste its id (Server Settings → Roles → right-click → Copy Role ID)."),
                _ => (null, $"There is no setting `{key}`."),
            };
            if (problem is not null)
            {
                return BotReply.Problem("Not changed", problem);
            }

            value = parsed;
        }

        await store.SetSettingAsync(CommunityKeys.Of(request.Member), key, value, request.Member.ToString(), cancellationToken);
        return new BotReply
        {
            Title = "Setting saved",
            Sections = [new ReplySection(null, value is null ? $"`{key}` is cleared." : $"`{key}` is now `{value}`.")],
            IsPrivate = true,
            Tone = ReplyTone.Success,
            Actions = [new SuggestedAction("Settings", "/community settings")],
        };
    }

    private async Task<BotReply> ModeratorsAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var community = CommunityKeys.Of(request.Member);
        var action = request.Option("action") ?? "list";
        if (action != "list")
        {
            if (request.Option("member") is not { } userId)
            {
                return BotReply.Problem("Which member?", $"Mention them: `/community moderators {action} @member`.");
            }

            var changed = action == "add"
                ? await store.AddModeratorAsync(community, userId, request.Member.ToString(), cancellationToken)
                : await store.RemoveModeratorAsync(community, userId, request.Member.ToString(), cancellationToken);
            var text = (action, changed) switch
            {
                ("add", true) => $"`{userId}` is now a moderator here.",
                ("add", false) => $"`{userId}` already was a moderator here.",
                (_, true) => $"`{userId}` is no longer a listed moderator here" +
                    (request.Member.Platform == "discord" ? " (Manage Server, Administrator or the moderator role still count)." : "."),
                _ => $"`{userId}` was not a listed moderator here.",
            };
            return new BotReply { Title = "Moderators", Sections = [new ReplySection(null, text)], IsPrivate = true, Tone = changed ? ReplyTone.Success : ReplyTone.Info };
        }

        var listed = await store.ModeratorsAsync(community, cancellationToken);
        var granted = request.Member.Platform switch
        {
            "discord" => "Members with Manage Server or Administrator here, and the moderator role if one is set, are moderators too.",
            "slack" => "The bot's operators (`Slack:AdminUserIds`) are moderators too.",
            _ => "The local chat's `--moderator` is a moderator too.",
        };
        return new BotReply
        {
            Title = "Community moderators",
            Sections =
            [
                new ReplySection(null, listed.Count == 0
                    ? "Nobody is listed."
                    : string.Join("\n", listed.Select(m => $"- `{m.UserId}` (added {Time(m.AddedAt)} by `{m.AddedBy}`)"))),
                new ReplySection(null, granted),
            ],
            IsPrivate = true,
        };
    }

    private async Task<BotReply> DeleteDataAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        const string MembersOwn = "Members' own roadmap progress stays theirs: each member deletes it, with everything else stored about them, by running `/progress delete`.";
        var place = request.Member.Platform == "discord" ? "server" : "workspace";
        if (!string.Equals(request.Option("confirm"), "yes", StringComparison.OrdinalIgnoreCase))
        {
            return new BotReply
            {
                Title = $"Delete this {place}'s data?",
                Sections =
                [
                    new ReplySection(null,
                        $"This deletes this {place}'s study groups with all their check-ins, its unanswered questions, usage counts and the votes on answers cast here, " +
                        "its settings, its listed moderators and its change history. It cannot be undone.\n" +
                        "To confirm, press the button or type `/community delete-data confirm:yes`."),
                    new ReplySection(null, MembersOwn),
                ],
                IsPrivate = true,
                Tone = ReplyTone.Warning,
                Actions = [new SuggestedAction($"Yes, delete this {place}'s data", "/community delete-data confirm:yes", ActionStyle.Danger)],
            };
        }

        var community = CommunityKeys.Of(request.Member);
        usage.Forget(community); // counts still in memory on this replica would be written after the delete
        var deleted = await store.DeleteDataAsync(community, request.Member.ToString(), cancellationToken);
        return new BotReply
        {
            Title = $"This {place}'s data is deleted",
            Sections =
            [
                new ReplySection(null, deleted.IsEmpty
                    ? "There was nothing stored for it."
                    : $"Removed {Count(deleted.Groups, "study group")} ({Count(deleted.CheckIns, "check-in")}), {Count(deleted.Gaps, "unanswered question")}, " +
                      $"{Count(deleted.UsageCounts, "usage count")}, {Count(deleted.Votes, "vote")}, {Count(deleted.Settings, "setting")} and {Count(deleted.Moderators, "listed moderator")}. " +
                      "The change history keeps one line: who deleted it, and when."),
                new ReplySection(null, MembersOwn),
            ],
            IsPrivate = true,
            Tone = ReplyTone.Success,
        };
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    /// <summary><c>here</c>, a channel mention (Slack <c>&lt;#C123|name&gt;</c>, Discord <c>&lt;#123&gt;</c>) or a channel id.</summary>
    private static (string? Channel, string? Problem) Channel(CommandRequest request, string raw)
    {
        if (raw.Equals("here", StringComparison.OrdinalIgnoreCase))
        {
            return request.ChannelId is { Length: > 0 } here ? (here, null) : (null, "Run it in the channel you mean, or give the channel.");
        }

        var id = ChannelMention().Match(raw) is { Success: true } mention ? mention.Groups[1].Value : raw;
        var isValid = request.Member.Platform switch
        {
            "discord" => ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            "slack" => SlackChannelId().IsMatch(id),
            _ => id.Length > 0 && !id.Contains(' ', StringComparison.Ordinal),
        };
        return isValid ? (id, null) : (null, $"`{raw}` is not a channel I can post to: pick the channel from the list (`#…`), give its id, or type `here` in it.");
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$")]
    private static partial Regex ChannelMention();

    [GeneratedRegex(@"^[CGD][A-Z0-9]{2,}$")]
    private static partial Regex SlackChannelId();

    [GeneratedRegex(@"^(?:<@&)?([0-9]{1,20})>?$")]
    private static partial Regex RoleMention();
}
