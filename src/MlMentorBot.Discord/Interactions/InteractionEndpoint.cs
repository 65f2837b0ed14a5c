using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Telemetry;
using MlMentorBot.Discord.Rendering;

namespace MlMentorBot.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c>: the "Interactions Endpoint URL" of HTTP mode. The signature is checked on the raw bytes
/// before anything is parsed; any failure is 401 and the handler never runs. A fast reply is written inline (200 + the
/// interaction response); a slow one is deferred inline (type 5/6) and finished by editing <c>@original</c> once Discord has
/// the deferral. https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint
/// </summary>
internal sealed class InteractionEndpoint(
    IOptions<DiscordOptions> options,
    InteractionHandler handler,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<InteractionEndpoint> logger)
{
    /// <summary>Interaction bodies are a few KB; anything past this is not from Discord.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    private static readonly byte[] UnauthorizedBody = "{\"error\":\"invalid request signature\"}"u8.ToArray();

    private readonly SignatureVerifier? _verifier =
        options.Value is { Enabled: true, Mode: DiscordMode.Http, PublicKey: { } key } ? new SignatureVerifier(key, time) : null;

    public async Task HandleAsync(HttpContext context)
    {
        var receivedAt = time.GetTimestamp();
        if (_verifier is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Too large is 413 whether or not it is signed, as on Slack's endpoints: nothing that big comes from Discord, and
        // reading it to check a signature would be the work an attacker wants us to do.
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = await ReadBodyAsync(context.Request.BodyReader, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var headers = context.Request.Headers;
        if (!_verifier.IsValid(headers["X-Signature-Ed25519"], headers["X-Signature-Timestamp"], body))
        {
            BotTelemetry.SignatureFailed("discord");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(UnauthorizedBody, context.RequestAborted);
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJson.Default.Interaction);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Signed interaction body is not valid JSON: {Error}", ex.Message);
            interaction = null;
        }

        if (interaction is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var initial = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource? delivered = null;
        var handling = handler.HandleAsync(interaction, receivedAt, response =>
        {
            if (response.Type is CallbackType.DeferredChannelMessageWithSource or CallbackType.DeferredUpdateMessage)
            {
                // Edits of @original must wait until Discord has the deferral, i.e. until this response is written.
                delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                context.Response.OnCompleted(static state =>
                {
                    ((TaskCompletionSource)state).TrySetResult();
                    return Task.CompletedTask;
                }, delivered);
                initial.TrySetResult(response);
                return delivered.Task;
            }

            initial.TrySetResult(response);
            return Task.CompletedTask;
        }, lifetime.ApplicationStopped); // not Stopping: interactions that arrive while the replica drains are still answered

        if (!initial.Task.IsCompleted)
        {
            await Task.WhenAny(initial.Task, handling);
        }

        if (!initial.Task.IsCompleted)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        // One buffer with a Content-Length, written once: cheaper than streaming a few KB through the serializer's async path
        // and chunked framing.
        var json = initial.Task.Result.ToJson();
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    private static async Task<byte[]?> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
