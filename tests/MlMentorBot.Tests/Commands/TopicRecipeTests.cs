using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Discord.Registration;
using MlMentorBot.Slack.Manifest;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Commands;

/// <summary>
/// Issue #10 "the catalog owns topics": the recipe in docs/contributing.md, followed once. A topic is one declaration plus a
/// knowledge folder; its answers, autocomplete, reply links, help and registration come from that alone.
/// </summary>
public sealed class TopicRecipeTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Step 1 of the recipe: the declaration, as it would go into CommandCatalog.Topics.cs.</summary>
    private static readonly TopicDefinition Projects =
        new("projects", "Portfolio project ideas for a first ML job", "project-idea", "idea", "A project idea, e.g. image-classifier")
        {
            Noun = "project idea",
            ListTitle = "Portfolio project ideas",
            ListIntro = "Pick one to see what it shows an employer:",
            Examples = ["/projects", "/projects image-classifier"],
        };

    /// <summary>Step 2: a new knowledge folder, in a copy of the real one.</summary>
    private string KnowledgeWithProjects()
    {
        var knowledge = RepoPaths.CopyKnowledgeTo(_temp.File("kb"));
        Directory.CreateDirectory(Path.Combine(knowledge, "projects"));
        File.WriteAllText(Path.Combine(knowledge, "projects", "image-classifier.md"), Entry("image-classifier", "An image classifier",
            "A small computer-vision model trained on a public data set.", "[skills.frameworks]", "Try `/skills frameworks` first."));
        File.WriteAllText(Path.Combine(knowledge, "projects", "house-prices.md"), Entry("house-prices", "House price regression",
            "Predict sale prices from tabular data, end to end.", "[projects.image-classifier]", "Then `/projects image-classifier`."));
        return knowledge;
    }

    private static string Entry(string key, string title, string summary, string related, string body) => $"""
        ---
        id: projects.{key}
        title: {title}
        kind: project-idea
        summary: {summary}
        related: {related}
        sources:
          - id: roadmap-article
            title: "Untitled roadmap article: becoming a machine learning engineer"
            publisher: Unknown publisher
        ---
        ## What it shows

        {body}
        """;

    [Fact]
    public async Task A_topic_declared_once_with_a_new_knowledge_folder_answers_autocompletes_links_and_registers()
    {
        var knowledge = KnowledgeWithProjects();
        using var added = CommandCatalog.AddTopicsForThisFlow(Projects);
        using var core = new CoreServices(knowledge);

        var list = await core.TypeTextAsync("/projects");
        var one = await core.TypeAsync("/projects house-prices");
        var typo = await core.TypeTextAsync("/projects image-clasifier");
        var help = await core.TypeTextAsync("/help projects");
        var suggestions = core.Get<IAutocompleteProvider>().Suggest(Projects.Autocomplete, "hou", CoreServices.Alice);
        var registration = CommandRegistration.Build(CommandCatalog.All, isGlobal: true);
        var manifest = SlackManifest.Build(null);

        Assert.Empty(core.Get<KnowledgeService>().LastProblems);
        Assert.Contains("Portfolio project ideas", list);
        Assert.Contains("An image classifier — /projects image-classifier", list);
        Assert.Equal("House price regression", one.Title);
        Assert.Contains(one.Actions, a => a.CommandLine == "/projects image-classifier");
        Assert.Contains("Did you mean /projects image-classifier?", typo);
        Assert.Contains("/projects image-classifier", help);
        Assert.Equal(["house-prices"], suggestions.Select(s => s.Value));
        Assert.Empty(CommandRegistration.Validate(registration));
        var command = registration.Single(c => (string?)c!["name"] == "projects")!;
        Assert.Equal("idea", (string?)command["options"]![0]!["name"]);
        Assert.True((bool?)command["options"]![0]!["autocomplete"]);
        Assert.Contains(manifest["features"]!["slash_commands"]!.AsArray(), c => (string?)c!["command"] == "/projects");
        Assert.Empty(CommandHandlerCheck.Problems([CommandCatalog.Find("projects")!], core.Get<IEnumerable<ICommandHandler>>()));
    }

    [Fact]
    public async Task The_added_topic_stays_out_of_the_shipped_catalog()
    {
        using (CommandCatalog.AddTopicsForThisFlow(Projects))
        {
            Task<CommandDefinition?> elsewhere;
            using (ExecutionContext.SuppressFlow())
            {
                // Another test's flow, started while this one has the topic.
                elsewhere = Task.Run(() => CommandCatalog.Find("projects"));
            }

            Assert.NotNull(CommandCatalog.Find("projects"));
            Assert.Null(await elsewhere);
        }

        Assert.Null(CommandCatalog.Find("projects"));
        Assert.DoesNotContain("project-idea", KnowledgeKinds.All);
        Assert.Contains("unknown kind 'project-idea'", string.Join("\n", KnowledgeLoader.Load(KnowledgeWithProjects()).Problems));
    }

    [Fact]
    public void Start_up_stops_with_one_line_per_catalog_command_that_has_no_handler()
    {
        // Core's commands only: /group, /checkin, /away and /kb are in the catalog, but their areas are not added.
        using var core = new CoreServices();

        var failure = Assert.Throws<OptionsValidationException>(() => core.Get<IStartupValidator>().Validate());

        Assert.Equal(["group", "checkin", "away", "kb"], failure.Failures.Select(f => f.Split(' ')[0].TrimStart('/')));
        Assert.All(failure.Failures, f => Assert.DoesNotContain('\n', f));
        Assert.StartsWith("/group is in the command catalog but has no handler: register an ICommandHandler", failure.Failures.First());
    }

    [Fact]
    public void A_command_bound_twice_is_reported_too()
    {
        var help = CommandCatalog.Find("help")!;

        var problems = CommandHandlerCheck.Problems([help], [new HelpHandler(), new HelpHandler()]);

        Assert.Equal(["/help has 2 handlers; register exactly one"], problems);
    }
}
