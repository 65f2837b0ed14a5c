using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;
using Moq;

namespace MlMentorBot.Tests.Moderation;

public sealed class GapDigestTests : IDisposable
{
    // Monday 16 November 2026, 08:00 UTC: an hour before the default digest time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));
    private readonly Mock<IChannelMessenger> _discord = new();
    private readonly CoreServices _core;

    public GapDigestTests()
    {
        _discord.SetupGet(m => m.Platform).Returns("discord");
        _discord.Setup(m => m.PostAsync(It.IsAny<string>(), It.IsAny<BotReply>(), null, It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync("1");
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Moderation:AlertChannel:Platform"] = "discord",
            ["Moderation:AlertChannel:ChannelId"] = "1234567890",
        }).Build();
        _core = new CoreServices(configure: services =>
        {
            services.AddModeration(settings);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton(_discord.Object);
        });
    }

    public void Dispose() => _core.Dispose();

    [Fact]
    public async Task The_weekly_digest_posts_the_weeks_gaps_once_when_its_time_has_come()
    {
        var gaps = _core.Get<AnswerGapStore>();
        await gaps.RecordAsync(new AnswerGap("Is a visa needed for Canada?", _time.GetUtcNow().AddDays(-1)), CancellationToken.None);
        await gaps.RecordAsync(new AnswerGap("is a visa needed for canada", _time.GetUtcNow().AddDays(-2)), CancellationToken.None);
        var scheduler = ActivatorUtilities.CreateInstance<ModerationScheduler>(_core.Provider);

        var early = await scheduler.RunDueWorkAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(90));
        var due = await scheduler.RunDueWorkAsync(CancellationToken.None);
        var again = await scheduler.RunDueWorkAsync(CancellationToken.None);

        Assert.False(early);
        Assert.True(due);
        Assert.False(again);
        _discord.Verify(m => m.PostAsync("1234567890",
            It.Is<BotReply>(r => r.Title.StartsWith("Weekly digest") && r.Sections.Any(s => s.Markdown.Contains("2× “Is a visa needed for Canada?”"))),
            null, It.Is<string?>(key => key != null && key.Length <= 25), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_week_without_gaps_posts_nothing()
    {
        var scheduler = ActivatorUtilities.CreateInstance<ModerationScheduler>(_core.Provider);
        _time.Advance(TimeSpan.FromHours(2));

        var posted = await scheduler.RunDueWorkAsync(CancellationToken.None);

        Assert.False(posted);
        _discord.Verify(m => m.PostAsync(It.IsAny<string>(), It.IsAny<BotReply>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
        _discord.Verify(m => m.PostAsync(It.IsAny<string>(), It.IsAny<BotReply>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_ask_without_a_confident_answer_reaches_the_gap_store()
    {
        await _core.TypeAsync("/ask who won the world cup");

        var top = await _core.Get<AnswerGapStore>().TopAsync("local:", _time.GetUtcNow().AddDays(-30), 10, CancellationToken.None);

        Assert.Equal("who won the world cup", Assert.Single(top).Question);
    }
}
