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
internal sealed class SlackSignatureVerifier : IDisposable
{
    /// <summary>The replay window from the docs, in seconds; exactly 300 s off is still accepted (as python-slack-sdk does).</summary>
    public const int MaxSkewSeconds = 300;

    private const int SignatureLength = 3 + 64; // "v0=" + lowercase hex of 32 bytes
    private readonly TimeProvider _time;

    /// <summary>
    /// One keyed HMAC per thread, reset after each use: a one-shot <see cref="HMACSHA256.HashData(byte[], byte[])"/> sets the key
    /// up again on every request (about twice the cost on OpenSSL 3). An <see cref="IncrementalHash"/> is not thread-safe, hence
    /// one per thread.
    /// </summary>
    private readonly ThreadLocal<IncrementalHash> _hmac;

    public SlackSignatureVerifier(string signingSecret, TimeProvider time)
    {
        var key = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key), trackAllValues: true);
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

        // Base string "v0:{timestamp}:" + the raw body bytes, before any decoding. The timestamp is at most 12 ASCII digits.
        Span<byte> prefix = stackalloc byte[3 + 12 + 1];
        "v0:"u8.CopyTo(prefix);
        var written = 3 + Encoding.ASCII.GetBytes(timestampHeader, prefix[3..]);
        prefix[written++] = (byte)':';

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hmac = _hmac.Value!;
        hmac.AppendData(prefix[..written]);
        hmac.AppendData(body);
        hmac.GetHashAndReset(mac);

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

    public void Dispose()
    {
        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }

        _hmac.Dispose();
    }
}
