using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.Commands;

public sealed class CommandTextParserTests
{
    private static readonly MemberKey Member = new("local", "", "alice");

    private static CommandRequest Parsed(string line)
    {
        var result = CommandTextParser.Parse(line, Member);
        Assert.True(result.IsSuccess, result.Problem is null ? "" : PlainTextRenderer.Render(result.Problem));
        return result.Request!;
    }

    private static string Problem(string line)
    {
        var result = CommandTextParser.Parse(line, Member);
        Assert.False(result.IsSuccess);
        Assert.True(result.Problem!.IsPrivate);
        return PlainTextRenderer.Render(result.Problem);
    }

    [Theory]
    [InlineData("/salary entry")]
    [InlineData("/salary level:entry")]
    [InlineData("/SALARY   level:\"entry\"")]
    [InlineData("salary entry")]
    public void Positional_and_named_options_mean_the_same(string line)
    {
        var request = Parsed(line);

        Assert.Equal("salary", request.Command);
        Assert.Equal("entry", request.Option("level"));
    }

    [Fact]
    public void Subcommands_take_their_options_in_order_and_choices_are_normalised()
    {
        var request = Parsed("/progress mark roadmap.foundations.math DONE");

        Assert.Equal("progress", request.Command);
        Assert.Equal("mark", request.Subcommand);
        Assert.Equal("roadmap.foundations.math", request.Option("step"));
        Assert.Equal("done", request.Option("status"));
    }

    [Fact]
    public void A_bare_command_with_subcommands_runs_the_first_one()
    {
        Assert.Equal("show", Parsed("/progress").Subcommand);
    }

    [Fact]
    public void Ask_takes_the_rest_of_the_line_with_apostrophes_and_punctuation()
    {
        var request = Parsed("/ask what's the pay for a junior, in New York?");

        Assert.Equal("what's the pay for a junior, in New York?", request.Option("question"));
    }

    [Fact]
    public void Quoted_strings_group_words_including_curly_quotes_from_slack()
    {
        Assert.Equal("foundations", Parsed("/roadmap \"foundations\"").Option("stage"));
        Assert.Equal("online courses", Parsed("/resources topic:“online courses”").Option("topic"));
        Assert.Equal("online courses", Parsed("/resources 'online courses'").Option("topic"));
    }

    [Theory]
    [InlineData("/ask how much do they earn <@U024BE7LH|bob>", "U024BE7LH")]
    [InlineData("/ask user:<@U024BE7LH> how much do they earn", "U024BE7LH")]
    [InlineData("/salary entry <@!80351110224678912>", "80351110224678912")]
    [InlineData("/salary entry user:@bob", "bob")]
    public void User_options_accept_platform_mentions_and_plain_names(string line, string userId)
    {
        Assert.Equal(userId, Parsed(line).Option("user"));
    }

    [Fact]
    public void A_trailing_mention_on_ask_is_not_part_of_the_question()
    {
        Assert.Equal("how much do they earn", Parsed("/ask how much do they earn <@U024BE7LH|bob>").Option("question"));
    }

    [Fact]
    public void An_unknown_command_suggests_the_closest_and_lists_all()
    {
        var text = Problem("/salery entry");

        Assert.Contains("I don't know the command /salery", text);
        Assert.Contains("Did you mean /salary?", text);
        Assert.Contains("/roadmap", text);
    }

    [Fact]
    public void An_unknown_choice_shows_the_valid_ones_and_the_closest()
    {
        var text = Problem("/progress mark roadmap.foundations.math dne");

        Assert.Contains("dne is not a valid status", text);
        Assert.Contains("Did you mean status:done?", text);
        Assert.Contains("/progress mark <step> <done|learning|skipped|todo>", text);
    }

    [Fact]
    public void A_missing_required_option_shows_the_usage()
    {
        var text = Problem("/progress mark");

        Assert.Contains("step is missing", text);
        Assert.Contains("Usage:", text);
    }

