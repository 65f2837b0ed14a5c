using System.Text;
using MlMentorBot.Discord.Interactions;

namespace MlMentorBot.Tests.Discord;

public sealed class SignatureVerifierTests
{
    // RFC 8032 section 7.1, TEST 1–3: https://www.rfc-editor.org/rfc/rfc8032#section-7.1
    [Theory]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    [InlineData("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a")]
    public void Rfc8032_vectors_verify_and_a_flipped_bit_does_not(string publicKey, string messageHex, string signatureHex)
    {
        var verifier = new SignatureVerifier(publicKey);
        var message = Convert.FromHexString(messageHex);
        var signature = Convert.FromHexString(signatureHex);

        var isValid = verifier.VerifyMessage(message, message.Length, signature);
        signature[5] ^= 0x01;
        var isTamperedValid = verifier.VerifyMessage(message, message.Length, signature);

        Assert.True(isValid);
        Assert.False(isTamperedValid);
    }

    [Fact]
    public void Rfc8032_test_2_verifies_as_a_timestamp_with_an_empty_body()
    {
        // TEST 2's message is the single byte 0x72, "r": the timestamp bytes come first, then the body.
        var verifier = new SignatureVerifier("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");

        var isValid = verifier.IsValid(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            "r", []);

        Assert.True(isValid);
    }

    [Fact]
    public void A_signature_over_timestamp_and_raw_body_is_valid()
    {
        var key = new TestSigningKey();
        var body = DiscordFixtures.Bytes("command_roadmap_guild.json");

        var isValid = new SignatureVerifier(key.PublicKeyHex).IsValid(key.Sign("1700000000", body), "1700000000", body);

        Assert.True(isValid);
    }

    [Fact]
    public void Every_malformed_or_wrong_signature_is_rejected()
    {
        var key = new TestSigningKey();
        var verifier = new SignatureVerifier(key.PublicKeyHex);
        const string body = """{"type":1}""";
        var good = key.Sign("1700000000", Encoding.UTF8.GetBytes(body));
        string?[][] cases =
        [
            [null, "1700000000", body],
            [good, null, body],
            [good, "", body],
            [new string('z', 128), "1700000000", body],
            [good[..126], "1700000000", body],
            [good + "00", "1700000000", body],
            [good, "1700000001", body],
            [good, "1700000000", """{"type":2}"""],
            [good, "1700000000", """{ "type": 1 }"""],
            [new TestSigningKey().Sign("1700000000", Encoding.UTF8.GetBytes(body)), "1700000000", body],
            [new string('0', 128), "1700000000", body],
            [new string('f', 128), "1700000000", body],
        ];

        var accepted = cases.Where(c => verifier.IsValid(c[0], c[1], Encoding.UTF8.GetBytes(c[2]!))).ToList();

        Assert.Empty(accepted);
        Assert.True(verifier.IsValid(good, "1700000000", Encoding.UTF8.GetBytes(body)));
    }
}
