using System.Buffers;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace MlMentorBot.Discord.Interactions;

/// <summary>
/// Checks <c>X-Signature-Ed25519</c> over <c>UTF8(X-Signature-Timestamp) + raw body</c> with the application's public key.
/// Every malformed input (missing header, bad hex, wrong length, bad signature) is simply "not valid": the endpoint answers 401
/// for all of them, because Discord probes with invalid signatures and removes endpoints that accept them.
/// https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
/// </summary>
internal sealed class SignatureVerifier
{
    private const int SignatureLength = 64;
    /// <summary>The 32 raw key bytes, as <see cref="Ed25519PublicKeyParameters"/> reads them (it rejects a short key).</summary>
    private readonly byte[] _publicKey;

    public SignatureVerifier(string publicKeyHex)
    {
        var key = Convert.FromHexString(publicKeyHex);
        _publicKey = new Ed25519PublicKeyParameters(key, 0).GetEncoded();
    }

    public bool IsValid(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: SignatureLength * 2 } || string.IsNullOrEmpty(timestamp))
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureLength];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != SignatureLength)
        {
            return false;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var message = ArrayPool<byte>.Shared.Rent(timestampLength + body.Length);
        try
        {
            Encoding.UTF8.GetBytes(timestamp, message);
            body.CopyTo(message.AsSpan(timestampLength));
            return VerifyMessage(message, timestampLength + body.Length, signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    /// <summary>Plain Ed25519 (RFC 8032) verification of the first <paramref name="length"/> bytes of <paramref name="message"/>; false for any malformed signature.</summary>
    internal bool VerifyMessage(byte[] message, int length, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        try
        {
            // The static RFC 8032 call is what Ed25519Signer ends in, minus its per-call MemoryStream (grown and copied for every
            // body), the key re-encoding and its locks: 160 → see bench/MlMentorBot.Benchmarks/Adapters DiscordBenchmarks.Verify*.
            return Ed25519.Verify(signature.ToArray(), 0, _publicKey, 0, message, 0, length);
        }
        catch (ArgumentException)
        {
            return false; // a signature whose point does not decode
        }
    }
}
