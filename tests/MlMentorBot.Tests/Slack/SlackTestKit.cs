using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace MlMentorBot.Tests.Slack;

/// <summary>Reads a payload fixture from <c>Fixtures/Slack/</c> (copied to the test output).</summary>
internal static class SlackFixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Slack", name));

    /// <summary>A slash-command form fixture with <c>command</c> and <c>text</c> replaced and form-encoded.</summary>
    public static string SlashCommand(string command, string text, string user = "U2CERLKJA") =>
        Read("slash-command.form")
            .Replace("command=%2Froadmap", "command=" + Uri.EscapeDataString(command), StringComparison.Ordinal)
            .Replace("text=", "text=" + Uri.EscapeDataString(text), StringComparison.Ordinal)
            .Replace("user_id=U2CERLKJA", "user_id=" + user, StringComparison.Ordinal);
}

/// <summary>Signs bodies the way Slack does, independently of the code under test (https://docs.slack.dev/authentication/verifying-requests-from-slack).</summary>
internal static class SlackSigner
{
    public static string Sign(string secret, long timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
}

/// <summary>One request as the fake Slack saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Body);

/// <summary>
/// Plays Slack's HTTP side for the Web API client: answers each request with the next queued response (or a default),
/// and records what was sent. <see cref="WaitForAsync"/> lets a test wait for a background follow-up.
/// </summary>
internal sealed class FakeSlackHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _responses = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answer for requests when the queue is empty; by default <c>{"ok":true}</c> plus fields most methods return.</summary>
    public Func<RecordedRequest, HttpResponseMessage> Default { get; set; } = request => Json(
        request.Uri.AbsolutePath.EndsWith("/views.open", StringComparison.Ordinal)
            ? """{"ok":true,"view":{"id":"V0001"}}"""
            : request.Uri.AbsolutePath.EndsWith("/conversations.open", StringComparison.Ordinal)
                ? """{"ok":true,"channel":{"id":"D0001"}}"""
                : """{"ok":true,"channel":"C1","ts":"1700000000.000100"}""");

    public void Enqueue(Func<HttpResponseMessage> response) => _responses.Enqueue(response);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage RateLimited(int retryAfterSeconds)
    {
        var response = Json("""{"ok":false,"error":"ratelimited"}""", HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));
        return response;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived in total.</summary>
    public async Task<RecordedRequest[]> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (Requests.Count < count)
        {
            await _arrived.WaitAsync(cts.Token);
        }

        return Requests.ToArray();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(), body);
        Requests.Enqueue(recorded);
        _arrived.Release();
        return _responses.TryDequeue(out var next) ? next() : Default(recorded);
    }
}
