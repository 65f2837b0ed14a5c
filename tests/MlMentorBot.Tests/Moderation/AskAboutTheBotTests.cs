using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Tests.Moderation;

/// <summary>
/// A member who asks /ask about the bot itself ("how do i track my progress", "what is a check-in") gets that command's help,
/// not "not in my knowledge", and the question is not a gap for the moderators; a question that only shares a word with a
/// feature ("…at the gym") or is about a knowledge topic ("…better than a bootcamp") is not taken for one.
/// </summary>
[Collection(ModerationHost.Collection)]
public sealed class AskAboutTheBotTests
{
    [Theory]
    [InlineData("how do i track my progress", "/progress")]
    [InlineData("what is a check-in?", "/checkin")]
    [InlineData("how do study groups work", "/group")]
    [InlineData("can i pause my streak when im on holiday", "/away")]
    [InlineData("can i export my progress", "/progress")] // was "not in my knowledge", and a gap
    [InlineData("how do i create a group", "/group")] // was "not in my knowledge", and a gap
    [InlineData("can i leave a study group", "/group")] // was a gap: "leave" beside "study group" was an unknown word
    [InlineData("how do i leave my group", "/group")]
    [InlineData("can i make my own group", "/group")] // led with the communities named
    [InlineData("who is in my group", "/group")] // led with the communities named
    [InlineData("how do i change my answers", "/checkin")] // led with the communities named
    // From 80 chat-style questions a helper wrote from the seed articles and the README alone; each was a gap.
    [InlineData("going on holiday for 2 weeks, how do i pause so my streak doesnt die", "/away")] // a second feature: the streak
    [InlineData("will i lose my streak if i miss a week 😬", "/checkin")]
    [InlineData("can i see my old check-ins somewhere", "/checkin")]
    [InlineData("how do study groups work, can i join one for my timezone", "/group")]
    [InlineData("can i mark a step as skipped? already know python from work", "/progress")] // two phrases of the feature
    [InlineData("how do i mark linear algebra as done", "/progress")]
    [InlineData("pls delete everything you have stored about me", "/progress")]
    [InlineData("what is a check-in and when is it due", "/checkin")]
    [InlineData("i'll be travelling for 3 weeks, will i lose my streak?", "/away")]
    [InlineData("can we change our study group time zone", "/group")]
    [InlineData("bot what all can you do", "MlMentorBot — your guide to becoming an ML engineer")]
    // A group organiser's questions, from a third helper's set; each was a gap or led with the communities named.
    [InlineData("can i make someone else admin of the group im running", "/group")]
    [InlineData("how do i resume the group after the break", "/group")]
    [InlineData("we're taking 2 weeks off over xmas, how do i pause the group", "/group")]
    [InlineData("need to move our group from monday to thursday, how", "/group")]
    [InlineData("how do i set up a weekly prompt for my study group", "/group")]
    [InlineData("one of my members is on vacation, how do they not show up as missing", "/away")]
    [InlineData("is there a reminder before the checkin deadline for my group", "/checkin")]
    [InlineData("this answer was wrong, how do i give feedback on it", "MlMentorBot — your guide to becoming an ML engineer")]
    [InlineData("how do i use this bot", "MlMentorBot — your guide to becoming an ML engineer")] // was a gap
    [InlineData("are you an ai", "MlMentorBot — your guide to becoming an ML engineer")] // was a gap
    [InlineData("r u a bot", "MlMentorBot — your guide to becoming an ML engineer")] // was led by a knowledge section
    [InlineData("what sources do you use", "MlMentorBot — your guide to becoming an ML engineer")] // led with the communities named
    [InlineData("is my data private", "/progress")] // was a gap
    [InlineData("what can you do", "MlMentorBot — your guide to becoming an ML engineer")]
    [InlineData("hi there, can you help me?", "MlMentorBot — your guide to becoming an ML engineer")] // led with why demand is high
    // Round 23, typed in the local chat; each was a gap or led with a knowledge section.
    [InlineData("can i undo marking a step", "/progress")]
    [InlineData("is my progress private", "/progress")]
    [InlineData("how do i mark a step as learning in stage 2", "/progress")]
    [InlineData("who are the moderators", "MlMentorBot — your guide to becoming an ML engineer")]
    [InlineData("can i suggest a topic for the knowledge", "MlMentorBot — your guide to becoming an ML engineer")]
    [InlineData("what does /roadmap do", "/roadmap")] // a command named by its slash
    [InlineData("what does /ask do", "/ask")]
    [InlineData("is /kb for moderators", "MlMentorBot — your guide to becoming an ML engineer")] // a moderator's command: the members' overview
    public async Task A_question_about_a_feature_gets_its_help_and_is_no_gap(string question, string title)
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });

        var reply = await host.TypeAsync("/ask " + question);

        Assert.Equal(title, reply.Title);
        Assert.StartsWith("That is about using me", reply.Sections[0].Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(question.TrimEnd('?'), await host.ModeratorAsync("/kb gaps"), StringComparison.Ordinal);
    }

    /// <summary>
    /// "whats the next step" with nothing named had led with how to use competitions, "what should i do next" with the
    /// software-engineer roots of the role. A member's own next step is what their progress says: the step being learned,
    /// else the first still to do, with the buttons to mark it. Aimed at someone else, the answer is public, so it shows
    /// how <c>/progress</c> works instead of anyone's progress.
    /// </summary>
    [Fact]
    public async Task Asking_what_to_do_next_gets_the_members_own_next_step()
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });

        var first = await host.TypeAsync("/ask whats the next step");
        Assert.Equal("Your next step", first.Title);
        Assert.True(first.IsPrivate);
        Assert.Contains("roadmap.role.what-they-do", PlainTextRenderer.Render(first), StringComparison.Ordinal);
        Assert.Contains(first.Actions, a => a.CommandLine == "/progress mark roadmap.role.what-they-do done");

        await host.TypeAsync("/progress mark roadmap.role.what-they-do done");
        await host.TypeAsync("/progress mark roadmap.foundations.python learning");
        var next = await host.TypeAsync("/ask what should i do next?");
        Assert.Equal("Your next step", next.Title);
        Assert.Contains("roadmap.foundations.python", PlainTextRenderer.Render(next), StringComparison.Ordinal);

        var aimed = await host.TypeAsync("/ask whats my next step @bob");
        Assert.Equal("/progress", aimed.Title);
        Assert.DoesNotContain("roadmap.foundations.python", PlainTextRenderer.Render(aimed), StringComparison.Ordinal);
        Assert.DoesNotContain("next step", await host.ModeratorAsync("/kb gaps"), StringComparison.Ordinal);
    }

    /// <summary>
    /// "where am i on the roadmap" had led with the whole path, "what have i done so far" with industry demand (pay) and
    /// "how far along am i" was a gap: they ask for the member's progress, which <c>/progress show</c> gives. A question that
    /// names a topic beside such words ("whats next after python") is still answered from the knowledge.
    /// </summary>
    [Theory]
    [InlineData("where am i on the roadmap")]
    [InlineData("how far along am i?")]
    [InlineData("what have i done so far")]
    [InlineData("what should i learn next")]
    public async Task Asking_where_one_stands_gets_the_members_own_progress(string question)
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });
        await host.TypeAsync("/progress mark roadmap.foundations.math done");

        var reply = await host.TypeAsync("/ask " + question);

        Assert.True(reply.IsPrivate);
        Assert.Contains("Next step", PlainTextRenderer.Render(reply), StringComparison.Ordinal);
        Assert.Contains(reply.Actions, a => a.CommandLine == "/progress mark roadmap.role.what-they-do done");
        Assert.Equal("roadmap.foundations", (await host.TypeAsync("/ask whats next after python")).EntryId);
    }

    /// <summary>
    /// Each /ask stands alone, so a message that points back at an earlier answer and names nothing ("more detail on the
    /// second one pls" had led with the eight traits) says so and is no gap; one that names its topic is answered as usual.
    /// </summary>
    [Theory]
    [InlineData("ok and after that?")]
    [InlineData("more detail on the second one pls")]
    [InlineData("can u explain that last bit simpler")]
    [InlineData("ok but which of those should i do first")] // led with "Start today" of the role stage
    public async Task A_follow_up_to_an_earlier_answer_says_each_question_stands_alone(string question)
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });

        var reply = await host.TypeAsync("/ask " + question);

        Assert.Equal("I don't see earlier messages", reply.Title);
        Assert.DoesNotContain(question.TrimEnd('?'), await host.ModeratorAsync("/kb gaps"), StringComparison.Ordinal);
        Assert.Equal("role.related-careers", (await host.TypeAsync("/ask same question but for data scientists")).EntryId);
        Assert.Equal("That's not in my knowledge", (await host.TypeAsync("/ask what about in europe")).Title);
    }

    /// <summary>
    /// A sentence that only thanks for the last answer, before a question that stands alone, is a courtesy: the question is
    /// answered (it had got "I don't see earlier messages"). From the round-23 helper's formal voice.
    /// </summary>
    [Fact]
    public async Task A_thanks_for_the_last_answer_before_a_full_question_does_not_hide_it()
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });

        var reply = await host.TypeAsync("/ask Thank you for your previous answer. Could you also explain how containerisation helps when moving a model from a prototype into production?");

        Assert.Equal("skills.deployment", reply.EntryId);
        Assert.Equal("I don't see earlier messages", (await host.TypeAsync("/ask thanks for your previous answer. more detail on the second one?")).Title);
        // "that part" in a later sentence is the message's own first sentence, not an earlier answer.
        Assert.NotEqual("I don't see earlier messages", (await host.TypeAsync("/ask ugh, my notebook works but I have no idea how to turn it into something deployble. where do people learn that part?")).Title);
    }

    [Fact]
    public async Task A_question_that_only_shares_a_features_words_is_answered_as_before()
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });

        Assert.Equal("That's not in my knowledge", (await host.TypeAsync("/ask how do i track my progress at the gym")).Title);
        Assert.Contains("how do i track my progress at the gym", await host.ModeratorAsync("/kb gaps"), StringComparison.Ordinal);
        Assert.Equal("resources.bootcamps", (await host.TypeAsync("/ask is a study group better than a bootcamp")).EntryId);
        Assert.NotEqual("/away", (await host.TypeAsync("/ask should i take time away from work to study")).Title);
        Assert.NotEqual("/checkin", (await host.TypeAsync("/ask should i check in with my mentor every week")).Title);
        Assert.Equal("salary.figures", (await host.TypeAsync("/ask what are you paid as an ml engineer")).EntryId);
        Assert.NotEqual("MlMentorBot — your guide to becoming an ML engineer", (await host.TypeAsync("/ask help me understand salary")).Title);
    }

    [Theory]
    [InlineData("hello", "Hi! I'm your guide to becoming an ML engineer")]
    [InlineData("Good morning bot 👋", "Hi! I'm your guide to becoming an ML engineer")]
    [InlineData("hey there", "Hi! I'm your guide to becoming an ML engineer")]
    [InlineData("thanks!", "You're welcome!")]
    [InlineData("Thank you so much 🙏", "You're welcome!")]
    [InlineData("ok thx bot", "You're welcome!")]
    [InlineData("thanks for the help yesterday!", "You're welcome!")] // round 26: led with why the demand is high
    [InlineData("thank you for your answers earlier", "You're welcome!")]
    [InlineData("🙂", "Ask me a question in your own words")]
    [InlineData("how r u", "Doing well, thanks for asking! I'm your guide to becoming an ML engineer")] // turned away, a gap
    [InlineData("hows it going", "Doing well, thanks for asking! I'm your guide to becoming an ML engineer")] // led with online courses
    [InlineData("hey bot how's your day going lol", "Doing well, thanks for asking! I'm your guide to becoming an ML engineer")] // led with a typical day (round 27)
    [InlineData("Good morning, how are you doing today?", "Doing well, thanks for asking! I'm your guide to becoming an ML engineer")]
    [InlineData("whats up bot", "Doing well, thanks for asking! I'm your guide to becoming an ML engineer")]
    [InlineData("???", "Ask me a question in your own words")]
    [InlineData("hello to everybody, i am new here", "Hi! I'm your guide to becoming an ML engineer")] // led with the roadmap (round 28)
    public async Task A_greeting_thanks_or_no_words_gets_a_short_reply_and_is_no_gap(string message, string title)
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });

        // Before, each got "That's not in my knowledge" and sat in /kb gaps as a question the knowledge failed.
        var reply = await host.TypeAsync("/ask " + message);

        Assert.Equal(title, reply.Title);
        Assert.True(reply.IsPrivate);
        Assert.Contains("Every /ask found a confident answer", await host.ModeratorAsync("/kb gaps"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello! what does an ml engineer do", "role.overview")] // "hello" was a word the knowledge never uses: turned away
    [InlineData("hey bot what should i learn first", "roadmap.foundations")]
    [InlineData("thanks, how much does an entry level ml engineer earn", "salary.figures")]
    [InlineData("hello, how are you? what does an ml engineer do", "role.overview")]
    [InlineData("whats up with ml engineer salaries", "salary.figures")] // "whats up" asks here
    public async Task A_greeting_before_a_question_does_not_hide_it(string question, string entry)
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });

        Assert.Equal(entry, (await host.TypeAsync("/ask " + question)).EntryId);
    }

    /// <summary>
    /// Round 28: two questions in one message, turned away together because the second names a topic the sources do not
    /// cover, get the first one's answer, a line saying the second is not covered, and a gap for the moderators. When the
    /// second has an answer, it is the first pointer.
    /// </summary>
    [Theory]
    [InlineData("hows mle pay in sf compared to other cities and is remote pay lower", "salary.factors", "As for \"is remote pay lower\": my sources don't cover remote.")]
    [InlineData("what does testing look like for ml code and do i need ci/cd too", "skills.software-engineering", "As for \"do i need ci/cd too\": my sources don't cover ci/cd.")]
    [InlineData("whats the pay for juniors and does a masters bump it", "salary.figures", null)]
    [InlineData("1) what does an ml engineer do all day 2) is remote work common", "role.responsibilities", "As for \"is remote work common\": my sources don't cover remote.")] // numbered (round 29)
    public async Task Two_questions_get_the_first_answered_and_the_second_named(string question, string entry, string? uncovered)
    {
        using var host = new ModerationHost(new Dictionary<string, string?> { ["Moderation:IsWatchEnabled"] = "false" });

        var reply = await host.TypeAsync("/ask " + question);

        Assert.Equal(entry, reply.EntryId);
        var text = string.Join("\n", reply.Sections.Select(s => s.Markdown));
        var gaps = await host.ModeratorAsync("/kb gaps");
        if (uncovered is null)
        {
            Assert.Contains("Master's degree and PhD", text, StringComparison.Ordinal); // the second's answer, as a pointer
            Assert.Contains("Every /ask found a confident answer", gaps, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(uncovered, text, StringComparison.Ordinal);
            Assert.Contains(question, gaps, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Feature_phrases_are_lowercase_and_none_is_a_word_the_knowledge_answers_by_name()
    {
        var phrases = CommandCatalog.All.SelectMany(c => c.AskedAbout).ToList();

        Assert.NotEmpty(phrases);
        Assert.All(phrases, p => Assert.Equal(p.ToLowerInvariant(), p));
        Assert.All(phrases, p => Assert.Empty(Hosting.RepoPaths.KnowledgeSnapshot.Search.Interpret(p).Aliases));
    }
}
