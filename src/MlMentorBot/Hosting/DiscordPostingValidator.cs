using Microsoft.Extensions.Options;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Discord;

namespace MlMentorBot.Hosting;

/// <summary>
/// In HTTP mode Discord answers commands with the interaction's own token, so <c>Discord:BotToken</c> looks optional; but every
/// post the bot makes on its own (<c>POST /channels/{id}/messages</c>: study-group check-in prompts, reminders and digests, the
/// moderators' alerts) is authorised with the bot token. Without it those posts would fail weeks later with a 401 in the log, so
/// the host refuses to start while anything would post: the check-in scheduler (<c>CheckIns:IsSchedulerEnabled</c>, on by
/// default) or a Discord <c>Moderation:AlertChannel</c>. Lives in the host because it spans the Discord adapter and Core's settings.
/// </summary>
internal sealed class DiscordPostingValidator(IOptions<CheckInOptions> checkIns, IOptions<ModerationOptions> moderation)
    : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.Enabled || options.Mode != DiscordMode.Http || !string.IsNullOrWhiteSpace(options.BotToken))
        {
            return ValidateOptionsResult.Success;
        }

        var posts = new List<string>();
        if (checkIns.Value.IsSchedulerEnabled)
        {
            posts.Add("study-group check-in prompts, reminders and digests (CheckIns:IsSchedulerEnabled is true)");
        }

        if (string.Equals(moderation.Value.AlertChannel?.Platform, "discord", StringComparison.OrdinalIgnoreCase))
        {
            posts.Add("moderators' alerts (Moderation:AlertChannel:Platform is discord)");
        }

        return posts.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Discord:BotToken is missing; Http mode needs it too, to post {string.Join(" and ", posts)} (Developer Portal → Bot → Reset Token). " +
                "To only answer commands, set CheckIns:IsSchedulerEnabled=false and point Moderation:AlertChannel elsewhere.");
    }
}
