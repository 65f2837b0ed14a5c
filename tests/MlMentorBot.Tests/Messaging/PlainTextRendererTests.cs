using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.Messaging;

/// <summary>The local chat's text: member text escaped for Discord and Slack reads as typed, code keeps its backslashes.</summary>
public sealed class PlainTextRendererTests
{
    [Theory]
    [InlineData("Blockers (optional)")]
    [InlineData("*not bold* and _not italic_")]
    [InlineData("[click](https://evil.example)")]
    [InlineData(@"a \ backslash, a # hash, a - dash")]
    [InlineData("\uE000 and \uE801 private-use characters beside *stars*")]
    public void Member_text_escaped_for_the_platforms_prints_as_typed(string typed) =>
        Assert.Equal(typed, PlainTextRenderer.Flatten(UserText.Escape(typed)));

    [Fact]
    public void Markdown_around_escaped_text_is_still_flattened_and_code_keeps_its_backslashes()
    {
        Assert.Equal("Done: *shipped* it", PlainTextRenderer.Flatten("**Done:** " + UserText.Escape("*shipped* it")));
        Assert.Equal("{\"a\": \"b\\\\c \\\"q\\\"\"}\n", PlainTextRenderer.Flatten("```json\n{\"a\": \"b\\\\c \\\"q\\\"\"}\n```"));
    }
}
