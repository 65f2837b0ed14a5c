using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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

        // Only the two switches are read here; everything else is bound and validated at start (ValidateOnStart), where a bad
        // value stops the host with a message naming it.
        var section = configuration.GetSection(SlackOptions.SectionName);
        if (!bool.TryParse(section[nameof(SlackOptions.Enabled)], out var isEnabled) || !isEnabled)
        {
            return services;
        }

        var mode = Enum.TryParse<SlackMode>(section[nameof(SlackOptions.Mode)], ignoreCase: true, out var configured) ? configured : SlackMode.SocketMode;

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(sp =>
        {
            var pacer = new ChannelPacer(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SlackOptions>>().Value.ChannelMessageInterval);
            sp.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(pacer.Drain);
            return pacer;
        });
        services.AddSingleton<ResponseUrlBudget>();
        services.AddSingleton(EventDeduplicator.Migration);
        services.AddSingleton<EventDeduplicator>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackInbound>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelMessenger, SlackChannelMessenger>());

        if (mode == SlackMode.SocketMode)
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
