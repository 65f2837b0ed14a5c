using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Slack.BlockKit;

namespace MlMentorBot.Slack.WebApi;

/// <summary>
/// Calls Slack's Web API (https://docs.slack.dev/apis/web-api/): <c>POST https://slack.com/api/{method}</c> with a Bearer
/// token and a JSON (or form) body. <c>ok:false</c> becomes a <see cref="SlackApiException"/> carrying Slack's error code.
/// HTTP 429 honours <c>Retry-After</c> and 5xx/network failures back off, both at most <see cref="SlackOptions.MaxRetries"/> times
/// (SlackNet retries 429 forever). Messages to one channel are paced by <see cref="ChannelPacer"/>. Tokens never reach a log.
/// </summary>
internal sealed partial class SlackApiClient
{
    /// <summary>The named <see cref="HttpClient"/> every Slack call goes through; tests swap its primary handler.</summary>
    public const string HttpClientName = "slack";

    private readonly IHttpClientFactory _httpFactory;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly ChannelPacer _pacer;
    private readonly ResponseUrlBudget _responseUrls;
    private readonly ILogger<SlackApiClient> _logger;

    public SlackApiClient(
        IHttpClientFactory httpFactory,
        IOptions<SlackOptions> options,
        TimeProvider time,
        ChannelPacer pacer,
        ResponseUrlBudget responseUrls,
        ILogger<SlackApiClient> logger)
    {
        _httpFactory = httpFactory;
        _options = options.Value;
        _time = time;
        _pacer = pacer;
        _responseUrls = responseUrls;
        _logger = logger;
    }

