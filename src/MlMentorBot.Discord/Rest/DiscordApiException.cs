using System.Net;

namespace MlMentorBot.Discord.Rest;

/// <summary>
/// A Discord REST call that failed. <see cref="Code"/> is Discord's JSON error code when the body had one (for example 10062
/// Unknown interaction, 50027 Invalid webhook token, 50035 Invalid form body, 30034 daily command creates reached);
/// <see cref="Errors"/> holds the nested <c>errors</c> object of a 50035 as JSON text.
/// https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
/// The message names the route template, never its token-bearing path.
/// </summary>
internal sealed class DiscordApiException(HttpStatusCode statusCode, int? code, string message, string? errors = null)
    : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public int? Code { get; } = code;

    public string? Errors { get; } = errors;
}
