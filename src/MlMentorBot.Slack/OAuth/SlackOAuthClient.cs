using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack.OAuth;

/// <summary>
/// What <c>oauth.v2.access</c> granted: the bot token and who it belongs to, and with token rotation on its refresh token and
/// lifetime in seconds (https://docs.slack.dev/reference/methods/oauth.v2.access,
/// https://docs.slack.dev/authentication/using-token-rotation).
/// </summary>
internal sealed record SlackOAuthGrant(
    string AccessToken,
    IReadOnlyList<string> Scopes,
    string BotUserId,
    string? AppId,
    string? TeamId,
    string? TeamName,
    string? EnterpriseId,
    string? EnterpriseName,
    bool IsEnterpriseInstall,
    string? InstallerUserId,
    string? RefreshToken,
    int? ExpiresInSeconds)
{
    public SlackInstallation ToInstallation(DateTimeOffset now) => new(
        TeamId, TeamName, EnterpriseId, EnterpriseName, IsEnterpriseInstall, AppId, BotUserId, AccessToken, Scopes,
        RefreshToken, ExpiresInSeconds is { } seconds ? now.AddSeconds(seconds) : null, InstallerUserId ?? "", now);

    public override string ToString() => $"SlackOAuthGrant {{ {TeamId ?? EnterpriseId}, bot {BotUserId} }}";
}

/// <summary>
/// Calls <c>oauth.v2.access</c> at <see cref="SlackOptions.ApiBaseUrl"/> through the same named HTTP client as every Web API
/// call, with the client id and secret as HTTP Basic credentials, as the method's page asks. Not retried: an authorization code
/// is single-use, so a second try after a lost answer could only fail. <c>ok:false</c> throws <see cref="SlackApiException"/>
/// with Slack's error (<c>invalid_code</c>, <c>bad_redirect_uri</c>, <c>invalid_refresh_token</c> …), a failed connection
/// throws it with <c>network_error</c>. Nothing here logs: its bodies are tokens.
/// </summary>
internal sealed class SlackOAuthClient(IHttpClientFactory httpFactory, IOptions<SlackOptions> options)
{
    private const string Method = "oauth.v2.access";

    /// <summary>Exchanges the <c>code</c> from the redirect for the install's tokens.</summary>
    public Task<SlackOAuthGrant> ExchangeCodeAsync(string code, CancellationToken cancellationToken) =>
        CallAsync([new("code", code), new("redirect_uri", options.Value.RedirectUri!.ToString())], cancellationToken);

    /// <summary>Trades a rotating refresh token (<c>xoxe-1-…</c>) for a new bot token and refresh token.</summary>
    public Task<SlackOAuthGrant> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        CallAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], cancellationToken);

    private async Task<SlackOAuthGrant> CallAsync(KeyValuePair<string, string>[] form, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, Method)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));

        HttpResponseMessage response;
        try
        {
            response = await httpFactory.CreateClient(SlackApiClient.HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SlackApiException(Method, "network_error", inner: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SlackApiException(Method, "timeout", inner: ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException(Method, $"http_{(int)response.StatusCode}");
            }

            using var document = await ReadAsync(response, cancellationToken);
            var root = document.RootElement;
            if (!(root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True))
            {
                throw new SlackApiException(Method, root.Text("error") ?? "unknown_error");
            }

            var accessToken = root.Text("access_token");
            var botUserId = root.Text("bot_user_id");
            if (accessToken is null || botUserId is null || root.Text("token_type") is { } type && type != "bot")
            {
                // The bot scopes were not granted (a user-token-only install): nothing the bot can post with.
                throw new SlackApiException(Method, "no_bot_token");
            }

            var team = root.Child("team");
            var enterprise = root.Child("enterprise");
            return new SlackOAuthGrant(
                accessToken,
                (root.Text("scope") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                botUserId,
                root.Text("app_id"),
                team.Text("id"),
                team.Text("name"),
                enterprise.Text("id"),
                enterprise.Text("name"),
                root.Child("is_enterprise_install").ValueKind == JsonValueKind.True,
                root.Child("authed_user").Text("id"),
                root.Text("refresh_token"),
                root.Child("expires_in") is { ValueKind: JsonValueKind.Number } expires && expires.TryGetInt32(out var seconds) ? seconds : null);
        }
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new SlackApiException(Method, "invalid_json", inner: ex);
        }
    }
}
