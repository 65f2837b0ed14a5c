using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Discord;
using MlMentorBot.Discord.Rest;
using NSec.Cryptography;

namespace MlMentorBot.Tests.Discord;

/// <summary>A fresh Ed25519 key pair per test run, standing in for the application's key in the Developer Portal.</summary>
internal sealed class TestSigningKey
{
    private readonly Key _private = Key.Create(SignatureAlgorithm.Ed25519);

    public TestSigningKey()
    {
        PublicKeyHex = Convert.ToHexStringLower(_private.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public string PublicKeyHex { get; }

    /// <summary>The current time as Discord puts it in <c>X-Signature-Timestamp</c>: Unix seconds.</summary>
    public static string Now(TimeProvider? time = null) =>
        (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Signs UTF8(timestamp) + body the way Discord does; returns the hex for <c>X-Signature-Ed25519</c>.</summary>
    public string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_private, message));
    }
}

/// <summary>Payload bodies as Discord documents them, from Fixtures/Discord.</summary>
internal static class DiscordFixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Discord", name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));
}

/// <summary>Plays Discord's REST API: answers each request with the next scripted response for its path, records everything.</summary>
internal sealed class FakeDiscordApi : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpResponseMessage>>> _scripts = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Queues a response for requests whose path ends with <paramref name="pathSuffix"/>; unscripted requests get 204.</summary>
    public FakeDiscordApi Respond(string pathSuffix, HttpStatusCode status, string? json = null, params (string Name, string Value)[] headers)
    {
        _scripts.GetOrAdd(pathSuffix, _ => new()).Enqueue(() =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        return this;
    }

    /// <summary>Queues a failure for requests whose path ends with <paramref name="pathSuffix"/>: the HttpClient throws <paramref name="error"/>.</summary>
    public FakeDiscordApi Fail(string pathSuffix, Exception error)
    {
        _scripts.GetOrAdd(pathSuffix, _ => new()).Enqueue(() => throw error);
        return this;
    }

    public IReadOnlyList<RecordedRequest> To(string pathSuffix) => Requests.Where(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).ToList();

    public async Task<RecordedRequest> WaitForAsync(string pathSuffix, int count = 1, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var matches = To(pathSuffix);
            if (matches.Count >= count)
            {
                return matches[count - 1];
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"No request #{count} to …{pathSuffix}; saw: {string.Join(", ", Requests.Select(r => r.Method + " " + r.Path))}");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue(new RecordedRequest(request.Method.Method, path, body, request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("User-Agent", out var ua) ? string.Join(" ", ua) : null, DateTime.UtcNow)
        { Query = request.RequestUri.Query });
        var script = _scripts.FirstOrDefault(s => path.EndsWith(s.Key, StringComparison.Ordinal) && !s.Value.IsEmpty);
        return script.Value is { } queue && queue.TryDequeue(out var next) ? next() : new HttpResponseMessage(HttpStatusCode.NoContent);
    }
}

internal sealed record RecordedRequest(string Method, string Path, string? Body, string? Authorization, string? UserAgent, DateTime At)
{
    /// <summary>The query string with its leading <c>?</c>, or empty.</summary>
    public string Query { get; init; } = "";
}

/// <summary>Builds a <see cref="DiscordRestClient"/> over a <see cref="FakeDiscordApi"/>.</summary>
internal static class FakeRest
{
    public static DiscordOptions Options(Action<DiscordOptions>? configure = null)
    {
        var options = new DiscordOptions
        {
            Enabled = true,
            Mode = DiscordMode.Gateway,
            ApplicationId = "1143372838210596935",
            BotToken = "test-bot-token",
            ApiBaseUrl = "https://discord.test/api/v10/",
        };
        configure?.Invoke(options);
        return options;
    }

    public static DiscordRestClient Client(HttpMessageHandler api, DiscordOptions? options = null, TimeProvider? time = null) =>
        new(new SingleClientFactory(api), Microsoft.Extensions.Options.Options.Create(options ?? Options()), time ?? TimeProvider.System,
            NullLogger<DiscordRestClient>.Instance);

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name)
        {
            var client = new HttpClient(handler, disposeHandler: false);
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", DiscordRestClient.UserAgent);
            return client;
        }
    }
}
