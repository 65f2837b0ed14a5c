using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Discord.Rest;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// Hands each <c>INTERACTION_CREATE</c> to the same <see cref="InteractionHandler"/> as HTTP mode, once: events can arrive
/// twice after a resume, so ids are remembered for 15 minutes (an interaction token's lifetime) in a size-bounded
/// <see cref="MemoryCache"/>. The handler runs off the receive loop (a slow handler must not delay heartbeats) and its initial
/// response goes out as <c>POST /interactions/{id}/{token}/callback</c>.
/// https://discord.com/developers/docs/interactions/receiving-and-responding#create-interaction-response
/// </summary>
internal sealed class InteractionRelay(DiscordRestClient rest, InteractionHandler handler, TimeProvider time, ILogger logger) : IDisposable
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(15);
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 10_000, Clock = new TimeProviderClock(time) });
    private readonly Lock _gate = new();

    /// <summary>
    /// Starts answering <paramref name="data"/> (an <c>INTERACTION_CREATE</c>'s <c>d</c>) unless its id was seen before, and
    /// returns at once. The task returned is the handler's (already completed for a repeat), so a caller that must know the
    /// answer went out, as the tests do, can wait for it; the receive loop does not.
    /// </summary>
    public Task Relay(JsonElement data, CancellationToken stoppingToken)
    {
        var receivedAt = time.GetTimestamp();
        var interaction = data.Deserialize(DiscordJson.Default.Interaction);
        if (interaction is null || !IsFirstDelivery(interaction.Id))
        {
            return Task.CompletedTask;
        }

        return Task.Run(() => handler.HandleAsync(interaction, receivedAt, response => CallbackAsync(interaction, response, stoppingToken), stoppingToken), stoppingToken);
    }

    public void Dispose() => _seen.Dispose();

    private bool IsFirstDelivery(ulong id)
    {
        lock (_gate) // check and add as one step: two deliveries of one id may be handled concurrently
        {
            if (_seen.TryGetValue(id, out _))
            {
                return false;
            }

            _seen.Set(id, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Remember, Size = 1 });
            return true;
        }
    }

    private async Task CallbackAsync(Interaction interaction, InteractionResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await rest.SendAsync(DiscordRoute.InteractionCallback(interaction.Id, interaction.Token), response.ToJson(), cancellationToken);
        }
        catch (DiscordApiException ex)
        {
            // 10062: the 3 s passed before Discord had our response; 40060: already acknowledged.
            logger.LogWarning("Interaction {InteractionId} callback failed: {Error}", interaction.Id, ex.Message);
            throw;
        }
    }
}
