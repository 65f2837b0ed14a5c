using Microsoft.Extensions.Options;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Discord;
using MlMentorBot.Hosting;

namespace MlMentorBot.Tests.Hosting;

/// <summary>Discord's HTTP mode answers commands without a bot token, but cannot post to channels without one.</summary>
public sealed class DiscordPostingValidatorTests
{
    private static readonly DiscordOptions HttpWithoutToken = new() { Enabled = true, Mode = DiscordMode.Http };

    [Fact]
    public void Http_mode_without_a_token_is_refused_while_the_scheduler_posts_check_ins()
    {
        var result = Validate(HttpWithoutToken, new CheckInOptions { IsSchedulerEnabled = true }, new ModerationOptions());

        Assert.True(result.Failed);
        Assert.StartsWith("Discord:BotToken is missing", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Http_mode_without_a_token_is_refused_when_moderators_alerts_go_to_Discord()
    {
        var moderation = new ModerationOptions { AlertChannel = new() { Platform = "discord", ChannelId = "1" } };

        var result = Validate(HttpWithoutToken, new CheckInOptions { IsSchedulerEnabled = false }, moderation);

        Assert.Contains("Moderation:AlertChannel:Platform is discord", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Http_mode_without_a_token_starts_when_nothing_is_posted()
    {
        var result = Validate(HttpWithoutToken, new CheckInOptions { IsSchedulerEnabled = false }, new ModerationOptions());

        Assert.True(result.Succeeded);
    }

    private static ValidateOptionsResult Validate(DiscordOptions discord, CheckInOptions checkIns, ModerationOptions moderation) =>
        new DiscordPostingValidator(Options.Create(checkIns), Options.Create(moderation)).Validate(null, discord);
}
