using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.Moderation;

/// <summary>
/// The moderators' way to fix a question /ask turns away (issue #14): list it under the entry that answers it (front matter
/// <c>questions</c>), reload, and the same question, however it is capitalised or punctuated, is answered from that entry;
/// its words join the members' words /ask knows.
/// </summary>
[Collection(ModerationHost.Collection)]
public sealed class ListedQuestionTests
{
    [Fact]
    public async Task A_question_turned_away_is_answered_from_the_entry_a_moderator_lists_it_under()
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });
        const string NotInKnowledge = "That's not in my knowledge";

        Assert.Equal(NotInKnowledge, (await host.TypeAsync("/ask how do i not burn out learning all this")).Title);
        Assert.Equal(NotInKnowledge, (await host.TypeAsync("/ask is a bootcamp a ripoff")).Title);
        var gaps = await host.ModeratorAsync("/kb gaps");
        Assert.Contains("how do i not burn out learning all this", gaps, StringComparison.Ordinal);
        Assert.Contains("in that entry's questions list", gaps.Replace("`", "", StringComparison.Ordinal), StringComparison.Ordinal);

        host.Edit("roadmap/07-stay-current.md", text => text.Replace("questions:\n", "questions:\n  - how do i not burn out learning all this\n", StringComparison.Ordinal));
        host.Edit("resources/bootcamps.md", text => text.Replace("questions:\n", "questions:\n  - is a bootcamp a ripoff\n", StringComparison.Ordinal));
        var outcome = host.Knowledge.Reload("test");
        Assert.True(outcome.IsApplied, string.Join("\n", outcome.Result.Problems));

        var listed = await host.TypeAsync("/ask How do I NOT burn out, learning all this?");
        Assert.Equal("roadmap.stay-current", listed.EntryId);
        Assert.NotEqual(ReplyTone.Warning, listed.Tone);
        Assert.Equal("resources.bootcamps", (await host.TypeAsync("/ask is a bootcamp a ripoff")).EntryId);
        // Their words are members' words now ("ripoff"), so a like question about a covered topic is answered too, while one
        // about a topic the knowledge never names is still turned away.
        Assert.Equal("resources.degrees", (await host.TypeAsync("/ask is a phd a ripoff")).EntryId);
        Assert.Equal(NotInKnowledge, (await host.TypeAsync("/ask is a timeshare a ripoff")).Title);
    }
}
