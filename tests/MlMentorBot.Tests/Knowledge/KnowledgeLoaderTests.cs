using MlMentorBot.Core.Knowledge;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Knowledge;

public sealed class KnowledgeLoaderTests
{
    private const string ValidSkill = """
        ---
        id: skills.example
        title: Example skill
        kind: skill-area
        summary: An example.
        aliases: [sample]
        sources:
          - id: unite-ai
            title: "What is a Machine Learning Engineer? Salary & Responsibilities"
            publisher: Unite.AI
        ---
        ## First

        Body one.

        ## Second

        Body two.
        """;

    /// <summary>A synonyms entry mapping pay to salary, with <paramref name="extra"/> front matter (YAML lines) on line 8 on.</summary>
    private static string SynonymsWith(string extra) =>
        "---\nid: synonyms\ntitle: Synonyms\nkind: synonyms\nsummary: Words.\nsynonyms:\n  salary: [pay]\n" + extra +
        "sources: [{id: a, title: T, publisher: P}]\n---\nBody.\n";

    [Fact]
    public void The_shipped_knowledge_folder_loads_without_problems()
    {
        var result = KnowledgeLoader.Load(RepoPaths.Knowledge);

        Assert.Empty(result.Problems);
        Assert.Contains(result.Entries, e => e.Id == "salary.figures");
        var stages = result.Entries.Where(e => e.Kind == KnowledgeKinds.RoadmapStage).OrderBy(e => e.Order).ToList();
        Assert.True(stages.Count >= 6, "the roadmap merges both articles' six steps into at least six stages");
        Assert.All(stages.SelectMany(s => s.Steps), step => Assert.StartsWith("roadmap.", step.Id));
        Assert.Equal(Enumerable.Range(1, stages.Count), stages.Select(s => s.Order!.Value));
    }

    [Fact]
    public void Every_entry_and_salary_figure_names_its_source()
    {
        var result = KnowledgeLoader.Load(RepoPaths.Knowledge);

        Assert.All(result.Entries, e => Assert.NotEmpty(e.Sources));
        var figures = result.Entries.SelectMany(e => e.Figures).ToList();
        Assert.Contains(figures, f => f.Level == "average" && f.Amount == 118000 && f.Year == 2023 && f.Source.Publisher == "Unite.AI");
        Assert.Contains(figures, f => f.Level == "entry" && f.Min == 70000 && f.Max == 90000);
        Assert.Contains(figures, f => f.Level == "experienced" && f.Min == 120000 && f.Max == 150000);
        Assert.Contains(figures, f => f.Level == "senior" && f.Min == 160000 && f.Max is null);
    }