    /// <summary>chat.postMessage; returns the new message's <c>ts</c>. <paramref name="threadTs"/> replies in a thread.</summary>
    public Task<string> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken) =>
        _pacer.RunAsync(channel, async ct =>
        {
            using var result = await CallBotAsync("chat.postMessage",
                new ChatPostMessageRequest(channel, message.Text, message.Blocks, threadTs), SlackJsonContext.Wire.ChatPostMessageRequest, ct);
            return result.RootElement.GetProperty("ts").GetString()!;
        }, cancellationToken);

    /// <summary>
    /// chat.postEphemeral: visible only to <paramref name="user"/>, who must be in <paramref name="channel"/>. Not paced: it is a
    /// member's own answer, not a channel post, and the method has its own Tier 4 limit (100+/min).
    /// </summary>
    public async Task PostEphemeralAsync(string channel, string user, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        using var _ = await CallBotAsync("chat.postEphemeral",
            new ChatPostEphemeralRequest(channel, user, message.Text, message.Blocks, threadTs), SlackJsonContext.Wire.ChatPostEphemeralRequest, cancellationToken);
    }

    /// <summary>chat.update of a message the bot posted (ephemeral messages cannot be updated).</summary>
    public async Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        using var _ = await CallBotAsync("chat.update",
            new ChatUpdateRequest(channel, ts, message.Text, message.Blocks), SlackJsonContext.Wire.ChatUpdateRequest, cancellationToken);
    }

    /// <summary>views.open; the trigger id must be under 3 s old (<c>expired_trigger_id</c> otherwise). Returns the view id.</summary>
    public async Task<string> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken)
    {
        using var result = await CallBotAsync("views.open", new ViewsOpenRequest(triggerId, view), SlackJsonContext.Wire.ViewsOpenRequest, cancellationToken);
        return result.RootElement.GetProperty("view").GetProperty("id").GetString()!;
    }

    /// <summary>views.update; pass the view's <paramref name="hash"/> to refuse overwriting a newer version.</summary>
    public async Task UpdateViewAsync(string viewId, ModalView view, string? hash, CancellationToken cancellationToken)
    {
        using var _ = await CallBotAsync("views.update", new ViewsUpdateRequest(viewId, view, hash), SlackJsonContext.Wire.ViewsUpdateRequest, cancellationToken);
    }

    /// <summary>conversations.open with one user: returns the id (<c>D…</c>) of the bot's DM with them.</summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        using var result = await CallBotAsync("conversations.open", new ConversationsOpenRequest(userId), SlackJsonContext.Wire.ConversationsOpenRequest, cancellationToken);
        return result.RootElement.GetProperty("channel").GetProperty("id").GetString()!;
    }

    /// <summary>users.info (form-encoded: the method does not take JSON).</summary>
    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        using var result = await CallAsync("users.info", () => new FormUrlEncodedContent([new("user", userId)]), _options.BotToken, cancellationToken);
        var user = result.RootElement.GetProperty("user");
        var profile = user.Child("profile");
        return new SlackUser(
            user.GetProperty("id").GetString()!,
            user.Text("team_id") ?? "",
            user.Text("name") ?? "",
            user.Text("real_name"),
            profile.Text("display_name"),
            user.TryGetProperty("is_bot", out var bot) && bot.GetBoolean(),
            user.TryGetProperty("is_admin", out var admin) && admin.GetBoolean());
    }

    /// <summary>auth.test: checks the bot token and says which workspace and bot user it belongs to.</summary>
    public async Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken)
    {
        using var result = await CallAsync("auth.test", () => null, _options.BotToken, cancellationToken);
        var root = result.RootElement;
        return new SlackAuthInfo(
            root.Text("team_id") ?? "", root.Text("user_id") ?? "", root.Text("bot_id"),
            root.Text("enterprise_id"), root.Text("url") ?? "");
    }

    /// <summary>
    /// apps.connections.open with the app-level token (in the header: "as a POST parameter will result in an error",
    /// https://docs.slack.dev/reference/methods/apps.connections.open). Returns the <c>wss://</c> URL for one connection.
    /// </summary>
    public async Task<Uri> OpenSocketModeConnectionAsync(CancellationToken cancellationToken)
    {
        using var result = await CallAsync("apps.connections.open", () => null, _options.AppToken, cancellationToken);
        return new Uri(result.RootElement.GetProperty("url").GetString()!);
    }

    /// <summary>
    /// POSTs to an interaction's <c>response_url</c> (no token: the URL is the credential). Returns false without sending when
    /// the URL's 5 uses or 30 minutes are spent, so the caller can post through the Web API instead.
    /// </summary>
    public async Task<bool> RespondAsync(string responseUrl, MessagePayload payload, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !(uri.Host == "slack.com" || uri.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase)))
        {
            // The URL came from a verified request, but posting anywhere else would turn the bot into a proxy.
            throw new SlackApiException("response_url", "invalid_response_url");
        }

        if (!_responseUrls.TryUse(responseUrl))
        {
            return false;
        }

        using var _ = await SendWithRetriesAsync("response_url", uri, () => JsonContent.Create(payload, SlackJsonContext.Wire.MessagePayload),
            token: null, expectEnvelope: false, cancellationToken);
        return true;
    }

    private Task<JsonDocument> CallBotAsync<T>(string method, T body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        CallAsync(method, () => JsonContent.Create(body, typeInfo), _options.BotToken, cancellationToken);

    private Task<JsonDocument> CallAsync(string method, Func<HttpContent?> content, string? token, CancellationToken cancellationToken) =>
        SendWithRetriesAsync(method, new Uri(_options.ApiBaseUrl, method), content, token, expectEnvelope: true, cancellationToken);

    private async Task<JsonDocument> SendWithRetriesAsync(
        string method, Uri uri, Func<HttpContent?> content, string? token, bool expectEnvelope, CancellationToken cancellationToken)
    {
        var http = _httpFactory.CreateClient(HttpClientName);
        for (var attempt = 0; ; attempt++)
        {
            var isLastAttempt = attempt >= _options.MaxRetries;
            HttpResponseMessage response;
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                if (isLastAttempt)
                {
                    throw new SlackApiException(method, "network_error", inner: ex);
                }

                LogTransientFailure(method, "network_error", attempt + 1);
                await Task.Delay(Backoff(attempt), _time, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // https://docs.slack.dev/apis/web-api/rate-limits: HTTP 429 with Retry-After in seconds.
                    var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    if (isLastAttempt || retryAfter > _options.MaxRetryAfter)
                    {
                        throw new SlackApiException(method, "ratelimited", retryAfter: retryAfter);
                    }

                    LogRateLimited(method, retryAfter.TotalSeconds, attempt + 1);
                    await Task.Delay(retryAfter, _time, cancellationToken);
                    continue;
                }

                if ((int)response.StatusCode >= 500)
                {
                    if (isLastAttempt)
                    {
                        throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
                    }

                    LogTransientFailure(method, $"http_{(int)response.StatusCode}", attempt + 1);
                    await Task.Delay(Backoff(attempt), _time, cancellationToken);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    // response_url answers 404 once expired and 410 when used up; retrying cannot help.
                    throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
                }

                if (!expectEnvelope)
                {
                    return JsonDocument.Parse("{}");
                }

                var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
                {
                    return document;
                }

                var error = root.Text("error") ?? "unknown_error";
                var needed = root.Text("needed");
                document.Dispose();
                throw new SlackApiException(method, error, needed);
            }
        }
    }

    /// <summary>0.5 s, 1 s, 2 s … with up to 25 % jitter, for 5xx and network failures.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt) * (1 + Random.Shared.NextDouble() / 4));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} was rate limited; retrying in {Seconds} s (retry {Retry})")]
    private partial void LogRateLimited(string method, double seconds, int retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed with {Error}; retry {Retry}")]
    private partial void LogTransientFailure(string method, string error, int retry);
}
