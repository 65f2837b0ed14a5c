namespace MlMentorBot.Discord.Rest;

/// <summary>
/// One REST call's route. <see cref="Template"/> (for example <c>channels/{channel_id}/messages</c>) is what logs and errors
/// show, because <see cref="Path"/> may hold an interaction token. <see cref="MajorParameter"/> is the top-level resource that
/// rate limits are scoped by (channel, guild, or webhook id + token). Interaction routes send no bot token and are exempt
/// from the global limit. https://discord.com/developers/docs/topics/rate-limits
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool IsInteraction)
{
    /// <summary>True for edits of an interaction's messages right after a defer, where Discord briefly answers 404 (discord-api-docs #7220).</summary>
    public bool RetriesNotFound { get; init; }

    public string Key => $"{Method.Method} {Template} {MajorParameter}";

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "gateway/bot", "gateway/bot", "", false);

    public static DiscordRoute CreateMessage(ulong channelId) =>
        new(HttpMethod.Post, "channels/{channel_id}/messages", $"channels/{channelId}/messages", channelId.ToString(), false);

    public static DiscordRoute EditMessage(ulong channelId, ulong messageId) =>
        new(HttpMethod.Patch, "channels/{channel_id}/messages/{message_id}", $"channels/{channelId}/messages/{messageId}", channelId.ToString(), false);

    /// <summary>https://discord.com/developers/docs/interactions/receiving-and-responding#create-interaction-response</summary>
    public static DiscordRoute InteractionCallback(ulong interactionId, string token) =>
        new(HttpMethod.Post, "interactions/{interaction_id}/{token}/callback", $"interactions/{interactionId}/{token}/callback", $"{interactionId}/{token}", true);

    /// <summary>https://discord.com/developers/docs/interactions/receiving-and-responding#edit-original-interaction-response</summary>
    public static DiscordRoute EditOriginal(ulong applicationId, string token) =>
        new(HttpMethod.Patch, "webhooks/{application_id}/{token}/messages/@original", $"webhooks/{applicationId}/{token}/messages/@original", $"{applicationId}/{token}", true)
        {
            RetriesNotFound = true,
        };

    public static DiscordRoute DeleteOriginal(ulong applicationId, string token) =>
        new(HttpMethod.Delete, "webhooks/{application_id}/{token}/messages/@original", $"webhooks/{applicationId}/{token}/messages/@original", $"{applicationId}/{token}", true)
        {
            RetriesNotFound = true,
        };

    /// <summary>https://discord.com/developers/docs/interactions/receiving-and-responding#create-followup-message</summary>
    public static DiscordRoute CreateFollowup(ulong applicationId, string token) =>
        new(HttpMethod.Post, "webhooks/{application_id}/{token}", $"webhooks/{applicationId}/{token}", $"{applicationId}/{token}", true);

    /// <summary>
    /// https://discord.com/developers/docs/resources/user#get-current-user-guilds: the guilds the bot is in, <paramref name="limit"/>
    /// (1–200) at a time, after the guild id <paramref name="after"/> (null: from the first).
    /// </summary>
    public static DiscordRoute CurrentUserGuilds(string? after, int limit) =>
        new(HttpMethod.Get, "users/@me/guilds", after is null ? $"users/@me/guilds?limit={limit}" : $"users/@me/guilds?limit={limit}&after={after}", "", false);

    /// <summary>https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands</summary>
    public static DiscordRoute OverwriteCommands(ulong applicationId, ulong? guildId) => guildId is { } guild
        ? new(HttpMethod.Put, "applications/{application_id}/guilds/{guild_id}/commands", $"applications/{applicationId}/guilds/{guild}/commands", guild.ToString(), false)
        : new(HttpMethod.Put, "applications/{application_id}/commands", $"applications/{applicationId}/commands", applicationId.ToString(), false);
}
