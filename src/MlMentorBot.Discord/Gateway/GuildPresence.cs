using System.Text.Json;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Communities;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// Follows the guilds the bot is in through the Gateway (issue #12): <c>GUILD_DELETE</c> without <c>unavailable: true</c>
/// means the bot left or was removed (https://discord.com/developers/docs/events/gateway-events#guild-delete), so the guild is
/// marked left and its study groups' scheduled posts stop; a later <c>GUILD_CREATE</c> (re-invited) resumes them. An outage
/// (<c>unavailable: true</c>) changes nothing. One log line per change; failures are logged, never thrown into the receive loop.
/// </summary>
internal sealed partial class GuildPresence(CommunityStore communities, ILogger<GuildPresence> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HashSet<string>? _left;

    /// <summary>Handles <c>GUILD_DELETE</c>'s <c>d</c> (an unavailable guild object: <c>{"id": "…", "unavailable": true?}</c>).</summary>
    public async Task OnGuildDeleteAsync(JsonElement data, CancellationToken cancellationToken)
    {
        if (Id(data) is not { } id || (data.TryGetProperty("unavailable", out var unavailable) && unavailable.ValueKind == JsonValueKind.True))
        {
            return;
        }

        await RunAsync(async left =>
        {
            var community = CommunityKeys.Of("discord", id);
            if (await communities.MarkLeftAsync(community, "the bot left or was removed from the guild (GUILD_DELETE)", cancellationToken))
            {
                LogLeft(id);
            }

            left.Add(community);
        }, cancellationToken);
    }

    /// <summary>Handles <c>GUILD_CREATE</c>: sent for every guild at connect, so only a guild marked left costs a write.</summary>
    public async Task OnGuildCreateAsync(JsonElement data, CancellationToken cancellationToken)
    {
        if (Id(data) is not { } id)
        {
            return;
        }

        await RunAsync(async left =>
        {
            var community = CommunityKeys.Of("discord", id);
            if (left.Remove(community) && await communities.MarkReturnedAsync(community, cancellationToken))
            {
                LogReturned(id);
            }
        }, cancellationToken);
    }

    private async Task RunAsync(Func<HashSet<string>, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                _left ??= [.. await communities.LeftAsync(cancellationToken)];
                await work(_left);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex.Message);
        }
    }

    private static string? Id(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: the bot left or was removed from guild {GuildId}; its study groups' scheduled posts stop")]
    private partial void LogLeft(string guildId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: the bot is back in guild {GuildId}; its study groups' scheduled posts resume")]
    private partial void LogReturned(string guildId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: could not record a guild joining or leaving: {Error}")]
    private partial void LogFailed(string error);
}
