using System.Text.RegularExpressions;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Knowledge;

/// <summary>
/// Every command an /ask answer points a member at, as a button or as a `/command` in its text, must answer without a
/// problem: a pointer to <c>/salary factors</c> (which says "No salary level") once slipped into pay answers. And no two
/// buttons of one answer run the same command.
/// </summary>
public sealed partial class AskSuggestionsTests
{
    [Fact]
    public async Task Every_command_an_ask_answer_suggests_answers_without_a_problem()
    {
        using var core = new CoreServices();
        var questions = File.ReadAllLines(Path.Combine(RepoPaths.Root, "tests", "MlMentorBot.Tests", "Knowledge", "ask-questions.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t')[0])
            .ToList();
        var suggested = new HashSet<string>(StringComparer.Ordinal);

        foreach (var question in questions.Append("how much do ml engineers make"))
        {
            var reply = await core.TypeAsync("/ask " + question);
            // One button per command: two labels that open the same /salary would read as two different things.
            Assert.Equal(reply.Actions.Count, reply.Actions.DistinctBy(a => a.CommandLine).Count());
            suggested.UnionWith(reply.Actions.Select(a => a.CommandLine).Where(c => !c.StartsWith("/feedback", StringComparison.Ordinal)));
            suggested.UnionWith(reply.Sections.SelectMany(s => InlineCommand().Matches(s.Markdown)).Select(m => m.Groups[1].Value));
        }

        Assert.True(suggested.Count > 20, $"only {suggested.Count} distinct suggestions");
        var broken = new List<string>();
        foreach (var command in suggested)
        {
            var reply = await core.TypeAsync(command);
            if (reply.Tone is ReplyTone.Warning or ReplyTone.Error)
            {
                broken.Add($"{command} → {reply.Title}");
            }
        }

        Assert.Empty(broken);
    }

    [GeneratedRegex(@"`(/[a-z]+(?: [^`]*)?)`")]
    private static partial Regex InlineCommand();
}
