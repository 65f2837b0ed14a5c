using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MlMentorBot.Slack.Signing;

/// <summary>Why a request was or was not accepted; anything but <see cref="Valid"/> is answered with 401.</summary>
internal enum SignatureCheck { Valid, MissingHeaders, MalformedTimestamp, StaleTimestamp, MalformedSignature, BadSignature }

/// <summary>
/// Verifies Slack's <c>v0</c> request signature (https://docs.slack.dev/authentication/verifying-requests-from-slack):
/// <c>v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"))</c>, compared in constant time, with the timestamp within
/// 300 s of now in either direction. Unlike SlackNet (no replay window, <c>string.Equals</c>) and bolt-js (stale only),
/// future timestamps are refused too, as the docs' <c>abs(now - timestamp) &gt; 60 * 5</c> says.
/// </summary>
internal sealed class SlackSignatureVerifier
{
    /// <summary>The replay window from the docs, in seconds; exactly 300 s off is still accepted (as python-slack-sdk does).</summary>
    public const int MaxSkewSeconds = 300;

    private const int SignatureLength = 3 + 64; // "v0=" + lowercase hex of 32 bytes
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SlackSignatureVerifier(string signingSecret, TimeProvider time)
    {
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public SignatureCheck Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (timestampHeader.Length > 12
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        if (Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > MaxSkewSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }

        if (signatureHeader.Length != SignatureLength || !signatureHeader.StartsWith("v0=", StringComparison.Ordinal))
        {
            return SignatureCheck.MalformedSignature;
        }

        // Base string "v0:{timestamp}:" + the raw body bytes, before any decoding.
        var length = 3 + timestampHeader.Length + 1 + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var baseString = rented.AsSpan(0, length);
            "v0:"u8.CopyTo(baseString);
            var written = 3 + Encoding.ASCII.GetBytes(timestampHeader, baseString[3..]);
            baseString[written++] = (byte)':';
            body.CopyTo(baseString[written..]);

            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, baseString, mac);

            Span<byte> expected = stackalloc byte[SignatureLength];
            "v0="u8.CopyTo(expected);
            Convert.TryToHexStringLower(mac, expected[3..], out _);

            Span<byte> actual = stackalloc byte[SignatureLength];
            if (Encoding.ASCII.GetBytes(signatureHeader, actual) != SignatureLength)
            {
                return SignatureCheck.MalformedSignature;
            }

            return CryptographicOperations.FixedTimeEquals(expected, actual) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
