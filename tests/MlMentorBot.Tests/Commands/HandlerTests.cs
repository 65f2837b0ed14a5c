using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Commands;

/// <summary>Every core command through the real dispatcher, knowledge folder and a temporary SQLite file.</summary>
public sealed class HandlerTests : IDisposable
{
    private readonly CoreServices _core = new();

    public void Dispose() => _core.Dispose();

    [Fact]
    public async Task Help_lists_every_command_from_the_catalog()
    {
        var text = await _core.TypeTextAsync("/help");

        foreach (var command in CommandCatalog.All.Where(c => !c.IsModeratorOnly))
        {
            Assert.Contains($"/{command.Name} — {command.Description}", text);
        }
    }

    [Fact]
    public async Task Help_for_one_command_shows_usage_options_and_examples()
    {
        var text = await _core.TypeTextAsync("/help progress");

        Assert.Contains("/progress mark <step> <done|learning|skipped|todo>", text);
        Assert.Contains("/progress mark roadmap.foundations.math done", text);
    }

    [Fact]
    public async Task Salary_shows_every_figure_with_its_source_and_year()
    {
        var reply = await _core.TypeAsync("/salary");

        var fields = string.Join("\n", reply.Fields.Select(f => $"{f.Name}: {f.Value}"));
        Assert.Contains("$118,000 per year", fields);
        Assert.Contains("as of 2023", fields);
        Assert.Contains("citing Glassdoor", fields);
        Assert.Contains("$70,000–$90,000 per year", fields);
        Assert.Contains("$120,000–$150,000 per year", fields);
        Assert.Contains("$160,000 or more per year", fields);
        Assert.Contains(reply.Sources, s => s.Publisher == "Unite.AI");
        var text = PlainTextRenderer.Render(reply);
        foreach (var factor in new[] { "Location", "Industry", "Experience", "Company size" })
        {
            Assert.Contains(factor, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/salary entry", "Entry level", "$70,000–$90,000")]
    [InlineData("/salary level:senior", "senior", "$160,000 or more")]
    [InlineData("/salary average", "Average", "$118,000")]
    public async Task Salary_for_one_level_leads_with_that_figure_then_what_moves_pay(string line, string label, string figure)
    {
        var reply = await _core.TypeAsync(line);

        Assert.Empty(reply.Sections);
        Assert.Equal(2, reply.Fields.Count);
        Assert.Contains(label, reply.Fields[0].Name, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(figure, reply.Fields[0].Value);
        Assert.StartsWith("What affects", reply.Fields[1].Name, StringComparison.Ordinal);
        var text = await _core.TypeTextAsync(line);
        Assert.True(text.IndexOf(figure, StringComparison.Ordinal) < text.IndexOf("What affects", StringComparison.Ordinal), text);
        Assert.DoesNotContain("Source: _", text); // the chat prints italics as plain words, as it does bold
    }

    [Fact]
    public async Task An_unknown_salary_level_lists_the_levels_and_the_closest()
    {
        var text = await _core.TypeTextAsync("/salary senoir");

        Assert.Contains("Did you mean /salary senior?", text);
        Assert.Contains("Available: average, entry, experienced, senior", text);
    }

    [Fact]
    public async Task Skills_without_an_area_lists_every_area_with_its_command()
    {
        var text = await _core.TypeTextAsync("/skills");

        foreach (var key in new[] { "programming", "math-statistics", "algorithms", "data-preprocessing", "frameworks", "software-engineering", "deployment", "traits" })
        {
            Assert.Contains($"/skills {key}", text);
        }
    }

    [Theory]
    [InlineData("/skills frameworks", "TensorFlow")]
    [InlineData("/skills traits", "Attention to Detail")]
    [InlineData("/resources certifications", "TensorFlow Developer Certificate")]
    [InlineData("/resources bootcamps", "Springboard")]
    [InlineData("/resources blogs", "KDnuggets")]
    public async Task A_topic_shows_its_entry_with_sources(string line, string expected)
    {
        var reply = await _core.TypeAsync(line);

        Assert.Contains(expected, PlainTextRenderer.Render(reply), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(reply.Sources);
        Assert.True(reply.IsPrivate);
    }

    [Fact]
    public async Task An_unknown_topic_suggests_the_closest()
    {
        var text = await _core.TypeTextAsync("/resources bootcmps");

        Assert.Contains("Did you mean /resources bootcamps?", text);
    }

    [Fact]
    public async Task A_topic_aimed_at_a_member_is_public_and_names_only_them()
    {
        var reply = await _core.TypeAsync("/skills frameworks <@U024BE7LH>");

        Assert.False(reply.IsPrivate);
        Assert.Equal("U024BE7LH", reply.AimedAtUserId);
    }

    [Fact]
    public async Task Roadmap_shows_every_stage_with_step_ids_the_askers_status_and_bars()
    {
        await _core.TypeAsync("/progress mark roadmap.foundations.math done");

        var text = await _core.TypeTextAsync("/roadmap");

        Assert.Contains("✅ Linear algebra, calculus and probability — roadmap.foundations.math", text);
        Assert.Contains("⬜ Statistics — roadmap.foundations.statistics", text);
        Assert.Contains("Build your foundations  ▰▰▱▱▱▱▱▱▱▱ 20%", text);
        Assert.Contains("1/35 steps finished", text);
    }

    [Fact]
    public async Task Roadmap_statuses_are_each_members_own()
    {
        await _core.TypeAsync("/progress mark roadmap.foundations.math done");

        var bob = await _core.TypeTextAsync("/roadmap foundations", new MemberKey("local", "", "bob"));

        Assert.Contains("⬜ Linear algebra, calculus and probability", bob);
    }

    [Fact]
    public async Task Roadmap_reuses_its_reply_until_the_member_changes_their_progress()
    {
        var first = await _core.TypeAsync("/roadmap");
        var again = await _core.TypeAsync("/roadmap");
        var stageFirst = await _core.TypeAsync("/roadmap foundations");
        var stageAgain = await _core.TypeAsync("/roadmap foundations");

        Assert.True(first.IsReused);
        Assert.Same(first, again);
        Assert.Same(stageFirst, stageAgain);
        var bob = new MemberKey("local", "", "bob");
        // Nobody has marked anything yet: everyone shares one reply (and one rendering per adapter).
        Assert.Same(first, await _core.TypeAsync("/roadmap", bob));

        await _core.TypeAsync("/progress mark roadmap.foundations.math done");

        var afterMark = await _core.TypeAsync("/roadmap");
        var stageAfterMark = await _core.TypeAsync("/roadmap foundations");
        Assert.NotSame(first, afterMark);
        Assert.Contains("1/35 steps finished", afterMark.Title);
        Assert.Contains("✅ Linear algebra", PlainTextRenderer.Render(stageAfterMark));
        Assert.Contains("0/35 steps finished", first.Title);
        // The shared reply is not the one that changed: bob, still without a mark, gets it as before.
        var bobAfterMark = await _core.TypeAsync("/roadmap", bob);
        Assert.Same(first, bobAfterMark);
        Assert.Contains("⬜ Linear algebra", PlainTextRenderer.Render(await _core.TypeAsync("/roadmap foundations", bob)));

        _core.Get<KnowledgeService>().Reload("test");
        var afterReload = await _core.TypeAsync("/roadmap");
        Assert.NotSame(afterMark, afterReload);
        Assert.Equal(afterMark.Title, afterReload.Title);
    }

    [Fact]
    public async Task Roadmap_shares_the_text_of_stages_a_member_has_not_touched_and_renders_touched_ones_for_them()
    {
        var bob = new MemberKey("local", "", "bob");
        await _core.TypeAsync("/progress mark roadmap.foundations.math done");
        await _core.TypeAsync("/progress mark roadmap.foundations.python learning", bob);

        var mine = await _core.TypeAsync("/roadmap");
        var bobs = await _core.TypeAsync("/roadmap", bob);

        // Stage 1 is untouched by both: one shared section. The foundations stage differs and is each member's own.
        var foundations = mine.Sections.Single(s => s.Heading?.Contains("foundations", StringComparison.OrdinalIgnoreCase) == true);
        var bobsFoundations = bobs.Sections.Single(s => s.Heading?.Contains("foundations", StringComparison.OrdinalIgnoreCase) == true);
        var untouched = mine.Sections.Where(s => s.Heading is not null && s != foundations).ToList();
        Assert.NotEmpty(untouched);
        Assert.All(untouched, s => Assert.Contains(bobs.Sections, b => ReferenceEquals(b, s)));
        Assert.All(untouched, s => Assert.DoesNotContain("✅", s.Markdown));
        Assert.Contains("✅ Linear algebra", foundations.Markdown);
        Assert.Contains("📖", bobsFoundations.Markdown);
        Assert.DoesNotContain("✅", bobsFoundations.Markdown);

        // A write to a stage that was shared makes it the member's own, with the new status.
        var firstStage = (await _core.TypeAsync("/roadmap 1")).EntryId!;
        var stepInFirstStage = _core.Get<KnowledgeService>().Current.Steps.First(s => _core.Get<KnowledgeService>().Current.StageOf(s).Id == firstStage);
        await _core.TypeAsync($"/progress mark {stepInFirstStage.Id} done");
        var after = await _core.TypeAsync("/roadmap 1");
        Assert.Contains($"✅ {stepInFirstStage.Title}", PlainTextRenderer.Render(after));
        Assert.Contains($"⬜ {stepInFirstStage.Title}", PlainTextRenderer.Render(await _core.TypeAsync("/roadmap 1", bob)));
    }

    [Theory]
    [InlineData("/skills frameworks", "/skills area:frameworks")]
    [InlineData("/skills", "/skills")]
    [InlineData("/resources certifications", "/resources certifications")]
    [InlineData("/salary", "/salary")]
    [InlineData("/salary entry", "/salary level:entry")]
    public async Task Knowledge_answers_are_built_once_per_snapshot_and_reused(string line, string sameAnswer)
    {
        var first = await _core.TypeAsync(line);
        var second = await _core.TypeAsync(sameAnswer, new MemberKey("local", "", "bob"));

        Assert.True(first.IsReused);
        Assert.True(first.IsPrivate);
        Assert.Same(first, second);

        _core.Get<KnowledgeService>().Reload("test");
        var afterReload = await _core.TypeAsync(line);
        Assert.Equal(first.Title, afterReload.Title);
        Assert.NotSame(first, afterReload);
    }

    [Fact]
    public async Task Help_is_built_once_from_the_catalog_and_reused()
    {
        Assert.Same(await _core.TypeAsync("/help"), await _core.TypeAsync("/help", new MemberKey("local", "", "bob")));
        Assert.Same(await _core.TypeAsync("/help progress"), await _core.TypeAsync("/help /progress"));
        Assert.True((await _core.TypeAsync("/help")).IsReused);
        Assert.NotSame(await _core.TypeAsync("/help"), await _core.TypeAsync("/help", isModerator: true));
        Assert.DoesNotContain("/kb", PlainTextRenderer.Render(await _core.TypeAsync("/help")));
    }

    [Fact]
    public async Task A_reused_answer_aimed_at_someone_is_a_public_copy_and_the_private_one_is_untouched()
    {
        var own = await _core.TypeAsync("/skills frameworks");

        var aimed = await _core.TypeAsync("/skills frameworks user:U0BOB");

        Assert.False(aimed.IsPrivate);
        Assert.False(aimed.IsReused);
        Assert.Equal("U0BOB", aimed.AimedAtUserId);
        Assert.True(own.IsPrivate);
        Assert.Null(own.AimedAtUserId);
        Assert.Same(own, await _core.TypeAsync("/skills frameworks"));
    }

    [Fact]
    public async Task A_roadmap_aimed_at_someone_is_a_fresh_public_copy_showing_no_statuses()
    {
        await _core.TypeAsync("/progress mark roadmap.foundations.math done");

        var aimed = await _core.TypeAsync("/roadmap user:U0BOB");
        var again = await _core.TypeAsync("/roadmap user:U0BOB");

        Assert.False(aimed.IsPrivate);
        Assert.False(aimed.IsReused);
        Assert.Equal("U0BOB", aimed.AimedAtUserId);
        Assert.NotSame(aimed, again);
        Assert.Contains("0/35 steps finished", aimed.Title);
    }

    [Fact]
    public async Task Roadmap_for_one_stage_shows_details_where_to_learn_and_next_actions()
    {
        var reply = await _core.TypeAsync("/roadmap foundations");

        var text = PlainTextRenderer.Render(reply);
        Assert.Contains("Where to learn:", text);
        Assert.Contains("/resources online-courses", text);
        Assert.Contains(reply.Actions, a => a.CommandLine == "/progress mark roadmap.foundations.math done");
        Assert.Contains(reply.Actions, a => a.CommandLine == "/roadmap education");
    }

    [Fact]
    public async Task Progress_mark_accepts_the_last_part_of_a_step_id()
    {
        var reply = await _core.TypeAsync("/progress mark sql learning");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.Contains("roadmap.foundations.sql is now learning", PlainTextRenderer.Render(reply));
    }

    [Fact]
    public async Task Progress_mark_with_an_unknown_step_suggests_close_ids()
    {
        var text = await _core.TypeTextAsync("/progress mark roadmap.foundations.maths done");

        Assert.Contains("There is no roadmap step roadmap.foundations.maths", text);
        Assert.Contains("roadmap.foundations.math", text);
    }

    [Fact]
    public async Task Progress_show_gives_percentages_per_stage_and_the_next_step_with_resources()
    {
        await _core.TypeAsync("/progress mark roadmap.role.what-they-do done");
        await _core.TypeAsync("/progress mark roadmap.role.daily-work skipped");

        var reply = await _core.TypeAsync("/progress show");

        Assert.Contains(reply.Fields, f => f.Name == "1. Understand the role" && f.Value.Contains("50%", StringComparison.Ordinal));
        var next = Assert.Single(reply.Sections, s => s.Heading == "Next step");
        Assert.Contains("roadmap.role.compare-careers", next.Markdown);
        Assert.Contains("Where to learn:", next.Markdown);
        Assert.Contains(reply.Actions, a => a.CommandLine == "/progress mark roadmap.role.compare-careers done");
    }

    [Fact]
    public async Task Progress_export_gives_the_members_data_as_json()
    {
        await _core.TypeAsync("/progress mark roadmap.foundations.math done");

        var reply = await _core.TypeAsync("/progress export");

        var json = reply.Sections.Single().Markdown;
        Assert.Contains("\"user_id\": \"alice\"", json);
        Assert.Contains("\"step_id\": \"roadmap.foundations.math\"", json);
        Assert.Contains("\"status\": \"done\"", json);
    }

    [Fact]
    public async Task Progress_export_in_the_chat_shows_the_json_without_the_fence_language_and_counts_in_words()
    {
        await _core.TypeAsync("/progress mark roadmap.foundations.math done");

        var text = await _core.TypeTextAsync("/progress export");

        Assert.DoesNotContain(text.Split('\n'), line => line.Trim() == "json");
        Assert.Contains("Everything the bot stores about you (1 roadmap step):", text);
        Assert.Contains("\"status\": \"done\"", text);
    }

    [Fact]
    public async Task Progress_delete_asks_first_and_then_removes_everything()
    {
        await _core.TypeAsync("/progress mark roadmap.foundations.math done");

        var ask = await _core.TypeAsync("/progress delete");
        var stillThere = await _core.TypeTextAsync("/roadmap foundations");
        var done = await _core.TypeAsync(ask.Actions.Single(a => a.Style == ActionStyle.Danger).CommandLine);
        var after = await _core.TypeTextAsync("/roadmap foundations");

        Assert.Equal("Delete all your data?", ask.Title);
        Assert.Contains("✅ Linear algebra", stillThere);
        Assert.Equal("Your data is deleted", done.Title);
        Assert.Contains("⬜ Linear algebra", after);
    }

    [Fact]
    public async Task Ask_answers_with_the_best_passages_and_their_sources()
    {
        var reply = await _core.TypeAsync("/ask how much does an entry level ML engineer earn?");

        var text = PlainTextRenderer.Render(reply);
        Assert.Contains("$70,000", text);
        Assert.Contains(reply.Sources, s => s.Title.Contains("roadmap", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/ask which certifications should I get?", "Azure AI Engineer Associate")]
    [InlineData("/ask what does an ML engineer do day to day", "data")]
    [InlineData("/ask kaggle competitions", "Kaggle")]
    public async Task Ask_finds_relevant_passages(string line, string expected)
    {
        var text = await _core.TypeTextAsync(line);

        Assert.DoesNotContain("That's not in my knowledge", text);
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/ask what is the weather on mars")]
    [InlineData("/ask the the the")]
    public async Task Ask_says_so_plainly_when_nothing_is_relevant(string line)
    {
        var reply = await _core.TypeAsync(line);

        Assert.Equal("That's not in my knowledge", reply.Title);
        Assert.Contains(reply.Actions, a => a.CommandLine == "/help");
    }

    [Fact]
    public async Task Every_suggested_action_is_a_command_that_parses()
    {
        var lines = new[] { "/help", "/roadmap", "/roadmap foundations", "/salary", "/skills", "/skills frameworks", "/resources", "/progress show", "/progress delete", "/ask salary" };
        foreach (var line in lines)
        {
            var reply = await _core.TypeAsync(line);
            foreach (var action in reply.Actions)
            {
                var parsed = CommandTextParser.Parse(action.CommandLine, CoreServices.Alice);
                Assert.True(parsed.IsSuccess, $"{line} suggests '{action.CommandLine}', which does not parse");
                Assert.InRange(action.CommandLine.Length, 1, 100);
            }
        }
    }
}
