using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.Moderation;

/// <summary>
/// Topics the sources do not cover (front matter <c>not_covered</c>, issue #14): a question naming one gets the honest reply,
/// which names the topic, and reaches <c>/kb gaps</c>, instead of a passage that shares its other words; once a moderator
/// writes a passage that names the topic, that passage answers, and the validator says the list is out of date.
/// </summary>
[Collection(ModerationHost.Collection)]
public sealed class NotCoveredTopicTests
{
    [Fact]
    public async Task A_question_about_a_topic_the_sources_do_not_cover_is_a_gap_until_a_moderator_writes_about_it()
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });
        const string Question = "which cloud should i learn for ml, aws gcp or azure";

        var before = await host.TypeAsync("/ask " + Question);
        Assert.Equal("That's not in my knowledge", before.Title);
        Assert.Equal(ReplyTone.Warning, before.Tone);
        Assert.Contains("nothing there answers this about **gcp**", before.Sections[0].Markdown, StringComparison.Ordinal);
        var gaps = await host.ModeratorAsync("/kb gaps");
        Assert.Contains(Question, gaps, StringComparison.Ordinal);
        Assert.Contains("list that topic in the entry's not_covered", gaps.Replace("`", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // In the member's own spelling, and also when another rule turned the question away first.
        Assert.Contains("answers this about **GenAI**", (await host.TypeAsync("/ask Is GenAI going to replace MLEs?")).Sections[0].Markdown, StringComparison.Ordinal);

        host.Edit("skills/deployment.md", text => text.Replace("- **Cloud platforms**", "- **Cloud platforms** (AWS, GCP or Azure: the skills carry over)", StringComparison.Ordinal));
        var outcome = host.Knowledge.Reload("test");
        Assert.True(outcome.IsApplied, string.Join("\n", outcome.Result.Problems));
        Assert.Contains(outcome.Result.Problems, p => p.Severity == Core.Knowledge.ProblemSeverity.Warning
            && p.File == "synonyms.md" && p.Message.StartsWith("not_covered 'gcp' is used by 'skills.deployment'", StringComparison.Ordinal));

        var after = await host.TypeAsync("/ask " + Question);
        Assert.Equal("skills.deployment", after.EntryId);
        Assert.Contains("GCP", string.Join("\n", after.Sections.Select(s => s.Markdown)), StringComparison.Ordinal);
    }
}
