using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Knowledge;

/// <summary>Issue #13 item 11: every command a knowledge file mentions must answer, checked on validate and on every load.</summary>
public sealed class CommandMentionTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_command_the_shipped_knowledge_mentions_answers_without_a_problem()
    {
        var mentions = KnowledgeLoader.Load(RepoPaths.Knowledge).Entries.SelectMany(e => e.CommandMentions).Select(m => m.Text).Distinct().ToList();
        using var core = new CoreServices();

        Assert.True(mentions.Count > 20, "the shipped files point members at many commands");
        foreach (var mention in mentions)
        {
            var reply = await core.TypeAsync(mention);
            Assert.True(reply.Tone is not (ReplyTone.Warning or ReplyTone.Error), $"{mention} answers \"{reply.Title}\"");
        }
    }

    [Theory]
    [InlineData("`/salary factors`", "there is no salary level 'factors'; there are average, entry, experienced, senior")]
    [InlineData("`/career growth`", "I don't know the command '/career'")]
    [InlineData("`/progress shwo`", "'/progress' has no subcommand 'shwo'")]
    [InlineData("`/progress mark roadmap.foundations.math finished`", "'finished' is not a valid status")]
    [InlineData("`/progress mark roadmap.foundations.nothing done`", "there is no roadmap step 'roadmap.foundations.nothing'")]
    [InlineData("`/skills cooking`", "there is no skill area 'cooking'; there are")]
    [InlineData("`/roadmap cooking`", "there is no roadmap stage 'cooking'")]
    public void Validate_reports_a_mention_that_does_not_answer_with_file_and_line(string mention, string message)
    {
        var knowledge = RepoPaths.CopyKnowledgeTo(_temp.File("kb"));
        File.AppendAllText(Path.Combine(knowledge, "skills", "traits.md"), $"\nOne more pointer:\n{mention} is where to look.\n");
        var line = File.ReadAllLines(Path.Combine(knowledge, "skills", "traits.md")).Length;

        var problem = Assert.Single(KnowledgeLoader.Load(knowledge).Problems);

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.StartsWith($"skills/traits.md:{line}: error: '{mention.Trim('`')}' does not answer: ", problem.ToString());
        Assert.Contains(message, problem.ToString());
    }

    [Theory]
    [InlineData("`/salary`")]
    [InlineData("`/salary junior`")]
    [InlineData("`/skills maths`")]
    [InlineData("`/progress mark math done`")]
    [InlineData("`/ask anything at all`")]
    [InlineData("`/etc/hosts`")]
    public void Mentions_that_answer_and_paths_that_are_not_commands_pass(string mention)
    {
        var knowledge = RepoPaths.CopyKnowledgeTo(_temp.File("kb"));
        File.AppendAllText(Path.Combine(knowledge, "skills", "traits.md"), $"\nSee {mention}.\n");

        Assert.Empty(KnowledgeLoader.Load(knowledge).Problems);
    }

    [Fact]
    public void A_reload_that_adds_a_broken_mention_is_refused_and_the_old_knowledge_keeps_serving()
    {
        var knowledge = RepoPaths.CopyKnowledgeTo(_temp.File("kb"));
        var service = new KnowledgeService(Options.Create(new KnowledgeOptions { Path = knowledge }), new ContentRoot(_temp.Path),
            TimeProvider.System, NullLogger<KnowledgeService>.Instance);
        var before = service.Current;
        File.AppendAllText(Path.Combine(knowledge, "salary", "figures.md"), "\nWhat moves pay: `/salary factors`.\n");

        var outcome = service.Reload("file change");

        Assert.False(outcome.IsApplied);
        Assert.Contains(outcome.Result.Problems, p => p.File == "salary/figures.md" && p.Message.Contains("/salary factors", StringComparison.Ordinal));
        Assert.Same(before, service.Current);
    }
}
