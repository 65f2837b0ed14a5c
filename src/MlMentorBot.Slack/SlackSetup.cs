using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Storage;
using MlMentorBot.Slack.Http;
using MlMentorBot.Slack.Inbound;
using MlMentorBot.Slack.Messaging;
using MlMentorBot.Slack.OAuth;
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
    /// <summary>
    /// Registers the adapter as described above, reading <c>Slack:Enabled</c> and <c>Slack:Mode</c> from
    /// <paramref name="configuration"/>. A missing token or secret is not thrown here: start-up validation names it and exits 1.
    /// </summary>
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
        services.AddHttpClient(SlackApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10))
            // .NET's default HttpClient logging writes every request's full URL, and a response_url is a bearer capability
            // (issue 13 item 5); SlackApiClient logs the method name instead.
            .RemoveAllLoggers();
        services.AddChannelPacer(SlackInbound.Platform, sp => sp.GetRequiredService<IOptions<SlackOptions>>().Value.ChannelMessageInterval);
        services.AddSingleton<ResponseUrlBudget>();
        services.AddSingleton(EventDeduplicator.Migration);
        services.AddSingleton<EventDeduplicator>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SlackApiClient>(sp, sp.GetRequiredKeyedService<ChannelPacer>(SlackInbound.Platform)));
        if (!string.IsNullOrWhiteSpace(section[nameof(SlackOptions.ClientId)]) && !string.IsNullOrWhiteSpace(section[nameof(SlackOptions.ClientSecret)]))
        {
            AddOAuthInstalls(services);
        }
        else
        {
            services.AddSingleton(sp => new SlackTokenResolver(sp.GetRequiredService<IOptions<SlackOptions>>()));
        }

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

    /// <summary>
    /// Maps <c>POST /slack/commands</c>, <c>/slack/interactivity</c> and <c>/slack/events</c> when the adapter runs in HTTP mode,
    /// and <c>GET /slack/install</c> and <c>/slack/oauth_redirect</c> when workspaces install through OAuth (either mode).
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (options is { Enabled: true, Mode: SlackMode.Http })
        {
            SlackHttpEndpoints.Map(endpoints);
        }

        if (options is { Enabled: true, IsOAuthEnabled: true })
        {
            SlackOAuthEndpoints.Map(endpoints);
        }

        return endpoints;
    }

    /// <summary>
    /// OAuth installs (issue #12): the installation store and its tables, Data Protection with its key ring in the database
    /// (so every replica decrypts every token), the state, the <c>oauth.v2.access</c> client, per-workspace token resolution,
    /// and the uninstall events.
    /// </summary>
    private static void AddOAuthInstalls(IServiceCollection services)
    {
        services.AddSingleton(SlackInstallationStore.Migration);
        services.AddSingleton(DatabaseXmlRepository.Migration);
        services.AddSingleton(SlackOAuthState.Migration);
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddDataProtection().SetApplicationName("MlMentorBot");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((keys, repository) => keys.XmlRepository = repository);
        services.AddSingleton<SlackInstallationStore>();
        services.AddSingleton<SlackOAuthState>();
        services.AddSingleton<SlackOAuthClient>();
        services.AddSingleton<SlackAppLifecycle>();
        // Many workspaces: none is the operators' implicit home (Slack:AdminUserIds names the operators), so a workspace's
        // gap digest goes to its own channel, never to the operators' alert channel (issue #12).
        services.AddSingleton(new OperatorHome("slack", null));
        services.AddSingleton(sp => new SlackTokenResolver(
            sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<SlackInstallationStore>(),
            sp.GetRequiredService<SlackOAuthClient>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlackTokenResolver>>()));
    }
}
