using System.Buffers;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace MlMentorBot.Discord.Interactions;

/// <summary>
/// Checks <c>X-Signature-Ed25519</c> over <c>UTF8(X-Signature-Timestamp) + raw body</c> with the application's public key, and
/// refuses a timestamp (Unix seconds, UTC) more than <see cref="MaxSkewSeconds"/> from now in either direction, so a captured
/// request cannot be replayed later (issue 13 item 2). Every malformed input (missing header, bad hex, wrong length, bad
/// signature, stale or non-numeric timestamp) is simply "not valid": the endpoint answers 401 for all of them, because Discord
/// probes with invalid signatures and removes endpoints that accept them.
/// https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
/// </summary>
internal sealed class SignatureVerifier
{
    /// <summary>The replay window in seconds, Slack's 5 minutes (Discord documents none; its own requests are signed as sent).</summary>
    public const int MaxSkewSeconds = 300;

    private const int SignatureLength = 64;
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    /// <summary>Decoded once at start: libsodium then verifies straight from the 32 raw bytes on every request.</summary>
    private readonly PublicKey _publicKey;
    private readonly TimeProvider _time;

    /// <summary>Throws <see cref="FormatException"/> when <paramref name="publicKeyHex"/> is not 64 hex characters.</summary>
    public SignatureVerifier(string publicKeyHex, TimeProvider time)
    {
        _publicKey = PublicKey.Import(Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        _time = time;
    }

    public bool IsValid(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: SignatureLength * 2 } || !IsFresh(timestamp))
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureLength];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != SignatureLength)
        {
            return false;
        }

        // A fresh timestamp is at most a dozen ASCII digits, so its bytes are its characters.
        var timestampLength = timestamp!.Length;
        var message = ArrayPool<byte>.Shared.Rent(timestampLength + body.Length);
        try
        {
            Encoding.ASCII.GetBytes(timestamp, message);
            body.CopyTo(message.AsSpan(timestampLength));
            return VerifyMessage(message.AsSpan(0, timestampLength + body.Length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    /// <summary>Plain Ed25519 (RFC 8032) verification of <paramref name="message"/>; false for any malformed signature.</summary>
    internal bool VerifyMessage(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureLength && Ed25519.Verify(_publicKey, message, signature);

    private bool IsFresh(string? timestamp)
    {
        if (timestamp is not { Length: > 0 and <= 12 }
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        return Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - seconds) <= MaxSkewSeconds;
    }
}
