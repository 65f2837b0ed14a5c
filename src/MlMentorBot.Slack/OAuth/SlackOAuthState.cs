using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Slack.OAuth;

/// <summary>Why a redirect's <c>state</c> was refused, or <see cref="Valid"/>.</summary>
internal enum StateCheck { Valid, Missing, Forged, Expired, CookieMismatch, Reused }

/// <summary>
/// The OAuth <c>state</c>, as Bolt's <c>ClearStateStore</c> and its cookie check do it
/// (https://docs.slack.dev/authentication/installing-with-oauth, "state"): <c>{nonce}.{issued unix seconds}.{HMAC-SHA256 hex}</c>
/// signed with <see cref="SlackOptions.StateSecret"/>, valid for <see cref="Lifetime"/>, bound to the browser that asked for it by
/// the <see cref="CookieName"/> cookie, and used once: the nonce is recorded in the database when consumed, so a second use is
/// refused on every replica. Nothing is written until a redirect arrives, so crawlers opening the install page cost no rows.
/// </summary>
internal sealed class SlackOAuthState(IDatabase database, IOptions<SlackOptions> options, TimeProvider time)
{
    /// <summary>Bolt's cookie name, so an operator moving from Bolt recognises it.</summary>
    public const string CookieName = "slack-app-oauth-state";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Schema version 402 (Slack adapter range 400–499).</summary>
    // PostgreSQL keeps the same shape: expires_at is fixed-width UTC text, compared as text on both providers.
    public static readonly SchemaMigration Migration = SchemaMigration.Portable(402, "consumed slack oauth states", """
        CREATE TABLE slack_oauth_states (
            nonce      TEXT PRIMARY KEY,
            expires_at TEXT NOT NULL
        );
        """);

    /// <summary>A new signed state for one install attempt.</summary>
    public string Issue()
    {
        var payload = $"{RandomNumberGenerator.GetHexString(32, lowercase: true)}.{time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return payload + "." + Sign(payload);
    }

    /// <summary>
    /// Checks the redirect's <paramref name="state"/> against its signature, age and the browser's <paramref name="cookie"/>, then
    /// consumes it. Only <see cref="StateCheck.Valid"/> lets the code be exchanged.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The use could not be recorded (so it is not allowed).</exception>
    public async Task<StateCheck> ConsumeAsync(string? state, string? cookie, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state))
        {
            return StateCheck.Missing;
        }

        var parts = state.Split('.');
        if (parts.Length != 3 || parts[0].Length != 32
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedSeconds)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}")), Encoding.ASCII.GetBytes(parts[2])))
        {
            return StateCheck.Forged;
        }

        var now = time.GetUtcNow();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(issuedSeconds) + Lifetime;
        if (now >= expiresAt)
        {
            return StateCheck.Expired;
        }

        if (cookie is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(cookie), Encoding.UTF8.GetBytes(state)))
        {
            // Started in another browser (or a link someone was sent): Bolt refuses it too, against login CSRF.
            return StateCheck.CookieMismatch;
        }

        var isFirstUse = await database.WriteAsync(async write =>
        {
            // Spent states are only needed until they would have expired anyway.
            await write.ExecuteAsync("DELETE FROM slack_oauth_states WHERE expires_at < @now", new { now = Text(now) });
            return await write.ExecuteAsync(
                "INSERT INTO slack_oauth_states (nonce, expires_at) VALUES (@nonce, @expiresAt) ON CONFLICT (nonce) DO NOTHING",
                new { nonce = parts[0], expiresAt = Text(expiresAt) }) == 1;
        }, cancellationToken);
        return isFirstUse ? StateCheck.Valid : StateCheck.Reused;
    }

    private string Sign(string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.StateSecret!), Encoding.UTF8.GetBytes(payload)));

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
