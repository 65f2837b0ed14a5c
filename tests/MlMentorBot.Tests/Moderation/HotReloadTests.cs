using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Replies;
using Moq;

namespace MlMentorBot.Tests.Moderation;

[Collection(ModerationHost.Collection)]
public sealed class HotReloadTests
{
    [Fact]
    public async Task A_valid_edit_is_picked_up_without_restart()
    {
        using var host = new ModerationHost();
        var before = host.Knowledge.Current.Version;
        Assert.Contains("No skill area", (await host.TypeAsync("/skills dl-frameworks")).Title);

        host.Edit("skills/frameworks.md", text => text.Replace("aliases: [ml frameworks,", "aliases: [dl-frameworks, ml frameworks,"));
        await ModerationHost.UntilAsync(() => host.Knowledge.Current.Version != before, "the edit is loaded");

        var reply = await host.TypeAsync("/skills dl-frameworks");
        Assert.Equal("ML frameworks and libraries", reply.Title);
        Assert.Equal(KnowledgeWatcherTrigger, host.Knowledge.LastOutcome!.Trigger);
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_old_answers_and_reports_file_and_line()
    {
        using var host = new ModerationHost();
        var before = host.Knowledge.Current.Version;

        host.Edit("skills/frameworks.md", text => text.Replace("title: ML frameworks and libraries\n", ""));
        await ModerationHost.UntilAsync(() => host.Knowledge.LastOutcome is { IsApplied: false }, "the broken edit is rejected");

        Assert.Equal(before, host.Knowledge.Current.Version);
        Assert.Equal("ML frameworks and libraries", (await host.TypeAsync("/skills frameworks")).Title);
        var status = await host.ModeratorAsync("/kb status");
        Assert.Contains("rejected", status);
        Assert.Contains("skills/frameworks.md:2: error: missing required field 'title'", status);
    }

    [Fact]
    public async Task Fixing_a_broken_file_serves_the_fix_and_history_shows_every_load_with_its_trigger()
    {
        using var host = new ModerationHost();
        var original = File.ReadAllText(host.File("skills/frameworks.md"));
        host.Edit("skills/frameworks.md", text => text.Replace("kind: skill-area", "kind: skill-aera"));
        await ModerationHost.UntilAsync(() => host.Knowledge.LastOutcome is { IsApplied: false }, "the broken edit is rejected");

        host.Edit("skills/frameworks.md", _ => original.Replace("## Why they matter", "## Why these tools matter"));
        await ModerationHost.UntilAsync(() => host.Knowledge.LastOutcome is { IsApplied: true, Trigger: "file change" }, "the fix is loaded");
        await ModerationHost.UntilAsync(() => host.Get<KnowledgeReloadProcessor>().LastReport?.Outcome == host.Knowledge.LastOutcome, "the fix is audited");

        var history = await host.ModeratorAsync("/kb history");
        Assert.Contains("start-up", history);
        Assert.Contains("rejected, 1 error(s), first: skills/frameworks.md:4: error: unknown kind 'skill-aera'", history);
        Assert.Contains("+0 ~1 −0: changed skills.frameworks.", history);
        Assert.Contains("None: the last load was clean.", await host.ModeratorAsync("/kb status"));
    }

    [Fact]
    public async Task Kb_reload_names_the_moderator_in_the_history()
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });
        host.Edit("resources/bootcamps.md", text => text.Replace("## Programs named", "## Programmes named"));

        var reply = await host.ModeratorAsync("/kb reload");

        Assert.Contains("Knowledge reloaded", reply);
        Assert.Contains("changed resources.bootcamps", reply);
        Assert.Contains("/kb reload by Mod (local::mod)", await host.ModeratorAsync("/kb history 1"));
    }

    [Fact]
    public async Task A_rejected_load_is_posted_to_the_moderators_channel()
    {
        var slack = new Mock<IChannelMessenger>();
        slack.SetupGet(m => m.Platform).Returns("slack");
        slack.Setup(m => m.PostAsync(It.IsAny<string>(), It.IsAny<BotReply>(), null, It.IsAny<CancellationToken>())).ReturnsAsync("1");
        using var host = new ModerationHost(
            new Dictionary<string, string?> { ["Moderation:AlertChannel:Platform"] = "slack", ["Moderation:AlertChannel:ChannelId"] = "C0MODS" },
            services => services.AddSingleton(slack.Object));

        host.Edit("salary/figures.md", text => text.Replace("    source: roadmap-article\n", "    source: nowhere\n"));
        await ModerationHost.UntilAsync(() => slack.Invocations.Any(i => i.Arguments.OfType<BotReply>().Any(r => r.Title == "Knowledge update rejected")), "the alert is posted");

        slack.Verify(m => m.PostAsync("C0MODS",
            It.Is<BotReply>(r => r.Title == "Knowledge update rejected" && r.Sections.Any(s => s.Markdown.Contains("salary/figures.md:"))),
            null, It.IsAny<CancellationToken>()));
    }

    private const string KnowledgeWatcherTrigger = KnowledgeWatcher.FileChangeTrigger;
}
