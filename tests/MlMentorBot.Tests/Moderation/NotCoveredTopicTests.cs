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

    /// <summary>
    /// "Coursera or edX, which is better": the online-courses passage names both side by side, so the reply says the sources
    /// do not choose, quotes that passage with its source, points to the communities, and the question reaches
    /// <c>/kb gaps</c>; once a
    /// moderator writes a sentence that chooses, that passage answers.
    /// </summary>
    [Fact]
    public async Task A_choice_the_sources_do_not_rank_is_a_gap_until_a_moderator_writes_which_to_choose()
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });
        const string Question = "coursera or edx, which is better for ml?";

        var before = await host.TypeAsync("/ask " + Question);
        Assert.Equal("My sources don't rank these", before.Title);
        Assert.Equal(ReplyTone.Warning, before.Tone);
        Assert.Contains("name **Coursera** and **edX** side by side, but neither source sets them apart or says which to choose", before.Sections[0].Markdown, StringComparison.Ordinal);
        Assert.Equal("Online courses — Where to take them", before.Sections[1].Heading);
        Assert.Contains("Coursera", before.Sections[1].Markdown, StringComparison.Ordinal);
        Assert.Contains("`/resources online-courses`", before.Sections[1].Markdown, StringComparison.Ordinal);
        Assert.NotEmpty(before.Sources);
        Assert.Contains(before.Actions, a => a.CommandLine == "/resources online-courses");
        Assert.Contains(before.Actions, a => a.CommandLine == "/resources communities");
        Assert.Contains(Question, await host.ModeratorAsync("/kb gaps"), StringComparison.Ordinal);

        host.Edit("resources/online-courses.md", text => text.Replace("because\nthey are flexible and affordable.",
            "because\nthey are flexible and affordable. Pick either Coursera or edX: the course matters more than the platform.", StringComparison.Ordinal));
        var outcome = host.Knowledge.Reload("test");
        Assert.True(outcome.IsApplied, string.Join("\n", outcome.Result.Problems));

        var after = await host.TypeAsync("/ask " + Question);
        Assert.Equal("resources.online-courses", after.EntryId);
        Assert.Contains("Pick either Coursera or edX", string.Join("\n", after.Sections.Select(s => s.Markdown)), StringComparison.Ordinal);
    }
}
