using MlMentorBot.Discord;

namespace MlMentorBot.Tests.Discord;

public sealed class DiscordOptionsValidatorTests
{
    private static IEnumerable<string> Failures(DiscordOptions options) =>
        new DiscordOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void A_disabled_adapter_needs_no_settings() =>
        Assert.Empty(Failures(new DiscordOptions { Enabled = false }));

    [Fact]
    public void Gateway_mode_names_a_missing_application_id_and_bot_token()
    {
        var failures = Failures(new DiscordOptions { Enabled = true, Mode = DiscordMode.Gateway }).ToList();

        Assert.Contains(failures, f => f.StartsWith("Discord:ApplicationId"));
        Assert.Contains(failures, f => f.StartsWith("Discord:BotToken"));
        Assert.DoesNotContain(failures, f => f.StartsWith("Discord:PublicKey"));
    }

    [Fact]
    public void Http_mode_needs_a_64_hex_public_key_but_no_token()
    {
        var failures = Failures(new DiscordOptions { Enabled = true, Mode = DiscordMode.Http, ApplicationId = "1143372838210596935", PublicKey = "abc" }).ToList();

        Assert.Equal("Discord:PublicKey", Assert.Single(failures)[..17]);
    }

    [Fact]
    public void A_guild_id_must_be_a_snowflake() =>
        Assert.Contains(Failures(new DiscordOptions { Enabled = true, Mode = DiscordMode.Http, ApplicationId = "1", PublicKey = new string('a', 64), GuildId = "my server" }),
            f => f.StartsWith("Discord:GuildId"));
}
