using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MlMentorBot.Discord;

/// <summary>Registers the Discord adapter (issue #4 fills this in).</summary>
public static class DiscordSetup
{
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints) => endpoints;
}