    [Fact]
    public void A_valid_file_is_split_into_sections_with_their_lines()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("example.md"), ValidSkill);

        var result = KnowledgeLoader.Load(temp.Path);

        var entry = Assert.Single(result.Entries);
        Assert.Equal("example", entry.Key);
        Assert.Equal(["First", "Second"], entry.Sections.Select(s => s.Heading));
        Assert.Equal("Body two.", entry.Sections[1].Markdown);
        Assert.Equal(16, entry.Sections[1].Line);
    }

    [Theory]
    [InlineData("no front matter here\n", 1, "missing YAML front matter")]
    [InlineData("---\nid: skills.x\ntitle: [unclosed\nkind: role\n---\nbody\n", 1, "invalid YAML")]
    [InlineData("---\nid: skills.x\ntitle: X\nkind: role\nsummary: \"unclosed\n---\nbody\n", 5, "invalid YAML")]
    [InlineData("---\nid: skills.x\ntitle: X\nkind: skill-area\nsources: [{id: a, title: T, publisher: P}]\n---\n", 2, "missing required field 'summary'")]
    [InlineData("---\nid: Skills X\ntitle: X\nkind: skill-area\nsummary: S\nsources: [{id: a, title: T, publisher: P}]\n---\n", 2, "must be lowercase words joined by dots")]
    [InlineData("---\nid: skills.x\ntitle: X\nkind: recipe\nsummary: S\nsources: [{id: a, title: T, publisher: P}]\n---\n", 4, "unknown kind 'recipe'")]
    [InlineData("---\nid: skills.x\ntitle: X\nkind: skill-area\nsummary: S\n---\n", 2, "missing 'sources'")]
    [InlineData("---\nid: skills.x\ntitle: X\nkind: skill-area\nsummary: S\nrelated: [skills.nowhere]\nsources: [{id: a, title: T, publisher: P}]\n---\n", 6, "link to unknown id 'skills.nowhere'")]
    public void A_broken_file_is_reported_with_its_file_and_line(string content, int line, string message)
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.File("skills"));
        File.WriteAllText(temp.File("skills/broken.md"), content);

        var result = KnowledgeLoader.Load(temp.Path);

        Assert.True(result.HasErrors);
        var problem = Assert.Single(result.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal("skills/broken.md", problem.File);
        Assert.Equal(line, problem.Line);
        Assert.StartsWith($"skills/broken.md:{line}: error: ", problem.ToString());
    }

    [Fact]
    public void A_salary_figure_without_a_source_is_an_error_on_its_line()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("pay.md"), """
            ---
            id: salary.figures
            title: Pay
            kind: salary
            summary: Pay.
            figures:
              - level: entry
                label: Entry level
                min: 70000
                max: 90000
              - level: senior
                label: Senior
                min: 160000
                source: nobody
            sources:
              - id: roadmap-article
                title: Roadmap
                publisher: Unknown publisher
            ---
            Body.
            """);

        var result = KnowledgeLoader.Load(temp.Path);

        Assert.Contains(result.Problems, p => p.Line == 7 && p.Message.Contains("'entry' has no source", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Line == 14 && p.Message.Contains("unknown source 'nobody'", StringComparison.Ordinal));
        Assert.Empty(result.Entries.Single().Figures);
    }

    [Fact]
    public void Listed_questions_are_read_with_their_lines_and_a_question_under_two_entries_or_the_synonyms_is_an_error_on_its_line()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("a.md"), ValidSkill.Replace("aliases: [sample]\n", "questions:\n  - what even is an example?\n  - \"examples: do I need them\"\n", StringComparison.Ordinal));
        File.WriteAllText(temp.File("b.md"), """
            ---
            id: skills.other
            title: Other
            kind: skill-area
            summary: Another.
            questions:
              - "What even is an EXAMPLE"
              - [not, a, question]
              - fine question
            sources: [{id: a, title: T, publisher: P}]
            ---
            Body.
            """);

        File.WriteAllText(temp.File("synonyms.md"), SynonymsWith("questions:\n  - how much do they pay\n"));

        var result = KnowledgeLoader.Load(temp.Path);

        var example = result.Entries.Single(e => e.Id == "skills.example");
        Assert.Equal([new ExampleQuestion("what even is an example?", 7), new ExampleQuestion("examples: do I need them", 8)], example.Questions);
        // Case, punctuation and spacing aside, the same question: it is asked of one entry only.
        var twice = Assert.Single(result.Problems, p => p.Message.StartsWith("question 'What even is an EXAMPLE' is also listed under 'skills.example' (a.md:7)", StringComparison.Ordinal));
        Assert.Equal(("b.md", 7, ProblemSeverity.Error), (twice.File, twice.Line, twice.Severity));
        var notText = Assert.Single(result.Problems, p => p.Message.Contains("'questions' items must be one line of text each", StringComparison.Ordinal));
        Assert.Equal(("b.md", 8), (notText.File, notText.Line));
        Assert.Equal(["What even is an EXAMPLE", "fine question"], result.Entries.Single(e => e.Id == "skills.other").Questions.Select(q => q.Text));
        var onSynonyms = Assert.Single(result.Problems, p => p.File == "synonyms.md");
        Assert.Equal((9, "a synonyms entry answers no question; list questions under the entry that answers them"), (onSynonyms.Line, onSynonyms.Message));
    }

    [Fact]
    public void Not_covered_topics_are_read_lowercase_and_a_topic_that_is_also_a_name_or_used_by_an_entry_is_reported_on_its_line()
    {
        using var temp = new TempDir();
        // "Body one." becomes a passage that talks about LLM evals: the entry now covers "llm".
        File.WriteAllText(temp.File("a.md"), ValidSkill.Replace("Body one.", "Writing LLM evals is part of the job.", StringComparison.Ordinal)
            .Replace("aliases: [sample]\n", "aliases: [sample]\nnot_covered: [Remote, work from home]\n", StringComparison.Ordinal));
        File.WriteAllText(temp.File("synonyms.md"), SynonymsWith("not_covered: [genai, llm, pay, sample]\n"));

        var result = KnowledgeLoader.Load(temp.Path);

        Assert.Equal(["remote", "work from home"], result.Entries.Single(e => e.Id == "skills.example").NotCovered);
        Assert.Equal(["genai", "llm", "pay", "sample"], result.Entries.Single(e => e.Id == "synonyms").NotCovered);
        Assert.Equal(
            [
                (8, ProblemSeverity.Error, "not_covered 'pay' is also an alias or synonym in 'synonyms'; a topic cannot be both covered and not"),
                (8, ProblemSeverity.Error, "not_covered 'sample' is also an alias or synonym in 'skills.example'; a topic cannot be both covered and not"),
                (8, ProblemSeverity.Warning, "not_covered 'llm' is used by 'skills.example' (a.md); remove it from the list once that entry covers it"),
            ],
            result.Problems.Where(p => p.File == "synonyms.md").Select(p => (p.Line, p.Severity, p.Message)));
        Assert.DoesNotContain(result.Problems, p => p.File == "a.md");
    }

    /// <summary>
    /// One entry's list may name another entry's alias (the pay entries say nothing of what data scientists earn, though the
    /// related-careers entry covers data scientists), but not its own alias or key, nor a synonym of one.
    /// </summary>
    [Fact]
    public void An_entrys_not_covered_list_may_name_another_entrys_alias_but_not_its_own()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("a.md"), ValidSkill.Replace("aliases: [sample]\n", "aliases: [sample]\nnot_covered: [other thing, sample, example, wage]\n", StringComparison.Ordinal));
        File.WriteAllText(temp.File("b.md"), ValidSkill.Replace("skills.example", "skills.other", StringComparison.Ordinal)
            .Replace("aliases: [sample]\n", "aliases: [other thing]\n", StringComparison.Ordinal));
        File.WriteAllText(temp.File("synonyms.md"), SynonymsWith("").Replace("salary: [pay]", "salary: [pay]\n  sample: [wage]", StringComparison.Ordinal));

        var result = KnowledgeLoader.Load(temp.Path);

        Assert.Equal(
            [
                "not_covered 'sample' is also an alias or synonym in 'skills.example'; a topic cannot be both covered and not",
                "not_covered 'example' is also an alias or synonym in 'skills.example'; a topic cannot be both covered and not",
                "not_covered 'wage' is also an alias or synonym in 'skills.example'; a topic cannot be both covered and not",
            ],
            result.Problems.Where(p => p.File == "a.md").Select(p => p.Message));
    }

    [Fact]
    public void Duplicate_ids_aliases_and_step_ids_across_files_are_errors()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("a.md"), ValidSkill);
        File.WriteAllText(temp.File("b.md"), ValidSkill);
        File.WriteAllText(temp.File("c.md"), """
            ---
            id: roadmap.one
            title: One
            kind: roadmap-stage
            order: 1
            summary: S.
            aliases: [sample]
            steps:
              - id: roadmap.one.a
                title: A
                detail: D.
              - id: roadmap.one.a
                title: A again
                detail: D.
              - id: roadmap.other.b
                title: B
                detail: D.
            sources: [{id: a, title: T, publisher: P}]
            ---
            Body.
            """);

        var result = KnowledgeLoader.Load(temp.Path);

        Assert.Contains(result.Problems, p => p.File == "b.md" && p.Message.StartsWith("duplicate id 'skills.example' (also in a.md:1)", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.File == "c.md" && p.Message == "alias 'sample' is already used by 'skills.example'");
        Assert.Contains(result.Problems, p => p.File == "c.md" && p.Line == 12 && p.Message == "duplicate step id 'roadmap.one.a'");
        Assert.Contains(result.Problems, p => p.File == "c.md" && p.Line == 15 && p.Message.Contains("must start with its stage id", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_and_underscore_files_are_not_loaded()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp.File("example.md"), ValidSkill);
        File.WriteAllText(temp.File("README.md"), "# not knowledge");
        File.WriteAllText(temp.File("_draft.md"), "not knowledge either");

        var result = KnowledgeLoader.Load(temp.Path);

        Assert.Single(result.Entries);
        Assert.DoesNotContain(result.Problems, p => p.Severity == ProblemSeverity.Error);
    }
}
