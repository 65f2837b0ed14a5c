using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord;
using MlMentorBot.Discord.Rest;
using MlMentorBot.Slack.WebApi;
using MlMentorBot.Tests.Discord;
using MlMentorBot.Tests.Slack;
using Moq;

namespace MlMentorBot.Tests.Hosting;

/// <summary>
/// Issue 13 item 5: with every logger at Trace, a Slack button press (answered through its <c>response_url</c>) and a deferred
/// Discord command (finished by editing <c>@original</c> on the interaction webhook) leave no token, secret, public key,
/// <c>response_url</c> or webhook URL in the log. .NET's default HttpClient logging writes full request URLs, so each adapter's
/// named client must drop it.
/// </summary>
public sealed class SecretsStayOutOfLogsTests
{
    private const string SlackBotToken = "xoxb-placeholder-secretbottoken";
    private const string SlackSigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DiscordBotToken = "MTAwMDAwMDAwMDAwMDAwMDAw.Gsecret.discordbottoken";

    [Fact]
    public async Task A_slack_button_press_and_a_discord_follow_up_at_trace_level_log_no_secret_or_capability_url()
    {
        var key = new TestSigningKey();
        var discordApi = new FakeDiscordApi();
        var slackApi = new FakeSlackHandler();
        var logs = new MemoryLoggerProvider();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<BotReply> AnswerAsync()
        {
            await release.Task; // held until Discord has the deferral, so the answer must go out as a follow-up
            return new BotReply { Title = "Worth the wait", IsPrivate = true };
        }

        var dispatcher = new Mock<ICommandDispatcher>();
        dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).Returns(AnswerAsync);
        dispatcher.Setup(d => d.DispatchTextAsync(It.IsAny<string>(), It.IsAny<MemberKey>(), It.IsAny<Func<CommandRequest, CommandRequest>?>(), It.IsAny<CancellationToken>()))
            .Returns(AnswerAsync);
        using var factory = new BotFactory(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:System.Net.Http"] = "Trace",
                ["Discord:Enabled"] = "true",
                ["Discord:Mode"] = "Http",
                ["Discord:ApplicationId"] = "1143372838210596935",
                ["Discord:PublicKey"] = key.PublicKeyHex,
                ["Discord:BotToken"] = DiscordBotToken,
                ["Discord:ApiBaseUrl"] = "https://discord.test/api/v10/",
                ["Slack:Enabled"] = "true",
                ["Slack:Mode"] = "Http",
                ["Slack:SigningSecret"] = SlackSigningSecret,
                ["Slack:BotToken"] = SlackBotToken,
            },
            services =>
            {
                services.AddSingleton(dispatcher.Object);
                services.AddSingleton<ILoggerProvider>(logs);
                services.Configure<DiscordOptions>(o => o.AckBudget = TimeSpan.FromMilliseconds(50));
                services.AddHttpClient(DiscordRestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => discordApi);
                services.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => slackApi);
            });
        using var client = factory.CreateClient();

        // Discord: deferred (type 5), then the answer edits @original on the interaction webhook.
        var discordBody = DiscordFixtures.Bytes("command_roadmap_guild.json");
        var timestamp = TestSigningKey.Now();
        using var discordRequest = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(discordBody) };
        discordRequest.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        discordRequest.Headers.TryAddWithoutValidation("X-Signature-Ed25519", key.Sign(timestamp, discordBody));
        discordRequest.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        using var discordResponse = await client.SendAsync(discordRequest);
        Assert.Equal(5, (int)JsonNode.Parse(await discordResponse.Content.ReadAsStringAsync())!["type"]!);
        release.SetResult();
        await discordApi.WaitForAsync("/messages/@original");

        // Slack: a button press is acknowledged at once and answered through its response_url.
        var payload = SlackFixtures.Read("block-actions.json").Replace("{{VALUE}}", "/roadmap", StringComparison.Ordinal);
        var responseUrl = (string)JsonNode.Parse(payload)!["response_url"]!;
        var body = "payload=" + Uri.EscapeDataString(payload);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var slackRequest = new HttpRequestMessage(HttpMethod.Post, "/slack/interactivity")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        slackRequest.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        slackRequest.Headers.Add("X-Slack-Signature", SlackSigner.Sign(SlackSigningSecret, ts, body));
        using var slackResponse = await client.SendAsync(slackRequest);
        Assert.Equal(HttpStatusCode.OK, slackResponse.StatusCode);
        var sent = await slackApi.WaitForAsync(1);
        Assert.Contains(sent, r => r.Uri.ToString() == responseUrl);

        var interactionToken = (string)JsonNode.Parse(discordBody)!["token"]!;
        string[] secrets =
        [
            SlackBotToken, SlackSigningSecret, DiscordBotToken, key.PublicKeyHex, interactionToken, responseUrl,
            new Uri(responseUrl).AbsolutePath, "hooks.slack.com", "webhooks/1143372838210596935",
        ];
        var log = logs.Entries.ToArray();
        Assert.Contains(log, e => e.Level == LogLevel.Trace); // Trace really is on, so the check below sees everything
        var leaks = log.SelectMany(e => secrets.Where(s => e.Text.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{s} in [{e.Category}] {e.Text}")).ToList();
        Assert.Empty(leaks);
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Text);

    /// <summary>Keeps every entry, scopes and exceptions included, from every category and level.</summary>
    private sealed class MemoryLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(MemoryLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new StringBuilder(formatter(state, exception)).Append(' ').Append(exception);
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (name, value) in values)
                    {
                        text.Append(' ').Append(name).Append('=').Append(value);
                    }
                }

                owner._scopes?.ForEachScope((scope, builder) => builder.Append(" scope=").Append(scope), text);
                owner.Entries.Enqueue(new LogEntry(category, logLevel, text.ToString()));
            }
        }
    }
}
