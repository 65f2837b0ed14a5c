using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Discord.Gateway;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Discord.Rest;

namespace MlMentorBot.Discord;

/// <summary>Registers the Discord adapter (issue #4): options, REST client, interaction handling, Gateway, channel messenger.</summary>
public static class DiscordSetup
{
    /// <summary>
    /// Everything is registered whatever <c>Discord:Enabled</c> says, so the options are validated at start; when it is false the
    /// Gateway service returns at once and the HTTP endpoint answers 404, so nothing connects anywhere.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        DiscordRestClient.Register(services);
        services.AddSingleton<CustomIdCodec>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<InteractionEndpoint>();
        // Discord's per-channel limits come from response headers (the REST client waits them out), so no fixed spacing here:
        // the pacer keeps posts to a channel in order, bounds the queue and drains it at shutdown.
        services.AddChannelPacer(DiscordChannelMessenger.PlatformName, _ => TimeSpan.Zero);
        services.AddSingleton<IChannelMessenger, DiscordChannelMessenger>();
        services.AddSingleton(IdentifyGate.Migration); // the identify-lock table, whatever the mode: migrations stay one list
        services.AddSingleton<GuildPresence>();
        services.AddHostedService<DiscordGatewayService>();
        services.AddHostedService<GuildReturnCheck>();
        if (configuration[$"{DiscordOptions.SectionName}:{nameof(DiscordOptions.OperatorGuildId)}"] is { Length: > 0 } home)
        {
            // Manage Server makes operators only there; elsewhere it makes moderators of that guild (issue #12).
            services.AddSingleton(new OperatorHome("discord", home));
        }

        return services;
    }

    /// <summary>Maps <c>POST /discord/interactions</c>, the URL to paste into the portal's "Interactions Endpoint URL" in HTTP mode.</summary>
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        // A singleton, resolved from the root provider on first use: context.RequestServices would create a DI scope per request.
        var services = endpoints.ServiceProvider;
        InteractionEndpoint? endpoint = null;
        endpoints.MapPost("/discord/interactions", context => (endpoint ??= services.GetRequiredService<InteractionEndpoint>()).HandleAsync(context))
            .WithName("DiscordInteractions");
        return endpoints;
    }
}
