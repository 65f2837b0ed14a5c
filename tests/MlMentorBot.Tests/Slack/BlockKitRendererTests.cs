using System.Text.Json;
using System.Text.Json.Nodes;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Tests.Slack;

public sealed class BlockKitRendererTests
{
    /// <summary>The JSON Slack would receive, so assertions read the wire format rather than our records.</summary>
    private static JsonObject Wire(BotReply reply) =>
        JsonNode.Parse(JsonSerializer.Serialize(MessagePayload.From(BlockKitRenderer.Render(reply)), SlackJsonContext.Wire.MessagePayload))!.AsObject();

    private static JsonArray Blocks(JsonObject wire) => wire["blocks"]!.AsArray();

    private static IEnumerable<string> AllTexts(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v ? [v.GetValue<string>()] : p.Value is null ? [] : AllTexts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : AllTexts(n)),
        _ => [],
    };

    [Fact]
    public void A_reply_renders_header_sections_fields_sources_and_buttons_in_that_order()
    {
        var wire = Wire(new BotReply
        {
            Title = "ML engineer roadmap",
            Sections = [new ReplySection("Foundations", "**Maths** and *statistics*, see [the guide](https://example.com/a?b=1&c=2)\n- Python\n- SQL")],
            Fields = [new ReplyField("Entry", "$100k")],
            Sources = [new SourceCitation("Salary survey", "Glassdoor", 2024)],
            Actions = [new SuggestedAction("Mark done", "/progress mark roadmap.foundations.math done", ActionStyle.Primary)],
        });

        var blocks = Blocks(wire);
        Assert.Equal(["header", "section", "section", "context", "actions"], blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("in_channel", wire["response_type"]!.GetValue<string>());
        Assert.Equal("ML engineer roadmap", blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("plain_text", blocks[0]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal("*Foundations*\n*Maths* and _statistics_, see <https://example.com/a?b=1&amp;c=2|the guide>\n• Python\n• SQL",
            blocks[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("*Entry*\n$100k", blocks[2]!["fields"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("Salary survey — Glassdoor, 2024", blocks[3]!["elements"]![0]!["text"]!.GetValue<string>());
        var button = blocks[4]!["elements"]![0]!;
        Assert.Equal("button", button["type"]!.GetValue<string>());
        Assert.Equal("/progress mark roadmap.foundations.math done", button["value"]!.GetValue<string>());
        Assert.Equal("primary", button["style"]!.GetValue<string>());
        Assert.StartsWith(BlockKitRenderer.ActionIdPrefix, button["action_id"]!.GetValue<string>());
        Assert.Contains("ML engineer roadmap", wire["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_private_reply_is_ephemeral()
    {
        var wire = Wire(BotReply.Problem("Unknown command", "Try `/help`."));
        Assert.Equal("ephemeral", wire["response_type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("<!channel> hi")]
    [InlineData("<!here>")]
    [InlineData("<!everyone>")]
    [InlineData("<@U12345678>")]
    [InlineData("<!subteam^S123>")]
    [InlineData("[click](https://x.example/<!channel>)")]
    public void User_text_can_never_become_a_mention(string userText)
    {
        var wire = Wire(new BotReply
        {
            Title = userText,
            Sections = [new ReplySection(userText, userText)],
            Fields = [new ReplyField(userText, userText)],
            Sources = [new SourceCitation(userText, userText)],
        });

        foreach (var text in AllTexts(wire))
        {
            Assert.False(text.Contains("<!") || text.Contains("<@"), text);
        }
    }

    [Fact]
    public void Ampersands_and_angle_brackets_are_escaped_and_nothing_else_is()
    {
        var wire = Wire(new BotReply { Title = "t", Sections = [new ReplySection(null, "a & b < c > d \"e\" 'f'")] });
        Assert.Equal("a &amp; b &lt; c &gt; d \"e\" 'f'", Blocks(wire)[1]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Code_spans_keep_their_stars()
    {
        var wire = Wire(new BotReply { Title = "t", Sections = [new ReplySection(null, "Run `a**b*c` then **go**")] });
        Assert.Equal("Run `a**b*c` then *go*", Blocks(wire)[1]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_aimed_at_member_is_the_only_mention()
    {
        var wire = Wire(new BotReply { Title = "For you", Sections = [new ReplySection(null, "hi @here")], AimedAtUserId = "U0ABCDEF1", IsPrivate = true });
        Assert.Equal("in_channel", wire["response_type"]!.GetValue<string>());
        Assert.StartsWith("<@U0ABCDEF1>", Blocks(wire)[1]!["text"]!["text"]!.GetValue<string>());
        Assert.StartsWith("<@U0ABCDEF1>", wire["text"]!.GetValue<string>());
    }

    [Fact]
    public void An_aimed_at_id_that_is_not_a_user_id_renders_no_mention()
    {
        var wire = Wire(new BotReply { Title = "For you", AimedAtUserId = "!channel" });
        Assert.DoesNotContain(AllTexts(wire), t => t.Contains('<'));
    }

    [Fact]
    public void A_long_title_is_cut_to_150_characters_with_an_ellipsis()
    {
        var header = Blocks(Wire(new BotReply { Title = new string('t', 400) }))[0]!["text"]!["text"]!.GetValue<string>();
        Assert.Equal(150, header.Length);
        Assert.EndsWith("…", header);
    }

    [Fact]
    public void A_long_section_is_split_into_sections_of_at_most_3000_characters_without_losing_text()
    {
        var lines = Enumerable.Range(0, 400).Select(i => $"- step {i:000} learn something useful & practical").ToList();
        var blocks = Blocks(Wire(new BotReply { Title = "t", Sections = [new ReplySection(null, string.Join("\n", lines))] }));

        var sections = blocks.Skip(1).Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.True(sections.Count > 1);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, BlockKitRenderer.MaxSectionText));
        Assert.Equal(string.Join("\n", lines.Select(l => "• " + l[2..].Replace("&", "&amp;", StringComparison.Ordinal))), string.Join("\n", sections));
    }

    [Fact]
    public void A_single_line_longer_than_a_section_is_split_without_breaking_an_entity()
    {
        var text = string.Concat(Enumerable.Repeat("a&b ", 2000));
        var sections = Blocks(Wire(new BotReply { Title = "t", Sections = [new ReplySection(null, text)] }))
            .Skip(1).Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.All(sections, s => Assert.InRange(s.Length, 1, BlockKitRenderer.MaxSectionText));
        Assert.All(sections, s => Assert.DoesNotMatch("&(?!amp;)", s));
    }

    [Fact]
    public void A_code_fence_split_across_sections_is_closed_and_reopened()
    {
        var code = "```\n" + string.Join("\n", Enumerable.Range(0, 300).Select(i => $"print({i}) # some code here")) + "\n```";
        var sections = Blocks(Wire(new BotReply { Title = "t", Sections = [new ReplySection(null, code)] }))
            .Skip(1).Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.True(sections.Count > 1);
        Assert.All(sections, s => Assert.Equal(0, (s.Split("```").Length - 1) % 2));
    }

    [Fact]
    public void More_than_50_blocks_are_cut_with_a_visible_notice_keeping_sources_and_buttons()
    {
        var wire = Wire(new BotReply
        {
            Title = "Many",
            Sections = Enumerable.Range(0, 80).Select(i => new ReplySection(null, $"section {i}")).ToList(),
            Sources = [new SourceCitation("Source", "Publisher")],
            Actions = [new SuggestedAction("Next step", "/roadmap")],
        });

        var blocks = Blocks(wire);
        Assert.Equal(BlockKitRenderer.MaxBlocks, blocks.Count);
        Assert.Equal("actions", blocks[^1]!["type"]!.GetValue<string>());
        Assert.Equal("context", blocks[^2]!["type"]!.GetValue<string>());
        Assert.Contains("…", blocks[^3]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Fields_go_ten_to_a_section_and_each_is_cut_to_2000_characters()
    {
        var blocks = Blocks(Wire(new BotReply
        {
            Title = "t",
            Fields = Enumerable.Range(0, 15).Select(i => new ReplyField($"f{i}", new string('v', i == 0 ? 5000 : 10))).ToList(),
        }));

        Assert.Equal(10, blocks[1]!["fields"]!.AsArray().Count);
        Assert.Equal(5, blocks[2]!["fields"]!.AsArray().Count);
        var first = blocks[1]!["fields"]![0]!["text"]!.GetValue<string>();
        Assert.Equal(BlockKitRenderer.MaxFieldText, first.Length);
        Assert.EndsWith("…", first);
    }

    [Fact]
    public void Button_labels_are_cut_to_75_characters_and_too_long_commands_are_not_buttons()
    {
        var blocks = Blocks(Wire(new BotReply
        {
            Title = "t",
            Actions = [new SuggestedAction(new string('l', 100), "/roadmap"), new SuggestedAction("Huge", "/ask " + new string('q', 2500))],
        }));

        var buttons = blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();
        var label = Assert.Single(buttons)!["text"]!["text"]!.GetValue<string>();
        Assert.Equal(BlockKitRenderer.MaxButtonText, label.Length);
        Assert.EndsWith("…", label);
    }

    [Fact]
    public void A_modal_carries_its_command_in_private_metadata_and_names_inputs_after_fields()
    {
        var view = BlockKitRenderer.RenderModal(
            new ModalForm("/checkin", "Weekly check-in for the study group", [new ModalField("done", "What did you finish?", Placeholder: "Chapter 3")]),
            "C123")!;
        var wire = JsonNode.Parse(JsonSerializer.Serialize(new ViewsOpenRequest("trigger", view), SlackJsonContext.Wire.ViewsOpenRequest))!["view"]!;

        Assert.Equal("modal", wire["type"]!.GetValue<string>());
        Assert.Equal(BlockKitRenderer.MaxModalTitle, wire["title"]!["text"]!.GetValue<string>().Length);
        Assert.Equal("""{"command":"/checkin","channel":"C123"}""", wire["private_metadata"]!.GetValue<string>());
        var input = wire["blocks"]![0]!;
        Assert.Equal("input", input["type"]!.GetValue<string>());
        Assert.Equal("done", input["block_id"]!.GetValue<string>());
        Assert.Equal("done", input["element"]!["action_id"]!.GetValue<string>());
        Assert.Equal("plain_text_input", input["element"]!["type"]!.GetValue<string>());
        Assert.False(input["optional"]!.GetValue<bool>());
    }
}
