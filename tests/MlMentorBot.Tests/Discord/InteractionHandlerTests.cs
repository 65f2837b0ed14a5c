using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;
using Moq;

namespace MlMentorBot.Tests.Discord;

public sealed class InteractionHandlerTests
{
    private readonly FakeDiscordApi _api = new();
    private readonly Mock<ICommandDispatcher> _dispatcher = new();
    private readonly Mock<IAutocompleteProvider> _autocomplete = new();
    private readonly CustomIdCodec _codec = new();

    private InteractionHandler Handler(int deferAfterMs = 2000)
    {
        var options = FakeRest.Options(o => o.AckBudget = TimeSpan.FromMilliseconds(deferAfterMs));
        return new InteractionHandler(_dispatcher.Object, new MessageRenderer(_codec), _codec, FakeRest.Client(_api, options),
            Options.Create(options), TimeProvider.System, NullLogger<InteractionHandler>.Instance, _autocomplete.Object);
    }

    private static Interaction Fixture(string name) => JsonSerializer.Deserialize(DiscordFixtures.Bytes(name), DiscordJson.Default.Interaction)!;

    private async Task<InteractionResponse> AnswerAsync(InteractionHandler handler, Interaction interaction, long? receivedAt = null)
    {
        var responses = new List<InteractionResponse>();
        await handler.HandleAsync(interaction, receivedAt ?? TimeProvider.System.GetTimestamp(), r =>
        {
            responses.Add(r);
            return Task.CompletedTask;
        }, CancellationToken.None);
        return Assert.Single(responses);
    }

