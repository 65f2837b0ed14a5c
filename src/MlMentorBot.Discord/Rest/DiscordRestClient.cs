using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Telemetry;
using Polly;
using Polly.Retry;

namespace MlMentorBot.Discord.Rest;

/// <summary>
/// Discord REST v10 over one <see cref="HttpClient"/>: <c>Authorization: Bot …</c> on bot routes (never on interaction
/// routes, which are authorised by their token), the required <c>User-Agent: DiscordBot (url, version)</c>, per-bucket and
/// global rate limits (<see cref="RateLimiter"/>), a Polly retry pipeline on <see cref="TimeProvider"/> (429 after
/// <c>retry_after</c>, 502/503/504 with exponential backoff, at most <see cref="MaxAttempts"/> tries; POSTs only when they
/// cannot have reached Discord), and a guard
/// that stops calling once the token is rejected or invalid requests pile up, so the IP never reaches Discord's
/// 10 000-per-10-minutes invalid-request ban. https://discord.com/developers/docs/reference ·
/// https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans
/// </summary>
internal sealed class DiscordRestClient
{
    public const string UserAgent = "DiscordBot (https://github.com/mlmentorbot/MlMentorBot, 1.0)";
    internal const int MaxAttempts = 4;

    /// <summary>Our own ceiling on 401/403/429 per 10 minutes: a tenth of Discord's ban threshold.</summary>
    internal const int InvalidRequestBudget = 1000;

    private static readonly TimeSpan InvalidRequestWindow = TimeSpan.FromMinutes(10);
    private readonly IHttpClientFactory _httpFactory;
    private readonly DiscordOptions _options;
    private readonly RateLimiter _limits;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly Lock _invalidLock = new();
    private long _invalidWindowStart;
    private int _invalidCount;
    private volatile bool _isTokenRejected;

    /// <summary>The named <see cref="HttpClient"/> this client sends through; tests give it a fake primary handler.</summary>
    public const string HttpClientName = "discord";

    public DiscordRestClient(IHttpClientFactory httpFactory, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        _httpFactory = httpFactory;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _limits = new RateLimiter(time);
        _retries = BuildRetries();
        _baseAddress = new Uri(_options.ApiBaseUrl.EndsWith('/') ? _options.ApiBaseUrl : _options.ApiBaseUrl + "/");
    }

    private readonly Uri _baseAddress;
    private readonly ResiliencePipeline<Attempt> _retries;
    private static readonly ResiliencePropertyKey<DiscordRoute> RouteKey = new("discord.route");

