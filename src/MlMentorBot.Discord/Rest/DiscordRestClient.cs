using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Telemetry;

namespace MlMentorBot.Discord.Rest;

/// <summary>
/// Discord REST v10 over one <see cref="HttpClient"/>: <c>Authorization: Bot …</c> on bot routes (never on interaction
/// routes, which are authorised by their token), the required <c>User-Agent: DiscordBot (url, version)</c>, per-bucket and
/// global rate limits (<see cref="RateLimiter"/>), 429 <c>retry_after</c>, bounded retries for 429/502/503/504, and a guard
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
        _baseAddress = new Uri(_options.ApiBaseUrl.EndsWith('/') ? _options.ApiBaseUrl : _options.ApiBaseUrl + "/");
    }

    private readonly Uri _baseAddress;

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
        for (var attempt = 1; ; attempt++)
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
                catch (Exception ex) when (attempt < MaxAttempts
                    && (ex is HttpRequestException || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // A connection failure or an HttpClient timeout: the request may not have reached Discord; retry with backoff.
                    _logger.LogWarning("Discord {Method} {Route} failed ({Error}); retrying", route.Method, route.Template, ex.Message);
                    await Task.Delay(Backoff(attempt), _time, cancellationToken);
                    continue;
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
                if (response.IsSuccessStatusCode)
                {
                    return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone();
                }

                var retryAfter = HandleFailure(route, bucket, response, body, attempt);
                if (retryAfter is null)
                {
                    throw ToException(route, response.StatusCode, body);
                }

                await Task.Delay(retryAfter.Value, _time, cancellationToken);
            }
        }
    }

    /// <summary>Returns how long to wait before retrying, or null when the failure is final.</summary>
    private TimeSpan? HandleFailure(DiscordRoute route, RateLimiter.Bucket bucket, HttpResponseMessage response, byte[] body, int attempt)
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
            return attempt < MaxAttempts ? retryAfter : null;
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            CountInvalidRequest();
            if (status == HttpStatusCode.Unauthorized && !route.IsInteraction)
            {
                _isTokenRejected = true;
                _logger.LogCritical("Discord rejected the bot token (401); no further bot calls will be made. Check Discord:BotToken.");
            }

            return null;
        }

        if (status == HttpStatusCode.NotFound && route.RetriesNotFound && attempt < MaxAttempts)
        {
            // Right after a defer, @original can briefly be 404 (discord-api-docs #7220, #6851); a short retry is the documented workaround.
            return TimeSpan.FromSeconds(attempt);
        }

        if (status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout && attempt < MaxAttempts)
        {
            return Backoff(attempt);
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

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt - 1));
}
