using System.Text;
using System.Text.Json;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord;
using MlMentorBot.Discord.Rendering;

namespace MlMentorBot.Tests.Discord;

public sealed class MessageRendererTests
{
    private readonly CustomIdCodec _codec = new();
    private MessageRenderer Renderer => new(_codec);

    [Fact]
    public void A_reply_becomes_one_embed_with_title_sections_fields_sources_and_tone_colour()
    {
        var reply = new BotReply
        {
            Title = "Salary",
            Sections = [new ReplySection("Entry level", "About **$95k**.")],
            Fields = [new ReplyField("Entry", "$95,000")],
            Sources = [new SourceCitation("ML Engineer Salary", "Glassdoor", 2023)],
            Tone = ReplyTone.Success,
        };

        var message = Renderer.Render(reply);

        var embed = Assert.Single(message.Embeds!);
        Assert.Equal("Salary", embed.Title);
        Assert.Equal("**Entry level**\nAbout **$95k**.", embed.Description);
        Assert.Equal("Entry", Assert.Single(embed.Fields!).Name);
        Assert.Equal("Sources: ML Engineer Salary — Glassdoor, 2023", embed.Footer!.Text);
        Assert.Equal(0x57F287, embed.Color);
        Assert.Null(message.Flags);
        Assert.Empty(message.AllowedMentions.Parse);
    }

    [Fact]
    public void Private_replies_are_ephemeral_but_channel_posts_never_are()
    {
        var reply = new BotReply { Title = "Yours", IsPrivate = true };

        Assert.Equal(64, Renderer.Render(reply).Flags);
        Assert.Null(Renderer.Render(reply, allowEphemeral: false).Flags);
    }

