using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Moderation;

/// <summary>Members find answers in their own words: synonyms, typos, "did you mean", and answers aimed at someone.</summary>
public sealed class FindabilityTests : IDisposable
{
    private readonly CoreServices _core = new();

    public void Dispose() => _core.Dispose();

    [Theory]
    [InlineData("/skills maths", "Mathematics and statistics")]
    [InlineData("/resources certs", "Certifications")]
    [InlineData("/resources \"boot camp\"", "Bootcamps")]
    [InlineData("/roadmap fundamentals", "Stage 2: Build your foundations — ")]
    public async Task Topic_options_understand_aliases_and_synonyms(string line, string title)
    {
        var reply = await _core.TypeAsync(line);

        Assert.StartsWith(title, reply.Title);
    }

    [Theory]
    [InlineData("what do ppl get paid", "salary.")]
    [InlineData("which classes can i take online", "resources.online-courses")]
    [InlineData("is a boot camp worth the money", "resources.bootcamps")]
    public void Ask_maps_synonyms_and_phrases_to_the_words_the_files_use(string question, string expectedEntry)
    {
        var snapshot = Snapshot();

        var hits = AskHandler.Answer(snapshot, snapshot.Search.Interpret(question));

        Assert.NotEmpty(hits);
        Assert.StartsWith(expectedEntry, hits[0].Entry.Id);
    }

    [Fact]
    public async Task Ask_corrects_a_typo_and_says_what_it_searched_for()
    {
        var reply = await _core.TypeAsync("/ask whats the average salery");

        Assert.Contains("Searched for salary (you typed salery).", PlainTextRenderer.Render(reply));
        Assert.Contains(reply.Sources, s => s.Publisher == "Unite.AI");
        Assert.StartsWith("Machine learning engineer salary figures", reply.Sections[1].Heading);
    }

    [Fact]
    public void Typos_are_corrected_only_towards_words_that_name_something()
    {
        var snapshot = Snapshot();

        var query = snapshot.Search.Interpret("how do i bake sourdough bread");

        Assert.Empty(query.Corrections); // "bread" is one edit from "read", a body word, but names nothing
        Assert.Empty(AskHandler.Answer(snapshot, query));
    }

    [Theory]
    [InlineData("/skills framwork", "Did you mean /skills frameworks?")]
    [InlineData("/skills mathematic", "Did you mean /skills math-statistics?")]
    [InlineData("/resources kagle", "Did you mean /resources competitions?")]
    [InlineData("/roadmap foundatoins", "Did you mean /roadmap foundations?")]
    [InlineData("/salary junor", "Did you mean /salary entry?")]
    [InlineData("/progress mark roadmap.foundation.math done", "Did you mean roadmap.foundations.math?")]
    public async Task A_missed_topic_or_step_id_gets_did_you_mean(string line, string expected)
    {
        var text = await _core.TypeTextAsync(line);

        Assert.Contains(expected, text);
    }

    [Fact]
    public async Task A_topic_that_names_no_key_suggests_entries_whose_text_matches()
    {
        var text = await _core.TypeTextAsync("/skills cloud");

        Assert.Contains("Did you mean /skills deployment?", text);
    }

    [Theory]
    [InlineData("/ask how much do juniors earn @bob")]
    [InlineData("/skills frameworks @bob")]
    [InlineData("/salary entry @bob")]
    public async Task An_answer_aimed_at_a_member_is_public_and_mentions_only_them(string line)
    {
        var reply = await _core.TypeAsync(line);

        Assert.False(reply.IsPrivate);
        Assert.Equal("bob", reply.AimedAtUserId);
        Assert.StartsWith("@bob, this one is for you:", PlainTextRenderer.Render(reply).Split('\n')[2]);
    }

    private KnowledgeSnapshot Snapshot() => _core.Get<IKnowledgeProvider>().Current;
}
