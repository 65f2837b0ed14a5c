using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Telemetry;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.OAuth;
using Polly;
using Polly.Retry;

namespace MlMentorBot.Slack.WebApi;

/// <summary>
/// Calls Slack's Web API (https://docs.slack.dev/apis/web-api/): <c>POST https://slack.com/api/{method}</c> with a Bearer
/// token and a JSON (or form) body. <c>ok:false</c> becomes a <see cref="SlackApiException"/> carrying Slack's error code.
/// Retries come from a Polly pipeline on <see cref="TimeProvider"/>: HTTP 429 honours <c>Retry-After</c>, failures back off,
/// at most <see cref="SlackOptions.MaxRetries"/> times (SlackNet retries 429 forever), and a call that may already have posted
/// something is never sent twice. Messages to one channel are paced by <see cref="ChannelPacer"/>. Tokens never reach a log.
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
    private readonly ResiliencePipeline<HttpResponseMessage> _retries;
    private readonly SlackTokenResolver _tokens;

    public SlackApiClient(
        IHttpClientFactory httpFactory,
        IOptions<SlackOptions> options,
        TimeProvider time,
        ChannelPacer pacer,
        ResponseUrlBudget responseUrls,
        ILogger<SlackApiClient> logger,
        SlackTokenResolver? tokens = null)
    {
        _httpFactory = httpFactory;
        _options = options.Value;
        _time = time;
        _pacer = pacer;
        _responseUrls = responseUrls;
        _logger = logger;
        _retries = BuildRetries();
        _tokens = tokens ?? new SlackTokenResolver(options);
    }

    /// <summary>chat.postMessage; returns the new message's <c>ts</c>. <paramref name="threadTs"/> replies in a thread.</summary>
    public async Task<string> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        await _pacer.WaitTurnAsync(channel, cancellationToken);
        using var result = await CallBotAsync("chat.postMessage",
            new ChatPostMessageRequest(channel, message.Text, message.Blocks, threadTs), SlackJsonContext.Wire.ChatPostMessageRequest, isIdempotent: false, cancellationToken);
        return result.RootElement.GetProperty("ts").GetString()!;
    }

    /// <summary>
    /// chat.postEphemeral: visible only to <paramref name="user"/>, who must be in <paramref name="channel"/>. Not paced: it is a
    /// member's own answer, not a channel post, and the method has its own Tier 4 limit (100+/min).
    /// </summary>
    public async Task PostEphemeralAsync(string channel, string user, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        using var _ = await CallBotAsync("chat.postEphemeral",
            new ChatPostEphemeralRequest(channel, user, message.Text, message.Blocks, threadTs), SlackJsonContext.Wire.ChatPostEphemeralRequest, isIdempotent: false, cancellationToken);
    }

    /// <summary>chat.update of a message the bot posted (ephemeral messages cannot be updated).</summary>
    public async Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        using var _ = await CallBotAsync("chat.update",
            new ChatUpdateRequest(channel, ts, message.Text, message.Blocks), SlackJsonContext.Wire.ChatUpdateRequest, isIdempotent: true, cancellationToken);
    }

    /// <summary>views.open; the trigger id must be under 3 s old (<c>expired_trigger_id</c> otherwise). Returns the view id.</summary>
    public async Task<string> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken)
    {
        using var result = await CallBotAsync("views.open", new ViewsOpenRequest(triggerId, view), SlackJsonContext.Wire.ViewsOpenRequest, isIdempotent: false, cancellationToken);
        return result.RootElement.GetProperty("view").GetProperty("id").GetString()!;
    }

    /// <summary>conversations.open with one user: returns the id (<c>D…</c>) of the bot's DM with them.</summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        using var result = await CallBotAsync("conversations.open", new ConversationsOpenRequest(userId), SlackJsonContext.Wire.ConversationsOpenRequest, isIdempotent: true, cancellationToken);
        return result.RootElement.GetProperty("channel").GetProperty("id").GetString()!;
    }

    /// <summary>users.info (form-encoded: the method does not take JSON).</summary>
    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        using var result = await CallAsync("users.info", () => new FormUrlEncodedContent([new("user", userId)]), await BotTokenAsync("users.info", cancellationToken), isIdempotent: true, cancellationToken);
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
        using var result = await CallAsync("auth.test", () => null, await BotTokenAsync("auth.test", cancellationToken), isIdempotent: true, cancellationToken);
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
        using var result = await CallAsync("apps.connections.open", () => null, _options.AppToken, isIdempotent: true, cancellationToken);
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

        // Not idempotent: each POST to a response_url posts (or replaces) a message and spends one of its five uses.
        using var _ = await SendWithRetriesAsync(new Call("response_url", uri, () => JsonContent.Create(payload, SlackJsonContext.Wire.MessagePayload),
            Token: null, ExpectEnvelope: false, IsIdempotent: false), cancellationToken);
        return true;
    }

    private async Task<JsonDocument> CallBotAsync<T>(string method, T body, JsonTypeInfo<T> typeInfo, bool isIdempotent, CancellationToken cancellationToken) =>
        await CallAsync(method, () => JsonContent.Create(body, typeInfo), await BotTokenAsync(method, cancellationToken), isIdempotent, cancellationToken);

    /// <summary>
    /// The current workspace's bot token (issue #12); a workspace without an installation gets <c>not_installed</c> and nothing
    /// is sent.
    /// </summary>
    private async Task<string> BotTokenAsync(string method, CancellationToken cancellationToken) =>
        await _tokens.BotTokenAsync(cancellationToken) ?? throw new SlackApiException(method, SlackTokenResolver.NotInstalled);

    private Task<JsonDocument> CallAsync(string method, Func<HttpContent?> content, string? token, bool isIdempotent, CancellationToken cancellationToken) =>
        SendWithRetriesAsync(new Call(method, new Uri(_options.ApiBaseUrl, method), content, token, ExpectEnvelope: true, isIdempotent), cancellationToken);

    /// <summary>
    /// One Web API or <c>response_url</c> call. <see cref="IsIdempotent"/> says whether sending it twice is harmless (reads,
    /// <c>conversations.open</c>, <c>chat.update</c>); a call that posts something is only retried when Slack cannot have acted on it.
    /// </summary>
    private sealed record Call(string Method, Uri Uri, Func<HttpContent?> Content, string? Token, bool ExpectEnvelope, bool IsIdempotent);

    private async Task<JsonDocument> SendWithRetriesAsync(Call call, CancellationToken cancellationToken)
    {
        var http = _httpFactory.CreateClient(HttpClientName);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await _retries.ExecuteOutcomeAsync(static async (ctx, state) =>
            {
                var (http, call) = state;
                using var request = new HttpRequestMessage(HttpMethod.Post, call.Uri) { Content = call.Content() };
                if (call.Token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.Token);
                }

                try
                {
                    return Outcome.FromResult(await http.SendAsync(request, ctx.CancellationToken));
                }
                catch (HttpRequestException ex)
                {
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }
            }, context, (http, call));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is HttpRequestException failure)
        {
            throw new SlackApiException(call.Method, "network_error", inner: failure);
        }

        outcome.ThrowIfException();
        using var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            BotTelemetry.RateLimited("slack", call.Method);
            throw new SlackApiException(call.Method, "ratelimited", retryAfter: RetryAfter(response));
        }

        if (!response.IsSuccessStatusCode)
        {
            // A 5xx the pipeline gave up on (or would not repeat); response_url answers 404 once expired and 410 when used up.
            throw new SlackApiException(call.Method, $"http_{(int)response.StatusCode}");
        }

        if (!call.ExpectEnvelope)
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
        throw new SlackApiException(call.Method, error, needed);
    }

    private static readonly ResiliencePropertyKey<Call> CallKey = new("slack.call");

    /// <summary>https://docs.slack.dev/apis/web-api/rate-limits: HTTP 429 with Retry-After in seconds (1 s when it is missing).</summary>
    private static TimeSpan RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);

    /// <summary>
    /// At most <see cref="SlackOptions.MaxRetries"/> retries. A 429 (Slack did not act on the call) waits its Retry-After, unless
    /// that is longer than <see cref="SlackOptions.MaxRetryAfter"/>; a connection that failed before the request was sent backs
    /// off exponentially with jitter (0.5 s, 1 s, 2 s …, at most 4 s); a 5xx or a broken response is retried the same way only
    /// for an idempotent call, because a <c>chat.postMessage</c> or <c>response_url</c> POST may already have posted.
    /// Built by hand rather than from the standard resilience handler, whose 30 s total timeout would cut a 60 s Retry-After and
    /// whose defaults retry POSTs.
    /// </summary>
    private ResiliencePipeline<HttpResponseMessage> BuildRetries() => new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(4),
            UseJitter = true,
            ShouldHandle = args =>
            {
                var call = args.Context.Properties.GetValue(CallKey, null!);
                return ValueTask.FromResult(args.AttemptNumber < _options.MaxRetries && args.Outcome switch
                {
                    { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
                    { Exception: HttpRequestException } => call.IsIdempotent,
                    { Result.StatusCode: HttpStatusCode.TooManyRequests } r => RetryAfter(r.Result!) <= _options.MaxRetryAfter,
                    { Result.StatusCode: >= HttpStatusCode.InternalServerError } => call.IsIdempotent,
                    _ => false,
                });
            },
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited
                ? RetryAfter(limited)
                : (TimeSpan?)null),
            OnRetry = args =>
            {
                var call = args.Context.Properties.GetValue(CallKey, null!);
                if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests })
                {
                    BotTelemetry.RateLimited("slack", call.Method);
                    LogRateLimited(call.Method, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                }
                else
                {
                    LogTransientFailure(call.Method, args.Outcome.Result is { } r ? $"http_{(int)r.StatusCode}" : "network_error", args.AttemptNumber + 1);
                }

                args.Outcome.Result?.Dispose(); // the retried response is not read
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} was rate limited; retrying in {Seconds} s (retry {Retry})")]
    private partial void LogRateLimited(string method, double seconds, int retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed with {Error}; retry {Retry}")]
    private partial void LogTransientFailure(string method, string error, int retry);
}