    [Fact]
    public void A_reply_aimed_at_a_member_is_public_and_may_ping_only_that_member()
    {
        var reply = new BotReply { Title = "Roadmap", AimedAtUserId = "4444444444444444444", IsPrivate = true };

        var message = Renderer.Render(reply);
        var json = JsonSerializer.Serialize(message, DiscordJson.Default.MessagePayload);

        Assert.Equal("<@4444444444444444444>", message.Content);
        Assert.Null(message.Flags);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[],\"users\":[\"4444444444444444444\"]}", json);
    }

    [Fact]
    public void Titles_and_field_names_are_escaped_but_section_markdown_is_kept()
    {
        var reply = new BotReply
        {
            Title = "*not* bold_",
            Sections = [new ReplySection(null, "**bold**")],
            Fields = [new ReplyField("a|b", "`x`")],
        };

        var embed = Assert.Single(Renderer.Render(reply).Embeds!);

        Assert.Equal("\\*not\\* bold\\_", embed.Title);
        Assert.Equal("**bold**", embed.Description);
        Assert.Equal("a\\|b", embed.Fields![0].Name);
    }

    [Fact]
    public void Long_text_is_split_and_truncated_within_every_embed_limit()
    {
        var paragraph = new string('x', 900);
        var reply = new BotReply
        {
            Title = new string('T', 400),
            Sections = Enumerable.Range(0, 20).Select(i => new ReplySection($"Part {i}", paragraph)).ToList(),
            Fields = Enumerable.Range(0, 40).Select(i => new ReplyField(new string('n', 300), new string('v', 2000))).ToList(),
            Sources = [new SourceCitation(new string('s', 3000), "p")],
        };

        var embeds = Renderer.Render(reply).Embeds!;

        Assert.InRange(embeds.Count, 1, MessageRenderer.EmbedsPerMessage);
        Assert.Equal(MessageRenderer.TitleLimit, embeds[0].Title!.Length);
        Assert.EndsWith("…", embeds[0].Title);
        Assert.All(embeds, e => Assert.True((e.Description?.Length ?? 0) <= MessageRenderer.DescriptionLimit));
        Assert.All(embeds, e => Assert.True((e.Fields?.Count ?? 0) <= MessageRenderer.FieldsPerEmbed));
        Assert.All(embeds.SelectMany(e => e.Fields ?? []), f => Assert.True(f.Name.Length <= 256 && f.Value.Length <= 1024));
        var total = embeds.Sum(e => (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Footer?.Text.Length ?? 0)
            + (e.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0));
        Assert.InRange(total, 5000, MessageRenderer.TotalLimit);
        Assert.Contains(embeds, e => e.Description?.EndsWith('…') == true || e.Fields?.Any(f => f.Value.EndsWith('…')) == true);
    }

    [Fact]
    public void A_description_over_4096_characters_continues_in_a_second_embed()
    {
        var reply = new BotReply { Title = "Long", Sections = [new ReplySection(null, string.Join("\n\n", Enumerable.Repeat(new string('a', 1000), 5)))] };

        var embeds = Renderer.Render(reply).Embeds!;

        Assert.Equal(2, embeds.Count);
        Assert.Null(embeds[1].Title);
        Assert.Equal(5 * 1000 + 4 * 2, embeds.Sum(e => e.Description!.Length) + 2);
    }

    [Fact]
    public void Actions_become_buttons_whose_custom_id_carries_the_command_line()
    {
        var longLine = "/ask " + new string('q', 150);
        var reply = new BotReply
        {
            Title = "Next",
            Actions =
            [
                new SuggestedAction("Mark done", "/progress mark roadmap.foundations.math done", ActionStyle.Primary),
                new SuggestedAction("Again", "/progress mark roadmap.foundations.math done"),
                new SuggestedAction("Long", longLine, ActionStyle.Danger),
            ],
        };

        var rows = Renderer.Render(reply).Components!;
        var buttons = Assert.Single(rows).Components!;

        Assert.Equal(2, buttons.Count); // duplicate command lines would give duplicate custom_ids, which Discord rejects
        Assert.Equal("c:/progress mark roadmap.foundations.math done", buttons[0].CustomId);
        Assert.Equal(1, buttons[0].Style);
        Assert.Equal(4, buttons[1].Style);
        Assert.True(buttons[1].CustomId!.Length <= CustomIdCodec.MaxLength);
        Assert.Equal(longLine, _codec.DecodeButton(buttons[1].CustomId));
    }

    [Fact]
    public void More_than_25_actions_are_capped_at_five_rows_of_five()
    {
        var reply = new BotReply { Title = "Many", Actions = Enumerable.Range(0, 40).Select(i => new SuggestedAction($"b{i}", $"/help {i}")).ToList() };

        var rows = Renderer.Render(reply).Components!;

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(5, r.Components!.Count));
    }

    [Fact]
    public void A_form_becomes_a_modal_of_labelled_text_inputs()
    {
        var form = new ModalForm("/checkin", "Weekly check-in with a title far longer than forty-five characters",
            [new ModalField("done", "What did you finish?"), new ModalField("next", "Next", IsMultiline: false, IsRequired: false, MaxLength: 9000)]);

        var modal = Renderer.RenderModal(form);
        var json = JsonSerializer.Serialize(new InteractionResponse(CallbackType.Modal, modal), DiscordJson.Default.InteractionResponse);

        Assert.Equal("m:/checkin", modal.CustomId);
        Assert.True(modal.Title.Length <= 45);
        Assert.Equal([18, 18], modal.Components.Select(c => c.Type));
        Assert.Equal(4000, modal.Components[1].Child!.MaxLength);
        Assert.Contains("\"type\":9", json);
        Assert.Contains("\"component\":{\"type\":4,\"style\":2,\"custom_id\":\"done\"", json);
    }

    [Fact]
    public void A_reused_response_is_serialised_once_and_the_flag_is_never_sent()
    {
        var reply = new BotReply { Title = "Roadmap", Sections = [new ReplySection(null, "steps")], IsReused = true };
        var reused = new InteractionResponse(CallbackType.ChannelMessageWithSource, Renderer.Render(reply)) { IsReused = true };
        var oneOff = reused with { IsReused = false };

        Assert.Same(reused.ToJson(), reused.ToJson());
        Assert.NotSame(oneOff.ToJson(), oneOff.ToJson());
        Assert.Equal(oneOff.ToJson(), reused.ToJson());
        Assert.DoesNotContain("reused", Encoding.UTF8.GetString(reused.ToJson()), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("{\"type\":4,\"data\":{", Encoding.UTF8.GetString(reused.ToJson()));
    }
}
