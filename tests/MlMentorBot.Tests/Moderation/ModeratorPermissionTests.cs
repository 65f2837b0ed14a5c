using Microsoft.Extensions.Logging.Abstractions;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using Moq;

namespace MlMentorBot.Tests.Moderation;

[Collection(ModerationHost.Collection)]
public sealed class ModeratorPermissionTests
{
    public static TheoryData<string, string, string> Members => new()
    {
        { "discord", "81384788765712384", "80351110224678912" },
        { "slack", "T0001", "U0123ABCD" },
        { "local", "", "alice" },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public async Task Every_kb_subcommand_refuses_a_member_who_is_not_a_moderator(string platform, string workspace, string user)
    {
        var kb = KbHandlerMock();
        var dispatcher = new CommandDispatcher([kb.Object], NullLogger<CommandDispatcher>.Instance);

        foreach (var sub in CommandCatalog.Find("kb")!.Subcommands)
        {
            var reply = await dispatcher.DispatchAsync(
                new CommandRequest("kb", sub.Name, new Dictionary<string, string>(), new MemberKey(platform, workspace, user)) { IsModerator = false },
                CancellationToken.None);

            Assert.Equal("Moderators only", reply.Title);
            Assert.True(reply.IsPrivate);
        }

        kb.Verify(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [MemberData(nameof(Members))]
    public async Task A_moderator_on_any_platform_reaches_the_kb_handler(string platform, string workspace, string user)
    {
        var kb = KbHandlerMock();
        var dispatcher = new CommandDispatcher([kb.Object], NullLogger<CommandDispatcher>.Instance);

        var reply = await dispatcher.DispatchAsync(
            new CommandRequest("kb", "status", new Dictionary<string, string>(), new MemberKey(platform, workspace, user)) { IsModerator = true },
            CancellationToken.None);

        Assert.Equal("ok", reply.Title);
    }

    [Fact]
    public async Task Typed_kb_commands_are_refused_in_the_local_chat_without_the_moderator_flag()
    {
        using var host = new ModerationHost();

        var reply = await host.TypeAsync("/kb reload");

        Assert.Equal("Moderators only", reply.Title);
        Assert.Equal("start-up", host.Knowledge.LastOutcome!.Trigger); // nothing was reloaded
        Assert.DoesNotContain("/kb", PlainTextRenderer.Render(await host.TypeAsync("/help")));
    }

    [Fact]
    public void The_kb_command_is_declared_moderator_only_so_adapters_can_restrict_it()
    {
        var kb = CommandCatalog.Find("kb");

        Assert.NotNull(kb);
        Assert.True(kb.IsModeratorOnly);
        Assert.Equal(["status", "reload", "history", "gaps", "stats"], kb.Subcommands.Select(s => s.Name));
    }

    private static Mock<ICommandHandler> KbHandlerMock()
    {
        var kb = new Mock<ICommandHandler>();
        kb.SetupGet(h => h.CommandName).Returns("kb");
        kb.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new BotReply { Title = "ok" });
        return kb;
    }
}