    [Fact]
    public void A_missing_choice_after_everything_else_offers_each_choice_as_a_button()
    {
        var result = CommandTextParser.Parse("/progress mark sql", Member);

        Assert.Contains("status is missing", PlainTextRenderer.Render(result.Problem!));
        Assert.Equal(
            ["/progress mark sql done", "/progress mark sql learning", "/progress mark sql skipped", "/progress mark sql todo", "/help progress"],
            result.Problem!.Actions.Select(a => a.CommandLine));
        Assert.Equal(["/help progress"], CommandTextParser.Parse("/progress mark", Member).Problem!.Actions.Select(a => a.CommandLine));
    }

    [Fact]
    public void An_unknown_subcommand_suggests_the_closest()
    {
        Assert.Contains("Did you mean /progress mark?", Problem("/progress makr x done"));
    }

    [Fact]
    public void Surplus_words_are_refused_rather_than_ignored()
    {
        Assert.Contains("I did not expect more there", Problem("/progress mark roadmap.foundations.math done more"));
        Assert.Contains("I did not expect extra there", Problem("/help roadmap extra"));
    }

    [Theory]
    [InlineData("/resources online courses", "topic", "online courses", null)]
    [InlineData("/salary entry level", "level", "entry level", null)]
    [InlineData("/roadmap core skills @bob", "stage", "core skills", "bob")]
    [InlineData("/skills data   preprocessing <@U123|bob>", "area", "data preprocessing", "U123")]
    [InlineData("/salary entry extra", "level", "entry extra", null)]
    public void A_topic_of_several_words_is_one_name_and_a_trailing_mention_still_aims(string line, string option, string name, string? user)
    {
        var request = Parsed(line);

        Assert.Equal(name, request.Option(option));
        Assert.Equal(user, request.Option("user"));
    }

    [Fact]
    public void A_name_typed_as_several_words_is_refused_with_the_dashed_name_to_use()
    {
        var text = Problem("/group create ML study buddies");

        Assert.Contains("study is not a valid day", text);
        Assert.Contains("join the words with dashes, as in /group create ml-study-buddies", text);
        Assert.DoesNotContain("dashes", Problem("/group create ml-101 day:someday"));
        Assert.Contains("I did not expect study there. If it is part of the name, a name is one word: join the words with dashes, as in /group join ml-study-buddies",
            Problem("/group join ML study buddies"));
        Assert.DoesNotContain("dashes", Problem("/help roadmap extra"));
    }

    [Fact]
    public void Words_after_a_quoted_or_named_topic_are_still_refused()
    {
        Assert.Contains("I did not expect extra there", Problem("/resources \"online courses\" extra"));
        Assert.Contains("I did not expect extra there", Problem("/resources topic:blogs extra"));
    }

    [Fact]
    public void Every_catalog_command_follows_discords_naming_rules()
    {
        foreach (var command in CommandCatalog.All)
        {
            Assert.Matches("^[a-z0-9_-]{1,32}$", command.Name);
            Assert.InRange(command.Description.Length, 1, 100);
            var optionLists = command.Subcommands.Select(s => s.Options).Prepend(command.Options);
            foreach (var options in optionLists)
            {
                Assert.InRange(options.Count, 0, 25);
                // Required options first: Discord rejects an optional option before a required one.
                Assert.True(options.SkipWhile(o => o.IsRequired).All(o => !o.IsRequired), $"/{command.Name}: required options must come first");
            }
        }
    }

    [Theory]
    [InlineData("/roadmap @bob")]
    [InlineData("/roadmap <@U123|bob>")]
    public void A_bare_mention_names_the_member_to_aim_at_not_the_stage(string line)
    {
        var request = Parsed(line);

        Assert.Null(request.Option("stage"));
        Assert.NotNull(request.Option("user"));
    }

    [Fact]
    public void Form_fields_and_mentions_arrive_as_values_without_the_tokenizer()
    {
        var input = new CommandInput("/ask") { Fields = new Dictionary<string, string> { ["question"] = "it's \"both\" user:x" }, MentionedUserIds = ["U9"] };

        var request = CommandTextParser.Parse(input, Member).Request!;

        Assert.Equal("it's \"both\" user:x", request.Option("question"));
        Assert.Equal("U9", request.Option("user"));
    }

    [Fact]
    public void A_mention_for_a_command_without_a_member_option_is_a_usage_reply()
    {
        var result = CommandTextParser.Parse(new CommandInput("/progress show") { MentionedUserIds = ["U9"] }, Member);

        Assert.False(result.IsSuccess);
    }
}
