using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Communities;

namespace MlMentorBot.Discord.Rest;

/// <summary>
/// HTTP mode's stand-in for the Gateway's <c>GUILD_CREATE</c> (issue #12): without a Gateway nothing tells the bot that it was
/// invited back to a guild it had left, so every <see cref="DiscordOptions.GuildCheckInterval"/> (and once at start) it lists
/// the guilds it is in with <c>GET /users/@me/guilds</c> (pages of 200, by <c>after</c>;
/// https://discord.com/developers/docs/resources/user#get-current-user-guilds) and resumes each guild marked left that is there
/// again. It calls Discord only while some guild is marked left. Failures are logged and retried at the next tick; every replica
/// may run it, and marking a guild returned twice is a no-op.
/// </summary>
internal sealed partial class GuildReturnCheck(
    IOptions<DiscordOptions> options, DiscordRestClient rest, CommunityStore communities, TimeProvider time, ILogger<GuildReturnCheck> logger)
    : BackgroundService
{
    /// <summary>Discord's largest page for <c>GET /users/@me/guilds</c>.</summary>
    public const int PageSize = 200;

    private const string Platform = "discord";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Mode != DiscordMode.Http || string.IsNullOrWhiteSpace(settings.BotToken))
        {
            return; // the Gateway reports guilds itself; without a bot token nothing is posted, so nothing waits to resume
        }

        using var timer = new PeriodicTimer(settings.GuildCheckInterval, time);
        try
        {
            do
            {
                await CheckOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One check: returns how many guilds marked left were found again and resumed (0 when none was left or Discord failed).</summary>
    public async Task<int> CheckOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var left = (await communities.LeftAsync(cancellationToken)).Where(c => CommunityKeys.PlatformOf(c) == Platform).ToHashSet(StringComparer.Ordinal);
            var resumed = 0;
            string? after = null;
            while (left.Count > 0)
            {
                var page = await rest.SendAsync(DiscordRoute.CurrentUserGuilds(after, PageSize), null, cancellationToken);
                var ids = page is { ValueKind: JsonValueKind.Array } guilds
                    ? guilds.EnumerateArray().Select(g => g.TryGetProperty("id", out var id) ? id.GetString() : null).OfType<string>().ToList()
                    : [];
                foreach (var id in ids)
                {
                    var community = CommunityKeys.Of(Platform, id);
                    if (left.Remove(community) && await communities.MarkReturnedAsync(community, cancellationToken))
                    {
                        LogReturned(id);
                        resumed++;
                    }
                }

                if (ids.Count < PageSize)
                {
                    break;
                }

                after = ids.MaxBy(id => ulong.Parse(id, CultureInfo.InvariantCulture));
            }

            return resumed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex.Message);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: the bot is back in guild {GuildId} (listed by GET /users/@me/guilds); its study groups' scheduled posts resume")]
    private partial void LogReturned(string guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: could not list the bot's guilds to resume the ones it was invited back to; trying again at the next check: {Error}")]
    private partial void LogFailed(string error);
}
