using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Messaging;

namespace MlMentorBot.LocalChat;

/// <summary>Configuration section <c>LocalChat</c>.</summary>
public sealed class LocalChatOptions
{
    /// <summary>
    /// Run the console chat. Unset means "when neither Discord nor Slack is enabled", which makes a bare
    /// <c>dotnet run</c> a working bot on a fresh clone.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The member name the chat speaks as (its user id). Default: the OS user name.</summary>
    public string User { get; set; } = Environment.UserName is { Length: > 0 } name ? name : "me";

    /// <summary>Lets this chat run moderator commands (<c>--moderator</c>). Default false.</summary>
    public bool IsModerator { get; set; }

    /// <summary>
    /// Start the chat's clock at this instant (ISO 8601, e.g. <c>2026-11-23T07:55Z</c>; <c>--now</c>) instead of the real time,
    /// to try study-group check-ins; <c>/clock advance 2d</c> then moves it. Unset: real time.
    /// </summary>
    public DateTimeOffset? Now { get; set; }
}

/// <summary>Registration and command-line shorthands for the local chat adapter.</summary>
public static class LocalChatSetup
{
    /// <summary>
    /// Turns <c>chat [--user NAME] [--db PATH] [--knowledge DIR] [--moderator] [--now INSTANT]</c> into configuration switches
    /// (<c>--LocalChat:Enabled=true</c>, …). Paths are made absolute against the current directory. Other arguments pass through.
    /// </summary>
    public static string[] RewriteChatArguments(string[] args)
    {
        if (args.Length == 0 || args[0] != "chat")
        {
            return args;
        }

        var result = new List<string> { "--LocalChat:Enabled=true" };
        for (var i = 1; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--user" when Next() is { } user:
                    result.Add($"--LocalChat:User={user}");
                    break;
                case "--db" when Next() is { } db:
                    result.Add($"--Storage:DatabasePath={Path.GetFullPath(db)}");
                    break;
                case "--knowledge" when Next() is { } dir:
                    result.Add($"--Knowledge:Path={Path.GetFullPath(dir)}");
                    break;
                case "--now" when Next() is { } now:
                    result.Add($"--LocalChat:Now={now}");
                    break;
                case "--moderator":
                    result.Add("--LocalChat:IsModerator=true");
                    break;
                default:
                    result.Add(args[i]);
                    break;
            }
        }

        return [.. result];
    }

    /// <summary>True when <c>LocalChat:Enabled</c> is true, or unset while no platform adapter is enabled.</summary>
    public static bool IsChatMode(IConfiguration configuration) =>
        configuration.GetValue<bool?>("LocalChat:Enabled")
        ?? !(configuration.GetValue<bool>("Discord:Enabled") || configuration.GetValue<bool>("Slack:Enabled"));

    /// <summary>
    /// Registers the chat, its console, clock and messenger. The chat service runs only in chat mode (<see cref="IsChatMode"/>),
    /// and only then does <see cref="LocalClock"/> replace the host's <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddLocalChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalChatOptions>().Bind(configuration.GetSection("LocalChat"));
        services.AddSingleton(sp => new LocalClock(sp.GetRequiredService<IOptions<LocalChatOptions>>().Value.Now));
        if (IsChatMode(configuration))
        {
            // The chat's clock is the host's clock, so check-in schedules follow /clock.
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<LocalClock>()));
        }

        services.AddSingleton<LocalChatCommands>();
        services.AddSingleton<LocalConsole>();
        services.AddSingleton<IChannelMessenger, LocalChannelMessenger>();
        services.AddHostedService<LocalChatService>();
        return services;
    }
}

/// <summary>The console the chat reads and writes; replaceable in tests.</summary>
public class LocalConsole
{
    /// <summary>Where input lines come from; standard input by default.</summary>
    public virtual TextReader In => Console.In;

    /// <summary>Where replies and posts are written; standard output by default.</summary>
    public virtual TextWriter Out => Console.Out;

    /// <summary>False when input is piped or redirected: the chat then prints no banner or prompt and echoes each line it reads.</summary>
    public virtual bool IsInteractive => !Console.IsInputRedirected;
}
