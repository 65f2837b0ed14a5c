using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MlMentorBot.Tests.Hosting;

/// <summary>
/// The real host (<c>Program</c>) in memory, on a temporary SQLite file and the real knowledge folder, with the local chat
/// off. Pass extra settings (e.g. <c>Slack:Enabled</c>) and, optionally, service overrides for the seams that would call
/// Discord or Slack.
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly TempDir _temp = new();

    public BotFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["LocalChat:Enabled"] = "false",
            ["Shutdown:DrainDelaySeconds"] = "0", // GracefulShutdownTests sets its own; every other host stops at once
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["Storage:DatabasePath"] = _temp.File("bot.db"),

            // Discord's HTTP mode needs a bot token while the check-in scheduler posts (DiscordPostingValidator); the seams
            // that would call Discord are faked in every test that enables it, so any token does.
            ["Discord:BotToken"] = "test-bot-token",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _services = services;
    }

    /// <summary>The temporary folder holding this host's database.</summary>
    public TempDir Temp => _temp;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _temp.Dispose();
        }
    }
}
