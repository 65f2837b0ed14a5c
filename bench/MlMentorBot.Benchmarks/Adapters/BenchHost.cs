using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlMentorBot.Core;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Discord;
using MlMentorBot.Slack;
using NSec.Cryptography;

namespace MlMentorBot.Benchmarks.Adapters;

/// <summary>
/// The services the web host composes (core, moderation, Discord in HTTP mode, Slack in HTTP mode) on a throw-away SQLite
/// file, without Kestrel: what a request pays between the socket and the response body. Moderation is included because it
/// swaps in <see cref="UsageStats"/>, which runs on every command.
/// </summary>
internal sealed class BenchHost : IDisposable
{
    public const string SlackSecret = "bench-signing-secret";

    private readonly string _folder = BenchFiles.NewTempFolder();

    public BenchHost()
    {
        DiscordKey = Key.Create(SignatureAlgorithm.Ed25519);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = BenchFiles.InRepository("knowledge"),
            ["Storage:DatabasePath"] = Path.Combine(_folder, "bench.db"),
            ["Discord:Enabled"] = "true",
            ["Discord:Mode"] = "Http",
            ["Discord:ApplicationId"] = "1143372838210596935",
            ["Discord:PublicKey"] = DiscordPublicKeyHex,
            ["Slack:Enabled"] = "true",
            ["Slack:Mode"] = "Http",
            ["Slack:SigningSecret"] = SlackSecret,
            ["Slack:BotToken"] = "xoxb-bench",
        }).Build();
        Provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostApplicationLifetime, NeverStopping>()
            .AddSingleton(new ContentRoot(_folder))
            .AddKnowledge(configuration)
            .AddProgressStore(configuration)
            .AddCommands()
            .AddModeration(configuration)
            .AddDiscordAdapter(configuration)
            .AddSlackAdapter(configuration)
            .BuildServiceProvider();
    }

    public ServiceProvider Provider { get; }

    public Key DiscordKey { get; }

    public string DiscordPublicKeyHex => Convert.ToHexString(DiscordKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Hex Ed25519 signature of <c>timestamp + body</c>, as Discord sends in <c>X-Signature-Ed25519</c>.</summary>
    public string SignDiscord(string timestamp, byte[] body)
    {
        var message = System.Text.Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(DiscordKey, message));
    }

    public void Dispose() => BenchFiles.Release(Provider, _folder);

    private sealed class NeverStopping : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