    [Fact]
    public async Task A_guild_command_is_dispatched_with_guild_member_key_options_and_permissions()
    {
        CommandRequest? seen = null;
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()))
            .Callback<CommandRequest, CancellationToken>((r, _) => seen = r)
            .ReturnsAsync(new BotReply { Title = "Roadmap" });

        var response = await AnswerAsync(Handler(), Fixture("command_roadmap_guild.json"));

        Assert.Equal(CallbackType.ChannelMessageWithSource, response.Type);
        Assert.Equal(new MemberKey("discord", "1111111111111111111", "4444444444444444444"), seen!.Member);
        Assert.Equal("roadmap", seen.Command);
        Assert.Equal("foundations", seen.Options["stage"]);
        Assert.Equal("2222222222222222222", seen.ChannelId);
        Assert.Equal("Ada", seen.DisplayName);
        Assert.False(seen.IsModerator); // 2248473465835073 has neither ADMINISTRATOR (8) nor MANAGE_GUILD (32)
    }

    [Fact]
    public async Task A_dm_command_keys_the_member_without_a_guild_and_unwraps_the_subcommand()
    {
        CommandRequest? seen = null;
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()))
            .Callback<CommandRequest, CancellationToken>((r, _) => seen = r)
            .ReturnsAsync(new BotReply { Title = "Marked", IsPrivate = true });

        var response = await AnswerAsync(Handler(), Fixture("command_progress_mark_dm.json"));

        Assert.Equal(new MemberKey("discord", "", "6666666666666666666"), seen!.Member);
        Assert.Equal(("progress", "mark"), (seen.Command, seen.Subcommand));
        Assert.Equal("roadmap.foundations.math", seen.Options["step"]);
        Assert.Equal("done", seen.Options["status"]);
        Assert.Equal(64, ((MessagePayload)response.Data!).Flags);
    }

    [Theory]
    [InlineData("8", true)]
    [InlineData("32", true)]
    [InlineData("40", true)]
    [InlineData("2248473465835073", false)]
    [InlineData("not a number", false)]
    public void Moderators_are_members_with_administrator_or_manage_guild(string permissions, bool isModerator) =>
        Assert.Equal(isModerator, InteractionCommands.IsModerator(new GuildMember { Permissions = permissions }));

    [Fact]
    public async Task A_slow_command_is_deferred_privately_and_finished_by_editing_original()
    {
        var release = new TaskCompletionSource<BotReply>();
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).Returns(release.Task);
        var handler = Handler(deferAfterMs: 100);
        var responses = new List<InteractionResponse>();

        var handling = handler.HandleAsync(Fixture("command_roadmap_guild.json"), TimeProvider.System.GetTimestamp(), r =>
        {
            responses.Add(r);
            return Task.CompletedTask;
        }, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (responses.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var deferred = Assert.Single(responses);
        release.SetResult(new BotReply { Title = "Slow but private", IsPrivate = true });
        await handling;

        Assert.Equal(CallbackType.DeferredChannelMessageWithSource, deferred.Type);
        Assert.Equal(64, ((MessagePayload)deferred.Data!).Flags);
        var edit = Assert.Single(_api.Requests);
        Assert.Equal("PATCH", edit.Method);
        Assert.Equal("/api/v10/webhooks/1143372838210596935/aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMDAwMTpyb2FkbWFwdG9rZW4/messages/@original", edit.Path);
        Assert.Contains("Slow but private", edit.Body);
    }

    [Fact]
    public async Task A_slow_public_reply_replaces_the_private_placeholder_with_a_public_follow_up()
    {
        // The reply is held until the deferral has gone out (not timed against it), so a loaded machine cannot reorder the two.
        var release = new TaskCompletionSource<BotReply>();
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).Returns(release.Task);
        var deferredSent = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);

        var handling = Handler(deferAfterMs: 50).HandleAsync(Fixture("command_roadmap_guild.json"), TimeProvider.System.GetTimestamp(), r =>
        {
            deferredSent.TrySetResult(r);
            return Task.CompletedTask;
        }, CancellationToken.None);
        var deferred = await deferredSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult(new BotReply { Title = "Public roadmap" });
        await handling;

        Assert.Equal(CallbackType.DeferredChannelMessageWithSource, deferred.Type);
        Assert.Equal(["DELETE", "POST"], _api.Requests.Select(r => r.Method));
        Assert.Contains("Public roadmap", _api.Requests.Last().Body);
        Assert.DoesNotContain("\"flags\"", _api.Requests.Last().Body);
    }

    [Fact]
    public async Task The_deadline_is_timed_from_receipt_so_an_interaction_received_long_ago_defers_at_once()
    {
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(100);
                return new BotReply { Title = "Late" };
            });
        var receivedTwoSecondsAgo = TimeProvider.System.GetTimestamp() - 2 * TimeProvider.System.TimestampFrequency;

        var response = await AnswerAsync(Handler(deferAfterMs: 1500), Fixture("command_roadmap_guild.json"), receivedTwoSecondsAgo);

        Assert.Equal(CallbackType.DeferredChannelMessageWithSource, response.Type);
    }

    [Fact]
    public async Task A_button_on_our_private_reply_runs_its_command_as_the_presser_and_updates_that_message()
    {
        string? line = null;
        MemberKey? member = null;
        _dispatcher.Setup(d => d.DispatchTextAsync(It.IsAny<string>(), It.IsAny<MemberKey>(), It.IsAny<Func<CommandRequest, CommandRequest>?>(), It.IsAny<CancellationToken>()))
            .Callback<string, MemberKey, Func<CommandRequest, CommandRequest>?, CancellationToken>((l, m, _, _) => (line, member) = (l, m))
            .ReturnsAsync(new BotReply { Title = "Your progress", IsPrivate = true });

        var response = await AnswerAsync(Handler(), Fixture("component_button_on_private_reply.json"));

        Assert.Equal("/progress show", line);
        Assert.Equal("4444444444444444444", member!.UserId);
        Assert.Equal(CallbackType.UpdateMessage, response.Type);
        Assert.Null(((MessagePayload)response.Data!).Flags);
    }

    [Fact]
    public async Task A_button_on_a_public_message_answers_with_a_new_message()
    {
        _dispatcher.Setup(d => d.DispatchTextAsync(It.IsAny<string>(), It.IsAny<MemberKey>(), It.IsAny<Func<CommandRequest, CommandRequest>?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BotReply { Title = "Your progress", IsPrivate = true });
        var interaction = Fixture("component_button_on_private_reply.json");
        interaction = interaction with { Message = interaction.Message! with { Flags = 0 } };

        var response = await AnswerAsync(Handler(), interaction);

        Assert.Equal(CallbackType.ChannelMessageWithSource, response.Type);
        Assert.Equal(64, ((MessagePayload)response.Data!).Flags);
    }

    [Fact]
    public async Task A_reply_with_a_form_opens_a_modal()
    {
        _dispatcher.Setup(d => d.DispatchAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new BotReply { Title = "Check in", Modal = new ModalForm("/ask", "Ask", [new ModalField("question", "Your question")]) });

        var response = await AnswerAsync(Handler(), Fixture("command_roadmap_guild.json"));

        Assert.Equal(CallbackType.Modal, response.Type);
        Assert.Equal("m:/ask", ((ModalPayload)response.Data!).CustomId);
    }

    [Theory]
    [InlineData("modal_submit_label.json", "How much does an entry level ML engineer earn?")]
    [InlineData("modal_submit_action_row.json", "Which certifications help?")]
    public async Task Both_modal_shapes_dispatch_the_form_command_with_each_field_as_a_structured_value(string fixture, string question)
    {
        CommandInput? input = null;
        _dispatcher.Setup(d => d.DispatchInputAsync(It.IsAny<CommandInput>(), It.IsAny<MemberKey>(), It.IsAny<Func<CommandRequest, CommandRequest>?>(), It.IsAny<CancellationToken>()))
            .Callback<CommandInput, MemberKey, Func<CommandRequest, CommandRequest>?, CancellationToken>((i, _, _, _) => input = i)
            .ReturnsAsync(new BotReply { Title = "Answer" });

        var response = await AnswerAsync(Handler(), Fixture(fixture));

        Assert.Equal("/ask", input!.CommandLine);
        Assert.Equal(question, input.Fields["question"]);
        Assert.Equal(CallbackType.ChannelMessageWithSource, response.Type);
    }

    [Fact]
    public async Task A_modal_value_with_both_kinds_of_quote_reaches_the_command_unchanged()
    {
        const string tricky = "it's \"tricky\" field0 \u0001";
        CommandRequest? parsed = null;
        _dispatcher.Setup(d => d.DispatchInputAsync(It.IsAny<CommandInput>(), It.IsAny<MemberKey>(), It.IsAny<Func<CommandRequest, CommandRequest>?>(), It.IsAny<CancellationToken>()))
            .Callback<CommandInput, MemberKey, Func<CommandRequest, CommandRequest>?, CancellationToken>((i, m, configure, _) =>
                parsed = configure!(CommandTextParser.Parse(i, m).Request!))
            .ReturnsAsync(new BotReply { Title = "Answer" });
        var interaction = Fixture("modal_submit_label.json");
        var label = interaction.Data!.Components![0];
        interaction = interaction with
        {
            Data = interaction.Data with { Components = [label with { Component = label.Component! with { Value = tricky } }] },
        };

        await AnswerAsync(Handler(), interaction);

        Assert.Equal(tricky, parsed!.Options["question"]);
    }

    [Fact]
    public async Task Autocomplete_suggests_at_most_25_choices_from_the_option_source()
    {
        _autocomplete.Setup(a => a.Suggest(AutocompleteSource.RoadmapStage, "fou", It.IsAny<MemberKey>()))
            .Returns(Enumerable.Range(0, 40).Select(i => new OptionChoice($"Foundations {i}", $"foundations-{i}")).ToList());

        var response = await AnswerAsync(Handler(), Fixture("autocomplete_roadmap_stage.json"));

        Assert.Equal(CallbackType.AutocompleteResult, response.Type);
        var choices = ((AutocompletePayload)response.Data!).Choices;
        Assert.Equal(25, choices.Count);
        Assert.Equal("foundations-0", choices[0].Value);
    }

    [Fact]
    public async Task An_expired_hashed_button_gets_a_private_explanation_not_silence()
    {
        var interaction = Fixture("component_button_on_private_reply.json");
        interaction = interaction with { Data = interaction.Data! with { CustomId = "c:h:forgottenafterrestart" }, Message = interaction.Message! with { Flags = 0 } };

        var response = await AnswerAsync(Handler(), interaction);

        Assert.Contains("expired", ((MessagePayload)response.Data!).Embeds![0].Title);
        _dispatcher.VerifyNoOtherCalls();
    }
}
