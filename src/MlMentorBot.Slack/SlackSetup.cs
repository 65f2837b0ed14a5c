using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MlMentorBot.Slack;

/// <summary>Registers the Slack adapter (issue #3 fills this in).</summary>
public static class SlackSetup
{
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
