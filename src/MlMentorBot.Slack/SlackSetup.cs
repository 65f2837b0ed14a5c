using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Slack.Http;
using MlMentorBot.Slack.Inbound;
using MlMentorBot.Slack.Messaging;
using MlMentorBot.Slack.Signing;
using MlMentorBot.Slack.SocketMode;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack;

/// <summary>
/// Registers the Slack adapter (issue #3). <c>Slack:Enabled=false</c> (the default) registers only the validated options: no
/// HTTP client, no Socket Mode service, no messenger, and <see cref="MapSlackEndpoints"/> maps nothing, so <c>/slack/*</c> is 404.
/// When enabled, <c>Slack:Mode</c> picks Socket Mode (a hosted WebSocket client) or HTTP (the signed <c>/slack/*</c> endpoints).
/// </summary>
public static class SlackSetup
{
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        var options = configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>() ?? new SlackOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(sp => new ChannelPacer(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SlackOptions>>().Value.ChannelMessageInterval));
        services.AddSingleton<ResponseUrlBudget>();
        services.AddSingleton<EventDeduplicator>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackInbound>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelMessenger, SlackChannelMessenger>());

        if (options.Mode == SlackMode.SocketMode)
        {
            services.AddHostedService<SocketModeService>();
        }
        else
        {
            services.AddSingleton(sp => new SlackSignatureVerifier(
                sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret!, sp.GetRequiredService<TimeProvider>()));
        }

        return services;
    }

    /// <summary>Maps <c>POST /slack/commands</c>, <c>/slack/interactivity</c> and <c>/slack/events</c> when the adapter runs in HTTP mode.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (options is { Enabled: true, Mode: SlackMode.Http })
        {
            SlackHttpEndpoints.Map(endpoints);
        }

        return endpoints;
    }
}
