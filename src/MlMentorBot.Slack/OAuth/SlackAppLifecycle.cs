using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Communities;

namespace MlMentorBot.Slack.OAuth;

/// <summary>
/// Acts on the events that end an install (the manifest subscribes to them with <c>--oauth</c>) (https://docs.slack.dev/reference/events/app_uninstalled,
/// https://docs.slack.dev/reference/events/tokens_revoked): the community's installation is dropped at once on this replica
/// and deleted from the database right after, so no further call, answer or scheduled post uses its token. Member data is kept
/// (docs/slack.md says what is kept and how a moderator deletes it).
/// </summary>
internal sealed partial class SlackAppLifecycle(
    SlackInstallationStore installations, IHostApplicationLifetime lifetime, ILogger<SlackAppLifecycle> logger, CommunityStore? communities = null)
{
    /// <summary>
    /// Handles one <c>event_callback</c> body; other events are ignored. The installation stops being used before this returns;
    /// the returned task completes when the delete is written (the acknowledgement does not wait for it).
    /// </summary>
    public Task OnEvent(JsonElement body)
    {
        var @event = body.Child("event");
        var type = @event.Text("type");
        var isEnd = type == "app_uninstalled"
            // Only the bot's token matters: the bot keeps no user tokens. {"tokens": {"oauth": ["U…"], "bot": ["U…"]}}
            || (type == "tokens_revoked" && @event.Child("tokens").Child("bot") is { ValueKind: JsonValueKind.Array } bots && bots.GetArrayLength() > 0);
        if (!isEnd)
        {
            return Task.CompletedTask;
        }

        var authorization = body.Child("authorizations") is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 ? list[0] : default;
        var teamId = body.Text("team_id") ?? authorization.Text("team_id");
        var enterpriseId = body.Text("enterprise_id") ?? authorization.Text("enterprise_id");
        if (teamId is null && enterpriseId is null)
        {
            return Task.CompletedTask;
        }

        var key = SlackInstallation.KeyOf(teamId, enterpriseId, authorization.Child("is_enterprise_install").ValueKind == JsonValueKind.True);
        installations.StopUsing(key);
        LogRemoving(type!, key);
        return RemoveAsync(key);
    }

    private async Task RemoveAsync(string key)
    {
        try
        {
            await installations.RemoveAsync(key, lifetime.ApplicationStopping);
            if (communities is not null)
            {
                // Its study groups and gap digest are skipped from now on, not just sent nowhere (issue #12).
                await communities.MarkLeftAsync(CommunityKeys.Of("slack", key), "the Slack app was uninstalled", lifetime.ApplicationStopping);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // This replica already stopped using it; an operator must see that the others may not have (docs/slack.md).
            LogRemoveFailed(key, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {EventType} for {Community}: its installation is removed and its token no longer used")]
    private partial void LogRemoving(string eventType, string community);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not delete the Slack installation of {Community}: {Error}")]
    private partial void LogRemoveFailed(string community, string error);
}
