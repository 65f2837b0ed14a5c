using System.Text;
using MlMentorBot.Slack.Signing;

namespace MlMentorBot.Tests.Slack;

public sealed class SlackSignatureVerifierTests
{
    // The worked example from https://docs.slack.dev/authentication/verifying-requests-from-slack
    private const string DocsSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const long DocsTimestamp = 1531420618;
    private const string DocsSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly string DocsBody = SlackFixtures.Read("signing-example.form");

    private static SignatureCheck Verify(string secret, long now, string? timestamp, string? signature, string body) =>
        new SlackSignatureVerifier(secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)))
            .Verify(timestamp, signature, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Slacks_documented_example_verifies()
    {
        Assert.Equal(SignatureCheck.Valid, Verify(DocsSecret, DocsTimestamp, "1531420618", DocsSignature, DocsBody));
    }

    [Fact]
    public void One_verifier_used_from_many_threads_at_once_judges_every_request_correctly()
    {
        // The verifier keeps one keyed HMAC per thread and resets it after each use; interleaved valid and tampered requests
        // on many threads must not leak state from one request into the next.
        using var verifier = new SlackSignatureVerifier(DocsSecret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DocsTimestamp)));
        var valid = Encoding.UTF8.GetBytes(DocsBody);
        var tampered = Encoding.UTF8.GetBytes(DocsBody.Replace("user_name=roadrunner", "user_name=roadrunnes", StringComparison.Ordinal));
        Assert.NotEqual(valid, tampered);
        var wrong = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var isValid = i % 3 != 0;
            var check = verifier.Verify("1531420618", DocsSignature, isValid ? valid : tampered);
            if (check != (isValid ? SignatureCheck.Valid : SignatureCheck.BadSignature))
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void A_tampered_body_is_refused()
    {
        var tampered = DocsBody.Replace("user_id=U2CERLKJA", "user_id=U2CERLKJB", StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.BadSignature, Verify(DocsSecret, DocsTimestamp, "1531420618", DocsSignature, tampered));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        var signature = SlackSigner.Sign("not-the-secret", DocsTimestamp, DocsBody);
        Assert.Equal(SignatureCheck.BadSignature, Verify(DocsSecret, DocsTimestamp, "1531420618", signature, DocsBody));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400)]
    public void A_timestamp_more_than_five_minutes_off_in_either_direction_is_refused(int skewSeconds)
    {
        // The signature itself is right for the timestamp: only the replay window refuses it.
        var signature = SlackSigner.Sign(DocsSecret, DocsTimestamp + skewSeconds, DocsBody);
        var check = Verify(DocsSecret, DocsTimestamp, (DocsTimestamp + skewSeconds).ToString(), signature, DocsBody);
        Assert.Equal(SignatureCheck.StaleTimestamp, check);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void A_timestamp_exactly_five_minutes_off_is_still_accepted(int skewSeconds)
    {
        var signature = SlackSigner.Sign(DocsSecret, DocsTimestamp + skewSeconds, DocsBody);
        var check = Verify(DocsSecret, DocsTimestamp, (DocsTimestamp + skewSeconds).ToString(), signature, DocsBody);
        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Theory]
    [InlineData(null, DocsSignature, "MissingHeaders")]
    [InlineData("1531420618", null, "MissingHeaders")]
    [InlineData("", "", "MissingHeaders")]
    [InlineData("15314206l8", DocsSignature, "MalformedTimestamp")]
    [InlineData("-1531420618", DocsSignature, "MalformedTimestamp")]
    [InlineData("1531420618", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "MalformedSignature")]
    [InlineData("1531420618", "v0=a2114d57", "MalformedSignature")]
    [InlineData("1531420618", "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", "BadSignature")]
    [InlineData("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50é", "BadSignature")]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature, string expected)
    {
        Assert.Equal(Enum.Parse<SignatureCheck>(expected), Verify(DocsSecret, DocsTimestamp, timestamp, signature, DocsBody));
    }

    [Fact]
    public void The_body_is_verified_as_raw_bytes_including_utf8_text()
    {
        const string body = "text=caf%C3%A9+%E2%80%94+%F0%9F%A4%96&raw=café — 🤖";
        var signature = SlackSigner.Sign(DocsSecret, DocsTimestamp, body);
        Assert.Equal(SignatureCheck.Valid, Verify(DocsSecret, DocsTimestamp, "1531420618", signature, body));
    }
}
