using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Telemetry;
using MlMentorBot.Slack.Inbound;
using MlMentorBot.Slack.Signing;

namespace MlMentorBot.Slack.Http;

/// <summary>
/// HTTP mode's request URLs. Each request's raw body is read once (413 past <see cref="SlackOptions.MaxRequestBodyBytes"/>),
/// its signature verified (401 and nothing parsed when it fails; https://docs.slack.dev/authentication/verifying-requests-from-slack),
/// and only then parsed and handed to <see cref="SlackInbound"/>. The one unsigned request answered is Slack's <c>ssl_check=1</c>
/// probe, with an empty 200 and no handler, signed or not. A signed body that cannot be read (invalid UTF-8, a lone
/// surrogate, a form without its command) is 400 with a one-line reason.
/// </summary>
internal static partial class SlackHttpEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Everything HandleAsync needs is a singleton: resolved once from the root provider, on the first request, which spares
        // every request a DI scope and the lookups.
        var services = new Lazy<Services>(() => new Services(endpoints.ServiceProvider));
        var slack = endpoints.MapGroup("/slack");
        slack.MapPost("/commands", (HttpContext http) => HandleAsync(http, services.Value, CommandsAsync));
        slack.MapPost("/interactivity", (HttpContext http) => HandleAsync(http, services.Value, InteractivityAsync));
        slack.MapPost("/events", (HttpContext http) => HandleAsync(http, services.Value, EventsAsync));
        // The legacy docs describe ssl_check as a GET on the command URL.
        slack.MapGet("/commands", http =>
        {
            http.Response.StatusCode = http.Request.Query["ssl_check"] == "1" ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    private delegate Task<SlackAck> BodyHandler(SlackInbound inbound, byte[] body, int length, CancellationToken cancellationToken);

    /// <summary>The singletons every Slack request uses.</summary>
    private sealed class Services(IServiceProvider provider)
    {
        public SlackOptions Options { get; } = provider.GetRequiredService<IOptions<SlackOptions>>().Value;

        public SlackSignatureVerifier Verifier { get; } = provider.GetRequiredService<SlackSignatureVerifier>();

        public SlackInbound Inbound { get; } = provider.GetRequiredService<SlackInbound>();

        public ILogger Logger { get; } = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackHttpEndpoints));
    }

    private static async Task HandleAsync(HttpContext http, Services services, BodyHandler handler)
    {
        var options = services.Options;
        var request = http.Request;
        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        byte[]? body;
        int length;
        try
        {
            (body, length) = await ReadBodyAsync(request.BodyReader, options.MaxRequestBodyBytes, http.RequestAborted);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or OperationCanceledException or IOException)
        {
            // A client that stalls or drops mid-body (Kestrel's minimum data rate, a reset): nothing was authenticated yet, so
            // one quiet line rather than an error with a stack trace per connection (issue 13 item 4).
            LogUnreadBody(services.Logger, request.Path, ex.GetType().Name);
            if (!http.RequestAborted.IsCancellationRequested)
            {
                http.Response.StatusCode = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            }

            return;
        }

        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var check = services.Verifier.Verify(request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"], body.AsSpan(0, length));
        if (check != SignatureCheck.Valid)
        {
            if (IsSslCheck(body.AsSpan(0, length)))
            {
                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }

            BotTelemetry.SignatureFailed("slack");
            LogRejected(services.Logger, request.Path, check);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (IsSslCheck(body.AsSpan(0, length)))
        {
            // Signed or not, Slack's certificate probe gets an empty 200 (docs/slack.md).
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        SlackAck ack;
        try
        {
            ack = await handler(services.Inbound, body, length, http.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            // Signed but unreadable: say why in the body, so whoever sent it can tell a bug from a bad deploy.
            LogMalformed(services.Logger, request.Path, ex.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(ex is JsonException ? "The body is not valid JSON." : ex.Message, http.RequestAborted);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        if (ack.Json is { } json)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = json.Length;
            await http.Response.Body.WriteAsync(json, http.RequestAborted);
        }
    }

    private static async Task<SlackAck> CommandsAsync(SlackInbound inbound, byte[] body, int length, CancellationToken cancellationToken)
    {
        return SlashCommand.FromForm(SlackPayloads.DecodeUtf8(body.AsSpan(0, length))) is { } command
            ? await inbound.HandleSlashCommandAsync(command, cancellationToken)
            : throw new FormatException("Not a slash command.");
    }

    private static async Task<SlackAck> InteractivityAsync(SlackInbound inbound, byte[] body, int length, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(SlackPayloads.DecodeUtf8(body.AsSpan(0, length)));
        if (!form.TryGetValue("payload", out var payload) || payload.Count != 1)
        {
            throw new FormatException("No payload field.");
        }

        using var document = JsonDocument.Parse(payload.ToString());
        return await inbound.HandleInteractionAsync(document.RootElement, cancellationToken);
    }

    private static async Task<SlackAck> EventsAsync(SlackInbound inbound, byte[] body, int length, CancellationToken cancellationToken)
    {
        SlackPayloads.DecodeUtf8(body.AsSpan(0, length)); // JsonDocument leaves invalid UTF-8 inside strings to whoever reads them
        using var document = JsonDocument.Parse(body.AsMemory(0, length));
        return await inbound.HandleEventAsync(document.RootElement, cancellationToken);
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes; a null buffer means the body was larger. Straight from Kestrel's pipe,
    /// copied once when complete: the request stream's ReadAsync adds a copy and an await per segment.
    /// </summary>
    private static async Task<(byte[]? Body, int Length)> ReadBodyAsync(PipeReader reader, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return (null, 0);
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return (bytes, bytes.Length);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Slack's certificate probe: a form body with <c>ssl_check=1</c> (and, at most, the deprecated token).</summary>
    private static bool IsSslCheck(ReadOnlySpan<byte> body)
    {
        if (body.Length > 256 || body.IndexOf("ssl_check=1"u8) < 0)
        {
            return false;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        return form.TryGetValue("ssl_check", out var value) && value == "1" && form.Keys.All(k => k is "ssl_check" or "token");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gave up reading a request body for {Path}: {Reason}")]
    private static partial void LogUnreadBody(ILogger logger, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed request to {Path} could not be read: {Reason}")]
    private static partial void LogMalformed(ILogger logger, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an unverified request to {Path}: {Reason}")]
    private static partial void LogRejected(ILogger logger, PathString path, SignatureCheck reason);
}
