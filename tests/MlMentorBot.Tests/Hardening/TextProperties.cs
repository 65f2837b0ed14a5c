using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.Hardening;

/// <summary>
/// Properties over arbitrary text (FsCheck, 300 cases each): whatever a member types after any command, the parser gives a
/// request or a usage reply and never throws; member text escaped for the platforms prints in the local chat exactly as
/// typed; a topic typed as several plain words is one name; the typo distance that keeps three rows of its table gives
/// what the whole table gives.
/// </summary>
public sealed class TextProperties
{
    private static readonly MemberKey Member = new("local", "", "prop");

    [Property(MaxTest = 300)]
    public bool Any_text_after_any_command_parses_to_a_request_or_a_usage_reply(NonNull<string> text, NonNegativeInt pick)
    {
        var command = CommandCatalog.All[pick.Get % CommandCatalog.All.Count];

        var result = CommandTextParser.Parse($"/{command.Name} {text.Get}", Member);

        return (result.Request is null) != (result.Problem is null);
    }

    [Property(MaxTest = 300)]
    public bool Member_text_escaped_for_the_platforms_prints_as_typed_in_the_chat(NonNull<string> typed) =>
        PlainTextRenderer.Flatten(UserText.Escape(typed.Get)) == typed.Get;

    [Property(MaxTest = 300)]
    public Property A_topic_of_several_plain_words_is_one_name() =>
        Prop.ForAll(
            Gen.Elements("online", "courses", "data", "preprocessing", "core", "skills", "free", "best", "x1").ArrayOf()
                .Where(words => words.Length is > 0 and < 8).ToArbitrary(),
            words =>
            {
                var parsed = CommandTextParser.Parse("/resources " + string.Join(' ', words), Member);
                return parsed.Request?.Option("topic") == string.Join(' ', words);
            });

    [Property(MaxTest = 300)]
    public Property The_typo_distance_is_the_whole_tables() =>
        Prop.ForAll(
            Gen.Elements('a', 'b', 'e', 'r', 's').ArrayOf().Where(w => w.Length < 90).Select(w => new string(w)).Two().ToArbitrary(),
            pair => CloseMatches.Distance(pair.Item1, pair.Item2) == WholeTable(pair.Item1, pair.Item2));

    [Theory]
    [InlineData("salery", "salary", 1)]
    [InlineData("feture", "feature", 1)]
    [InlineData("teh", "the", 1)]
    [InlineData("", "kaggle", 6)]
    [InlineData("kaggle", "", 6)]
    [InlineData("machin", "machine", 1)]
    [InlineData("bootcmap", "bootcamp", 1)]
    public void The_typo_distance_counts_a_swap_as_one_edit(string a, string b, int distance) =>
        Assert.Equal(distance, CloseMatches.Distance(a, b));

    /// <summary>Optimal string alignment distance over the whole (a+1)×(b+1) table, as the bot computed it before round 31.</summary>
    private static int WholeTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