    /// <summary>Registers the REST client as a singleton (its rate-limit state must be shared) over a named, pooled HttpClient.</summary>
    internal static void Register(IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName, client =>
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
            client.Timeout = TimeSpan.FromSeconds(30);
        })
        // The default HttpClient logging writes full URLs, and interaction routes carry the interaction token in the path.
        .RemoveAllLoggers();
        services.AddSingleton<DiscordRestClient>();
    }

    /// <summary>
    /// Sends <paramref name="jsonBody"/> (UTF-8 JSON, or null) and returns the response's JSON, or null for 204.
    /// Throws <see cref="DiscordApiException"/> when Discord refuses, or when we refuse to call (token rejected, invalid-request budget spent).
    /// </summary>
    public async Task<JsonElement?> SendAsync(DiscordRoute route, byte[]? jsonBody, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RouteKey, route);
        Outcome<Attempt> outcome;
        try
        {
            outcome = await _retries.ExecuteOutcomeAsync(
                static (ctx, state) => state.Client.SendOnceAsync(state.Route, state.Body, ctx.CancellationToken),
                context, (Client: this, Route: route, Body: jsonBody));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        outcome.ThrowIfException(); // the last connection failure or timeout, as the HttpClient raised it
        var attempt = outcome.Result!;
        if (attempt.Status is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices)
        {
            return attempt.Body.Length == 0 ? null : JsonDocument.Parse(attempt.Body).RootElement.Clone();
        }

        throw ToException(route, attempt.Status, attempt.Body);
    }

    /// <summary>
    /// One try: waits for the route's rate-limit bucket, sends, and records what the response says about the limits (protocol,
    /// not policy). Whether and when to try again is the retry pipeline's call.
    /// </summary>
    private async ValueTask<Outcome<Attempt>> SendOnceAsync(DiscordRoute route, byte[]? jsonBody, CancellationToken cancellationToken)
    {
        GuardAgainstInvalidRequests(route);
        var bucket = await _limits.AcquireAsync(route, cancellationToken);
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(route.Method, new Uri(_baseAddress, route.Path));
            if (!route.IsInteraction)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.BotToken);
            }

            if (jsonBody is not null)
            {
                request.Content = new ByteArrayContent(jsonBody);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            try
            {
                response = await _httpFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return Outcome.FromException<Attempt>(ex);
            }

            _limits.Update(route, bucket, response.Headers);
        }
        finally
        {
            bucket.Release();
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var retryAfter = response.IsSuccessStatusCode ? null : RecordFailure(route, bucket, response, body);
            return Outcome.FromResult(new Attempt(response.StatusCode, body, retryAfter));
        }
    }

    /// <summary>
    /// Retries only what cannot have been done twice: a 429 (Discord did not process the request; wait its <c>retry_after</c>),
    /// a connection that failed before the request was sent, a 404 on <c>@original</c> right after a defer, and — for GET, PUT,
    /// PATCH and DELETE, which Discord applies idempotently — 502/503/504 and timeouts. A POST (a new message, an interaction
    /// callback, a follow-up) that may have reached Discord is never sent again.
    /// </summary>
    private static bool ShouldRetry(Outcome<Attempt> outcome, ResilienceContext context)
    {
        var route = context.Properties.GetValue(RouteKey, null!);
        var isIdempotent = route.Method != HttpMethod.Post;
        return outcome switch
        {
            { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
            { Exception: HttpRequestException or TaskCanceledException } => isIdempotent,
            { Result.Status: HttpStatusCode.TooManyRequests } => true,
            { Result.Status: HttpStatusCode.NotFound } => route.RetriesNotFound,
            { Result.Status: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => isIdempotent,
            _ => false,
        };
    }

    /// <summary>Discord's own wait for a 429, one second per attempt for the post-defer 404; otherwise the pipeline's backoff.</summary>
    private static TimeSpan? RetryDelay(Outcome<Attempt> outcome, int attemptNumber) => outcome.Result switch
    {
        { RetryAfter: { } retryAfter } => retryAfter,
        { Status: HttpStatusCode.NotFound } => TimeSpan.FromSeconds(attemptNumber + 1),
        _ => null,
    };

    private ResiliencePipeline<Attempt> BuildRetries() => new ResiliencePipelineBuilder<Attempt> { TimeProvider = _time }
        .AddRetry(new RetryStrategyOptions<Attempt>
        {
            MaxRetryAttempts = MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(500), // 0.5 s, 1 s, 2 s: what the hand-written loop waited
            UseJitter = false,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
            DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome, args.AttemptNumber)),
            OnRetry = args =>
            {
                var route = args.Context.Properties.GetValue(RouteKey, null!);
                _logger.LogWarning("Discord {Method} {Route} failed ({Error}); retry {Retry} in {Seconds:0.###} s", route.Method, route.Template,
                    args.Outcome.Exception?.Message ?? $"{(int)args.Outcome.Result!.Status}", args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>What one try got back: the status, the body (for JSON or the error), and Discord's retry_after for a 429.</summary>
    private sealed record Attempt(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter);

    /// <summary>Books a failed response against the limits and the invalid-request budget; returns the 429's wait, if any.</summary>
    private TimeSpan? RecordFailure(DiscordRoute route, RateLimiter.Bucket bucket, HttpResponseMessage response, byte[] body)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.TooManyRequests)
        {
            var (retryAfter, isGlobal) = ReadRetryAfter(response, body);
            BotTelemetry.RateLimited("discord", isGlobal ? "global" : route.Template);
            var isShared = response.Headers.TryGetValues("X-RateLimit-Scope", out var scope) && scope.Contains("shared");
            if (!isShared)
            {
                CountInvalidRequest();
            }

            if (isGlobal)
            {
                _limits.PauseGlobally(retryAfter);
            }
            else
            {
                _limits.PauseBucket(bucket, retryAfter);
            }

            _logger.LogWarning("Discord rate limit on {Method} {Route} ({Scope}); retry after {Seconds:0.###} s",
                route.Method, route.Template, isGlobal ? "global" : isShared ? "shared" : "bucket", retryAfter.TotalSeconds);
            return retryAfter;
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            CountInvalidRequest();
            if (status == HttpStatusCode.Unauthorized && !route.IsInteraction)
            {
                _isTokenRejected = true;
                _logger.LogCritical("Discord rejected the bot token (401); no further bot calls will be made. Check Discord:BotToken.");
            }
        }

        return null;
    }

    private static (TimeSpan RetryAfter, bool IsGlobal) ReadRetryAfter(HttpResponseMessage response, byte[] body)
    {
        var isGlobal = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        double? seconds = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("retry_after", out var ra) && ra.TryGetDouble(out var s))
            {
                seconds = s;
            }

            if (doc.RootElement.TryGetProperty("global", out var gl) && gl.ValueKind == JsonValueKind.True)
            {
                isGlobal = true;
            }
        }
        catch (JsonException)
        {
            // Cloudflare's own 429 page is HTML; fall back to the header.
        }

        if (seconds is null && response.Headers.TryGetValues("Retry-After", out var header)
            && double.TryParse(header.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
        {
            seconds = h;
        }

        return (TimeSpan.FromSeconds(Math.Clamp(seconds ?? 1, 0, 3600)), isGlobal);
    }

    private static DiscordApiException ToException(DiscordRoute route, HttpStatusCode status, byte[] body)
    {
        int? code = null;
        string? message = null;
        string? errors = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.TryGetProperty("code", out var c) && c.TryGetInt32(out var n))
            {
                code = n;
            }

            message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
            errors = root.TryGetProperty("errors", out var e) ? e.GetRawText() : null;
        }
        catch (JsonException)
        {
        }

        return new DiscordApiException(status, code,
            $"Discord {route.Method} {route.Template} failed: {(int)status} {status}{(code is null ? "" : $", code {code}")}{(message is null ? "" : $": {message}")}",
            errors);
    }

    private void GuardAgainstInvalidRequests(DiscordRoute route)
    {
        if (_isTokenRejected && !route.IsInteraction)
        {
            throw new DiscordApiException(HttpStatusCode.Unauthorized, null,
                "Discord rejected the bot token earlier; not calling again. Fix Discord:BotToken and restart.");
        }

        lock (_invalidLock)
        {
            if (_invalidCount >= InvalidRequestBudget && _time.GetElapsedTime(_invalidWindowStart) < InvalidRequestWindow)
            {
                throw new DiscordApiException(HttpStatusCode.TooManyRequests, null,
                    $"Too many rejected Discord requests in 10 minutes; pausing calls so the IP is not banned ({route.Method} {route.Template}).");
            }
        }
    }

    private void CountInvalidRequest()
    {
        lock (_invalidLock)
        {
            if (_time.GetElapsedTime(_invalidWindowStart) >= InvalidRequestWindow)
            {
                _invalidWindowStart = _time.GetTimestamp();
                _invalidCount = 0;
            }

            _invalidCount++;
        }
    }

}
