using System.Text;
using Microsoft.Extensions.Time.Testing;
using MlMentorBot.Discord.Interactions;

namespace MlMentorBot.Tests.Discord;

public sealed class SignatureVerifierTests
{
    private const long Now = 1_700_000_000;
    private const string Timestamp = "1700000000";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(Now));

    // RFC 8032 section 7.1, TEST 1–3: https://www.rfc-editor.org/rfc/rfc8032#section-7.1
    public static TheoryData<string, string, string> Rfc8032Vectors => new()
    {
        {
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Rfc8032_vectors_verify(string publicKey, string messageHex, string signatureHex)
    {
        var verifier = new SignatureVerifier(publicKey, _time);

        Assert.True(verifier.VerifyMessage(Convert.FromHexString(messageHex), Convert.FromHexString(signatureHex)));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Every_single_bit_flip_of_an_rfc8032_vector_is_rejected(string publicKey, string messageHex, string signatureHex)
    {
        var key = Convert.FromHexString(publicKey);
        var message = Convert.FromHexString(messageHex);
        var signature = Convert.FromHexString(signatureHex);
        var accepted = new List<string>();

        for (var bit = 0; bit < signature.Length * 8; bit++)
        {
            var tampered = Flip(signature, bit);
            if (new SignatureVerifier(publicKey, _time).VerifyMessage(message, tampered))
            {
                accepted.Add($"signature bit {bit}");
            }
        }

        for (var bit = 0; bit < message.Length * 8; bit++)
        {
            if (new SignatureVerifier(publicKey, _time).VerifyMessage(Flip(message, bit), signature))
            {
                accepted.Add($"message bit {bit}");
            }
        }

        for (var bit = 0; bit < key.Length * 8; bit++)
        {
            if (new SignatureVerifier(Convert.ToHexString(Flip(key, bit)), _time).VerifyMessage(message, signature))
            {
                accepted.Add($"key bit {bit}");
            }
        }

        var verifier = new SignatureVerifier(publicKey, _time);
        if (verifier.VerifyMessage(message, signature.AsSpan(0, 63)))
        {
            accepted.Add("truncated signature");
        }

        if (verifier.VerifyMessage(message, NonCanonicalS(signature)))
        {
            accepted.Add("S + L (non-canonical)");
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void Rfc8032_test_2_verifies_as_a_timestamp_with_an_empty_body()
    {
        // TEST 2's message is the single byte 0x72, "r". Not a number, so as a header it is refused before the signature is
        // even checked; VerifyMessage shows the timestamp bytes come first and the body follows.
        var verifier = new SignatureVerifier("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", _time);
        var signature = Convert.FromHexString(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

        Assert.True(verifier.VerifyMessage("r"u8, signature));
        Assert.False(verifier.IsValid(Convert.ToHexString(signature), "r", []));
    }

    [Fact]
    public void A_signature_over_timestamp_and_raw_body_is_valid()
    {
        var key = new TestSigningKey();
        var body = DiscordFixtures.Bytes("command_roadmap_guild.json");

        var isValid = new SignatureVerifier(key.PublicKeyHex, _time).IsValid(key.Sign(Timestamp, body), Timestamp, body);

        Assert.True(isValid);
    }

    [Fact]
    public void Every_malformed_or_wrong_signature_is_rejected()
    {
        var key = new TestSigningKey();
        var verifier = new SignatureVerifier(key.PublicKeyHex, _time);
        const string body = """{"type":1}""";
        var good = key.Sign(Timestamp, Encoding.UTF8.GetBytes(body));
        string?[][] cases =
        [
            [null, Timestamp, body],
            [good, null, body],
            [good, "", body],
            [new string('z', 128), Timestamp, body],
            [good[..126], Timestamp, body],
            [good + "00", Timestamp, body],
            [good, "1700000001", body],
            [good, "+1700000000", body],
            [good, " 1700000000", body],
            [good, Timestamp, """{"type":2}"""],
            [good, Timestamp, """{ "type": 1 }"""],
            [new TestSigningKey().Sign(Timestamp, Encoding.UTF8.GetBytes(body)), Timestamp, body],
            [new string('0', 128), Timestamp, body],
            [new string('f', 128), Timestamp, body],
        ];

        var accepted = cases.Where(c => verifier.IsValid(c[0], c[1], Encoding.UTF8.GetBytes(c[2]!))).ToList();

        Assert.Empty(accepted);
        Assert.True(verifier.IsValid(good, Timestamp, Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData(-365 * 24 * 3600)] // a year old
    [InlineData(-3600)] // an hour old
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(3600)] // an hour ahead
    public void A_valid_signature_over_a_timestamp_more_than_5_minutes_off_is_rejected(long offsetSeconds)
    {
        var key = new TestSigningKey();
        var body = DiscordFixtures.Bytes("command_roadmap_guild.json");
        var timestamp = (Now + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var isValid = new SignatureVerifier(key.PublicKeyHex, _time).IsValid(key.Sign(timestamp, body), timestamp, body);

        Assert.False(isValid);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(-60)]
    [InlineData(0)]
    [InlineData(300)]
    public void A_valid_signature_within_5_minutes_either_way_is_accepted(long offsetSeconds)
    {
        var key = new TestSigningKey();
        var body = DiscordFixtures.Bytes("command_roadmap_guild.json");
        var timestamp = (Now + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var isValid = new SignatureVerifier(key.PublicKeyHex, _time).IsValid(key.Sign(timestamp, body), timestamp, body);

        Assert.True(isValid);
    }

    [Fact]
    public void The_window_moves_with_the_clock()
    {
        var key = new TestSigningKey();
        var verifier = new SignatureVerifier(key.PublicKeyHex, _time);
        var body = DiscordFixtures.Bytes("command_roadmap_guild.json");
        var signature = key.Sign(Timestamp, body);
        Assert.True(verifier.IsValid(signature, Timestamp, body));

        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.False(verifier.IsValid(signature, Timestamp, body)); // the same captured request, replayed later
    }

    private static byte[] Flip(byte[] bytes, int bit)
    {
        var copy = (byte[])bytes.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    /// <summary>The signature with S replaced by S + L (the group order): same point maths, but RFC 8032 §5.1.7 requires S &lt; L.</summary>
    private static byte[] NonCanonicalS(byte[] signature)
    {
        ReadOnlySpan<byte> order =
        [
            0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
        ];
        var copy = (byte[])signature.Clone();
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = copy[32 + i] + order[i] + carry;
            copy[32 + i] = (byte)sum;
            carry = sum >> 8;
        }

        return copy;
    }
}
