using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using MlMentorBot.Core.Commands;
using MlMentorBot.Discord.Registration;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Discord;

public sealed class CommandRegistrationTests
{
    private static IConfiguration Configuration(TempDir temp) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Discord:ApplicationId"] = "1143372838210596935",
        ["Discord:BotToken"] = "test-bot-token",
        ["Discord:ApiBaseUrl"] = "https://discord.test/api/v10/",
        ["Discord:RegistrationStateFile"] = temp.File("discord-commands.sha256"),
    }).Build();

    [Fact]
    public void The_core_catalog_builds_registration_json_that_follows_discords_rules()
    {
        var commands = CommandRegistration.Build(CommandCatalog.All, isGlobal: true);

        Assert.Empty(CommandRegistration.Validate(commands));
        Assert.Equal(CommandCatalog.All.Count, commands.Count);
    }

    [Fact]
    public void Autocomplete_options_subcommands_choices_and_contexts_are_rendered()
    {
        var commands = CommandRegistration.Build(CommandCatalog.All, isGlobal: true);
        var roadmap = commands.Single(c => (string)c!["name"]! == "roadmap")!;
        var mark = commands.Single(c => (string)c!["name"]! == "progress")!["options"]!.AsArray().Single(o => (string)o!["name"]! == "mark")!;

        Assert.True((bool)roadmap["options"]![0]!["autocomplete"]!);
        Assert.Equal(6, (int)roadmap["options"]!.AsArray().Single(o => (string)o!["name"]! == "user")!["type"]!);
        Assert.Equal(1, (int)mark["type"]!);
        Assert.Equal("done", (string)mark["options"]![1]!["choices"]![0]!["value"]!);
        Assert.Equal("[0,1]", roadmap["contexts"]!.ToJsonString());
        Assert.Null(CommandRegistration.Build(CommandCatalog.All, isGlobal: false)[0]!["contexts"]);
    }

    [Fact]
    public void Moderator_only_commands_are_hidden_behind_manage_guild()
    {
        var command = new CommandDefinition("kb", "Knowledge base tools", [], []) { IsModeratorOnly = true };

        var json = CommandRegistration.Build([command], isGlobal: false);

        Assert.Equal("32", (string)json[0]!["default_member_permissions"]!);
    }

    [Fact]
    public void Rule_breaking_commands_are_reported_before_anything_is_sent()
    {
        var tooManyChoices = Enumerable.Range(0, 26).Select(i => new OptionChoice($"c{i}", $"c{i}")).ToList();
        CommandDefinition[] commands =
        [
            new("Roadmap", "Upper case name", [], []),
            new("long", new string('d', 101), [], []),
            new("order", "Optional before required",
                [new OptionDefinition("a", "optional"), new OptionDefinition("b", "required", IsRequired: true)], []),
            new("choices", "Too many choices", [new OptionDefinition("x", "x") { Choices = tooManyChoices }], []),
            new("both", "Choices and autocomplete",
                [new OptionDefinition("x", "x") { Choices = [new("a", "a")], Autocomplete = AutocompleteSource.RoadmapStage }], []),
            new("big", "Too large", Enumerable.Range(0, 25).Select(i => new OptionDefinition($"o{i}", new string('d', 100))
                { Choices = Enumerable.Range(0, 25).Select(j => new OptionChoice(new string('n', 100), $"v{j}")).ToList() }).ToList(), []),
            new("big", "Duplicate name", [], []),
        ];

        var problems = CommandRegistration.Validate(CommandRegistration.Build(commands, isGlobal: true));

        Assert.Contains(problems, p => p.StartsWith("Roadmap: name"));
        Assert.Contains(problems, p => p.StartsWith("long: description"));
        Assert.Contains(problems, p => p.StartsWith("order.b: required options must come before"));
        Assert.Contains(problems, p => p.StartsWith("choices.x: 26 choices"));
        Assert.Contains(problems, p => p.StartsWith("both.x: autocomplete cannot be combined"));
        Assert.Contains(problems, p => p.StartsWith("big:") && p.Contains("8000"));
        Assert.Contains(problems, p => p.Contains("'big' appears 2 times"));
    }

    [Fact]
    public async Task Dry_run_prints_the_json_without_calling_discord()
    {
        var api = new FakeDiscordApi();
        var output = new StringWriter();

        var exit = await RegisterCommandsVerb.RunAsync(["--dry-run"], new ConfigurationBuilder().Build(), output, CancellationToken.None, api);

        Assert.Equal(0, exit);
        Assert.Equal(CommandCatalog.All.Count, JsonNode.Parse(output.ToString())!.AsArray().Count);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Registration_puts_once_and_skips_an_unchanged_command_set()
    {
        using var temp = new TempDir();
        var api = new FakeDiscordApi().Respond("/commands", HttpStatusCode.OK, "[]");
        var configuration = Configuration(temp);

        var first = await RegisterCommandsVerb.RunAsync(["--guild", "1111111111111111111"], configuration, new StringWriter(), CancellationToken.None, api);
        var secondOutput = new StringWriter();
        var second = await RegisterCommandsVerb.RunAsync(["--guild", "1111111111111111111"], configuration, secondOutput, CancellationToken.None, api);
        var global = await RegisterCommandsVerb.RunAsync([], configuration, new StringWriter(), CancellationToken.None, api);

        Assert.Equal((0, 0, 0), (first, second, global));
        Assert.Contains("unchanged", secondOutput.ToString());
        var puts = api.Requests.ToList();
        Assert.Equal(2, puts.Count);
        Assert.Equal(("PUT", "/api/v10/applications/1143372838210596935/guilds/1111111111111111111/commands"), (puts[0].Method, puts[0].Path));
        Assert.Equal("/api/v10/applications/1143372838210596935/commands", puts[1].Path);
        Assert.Equal("Bot test-bot-token", puts[0].Authorization);
    }

    [Fact]
    public async Task A_refused_registration_prints_discords_error_and_is_not_remembered()
    {
        using var temp = new TempDir();
        var api = new FakeDiscordApi().Respond("/commands", HttpStatusCode.BadRequest,
            """{"code":30034,"message":"Max number of daily application command creates has been reached (200)"}""");
        var configuration = Configuration(temp);
        var output = new StringWriter();

        var exit = await RegisterCommandsVerb.RunAsync([], configuration, output, CancellationToken.None, api);

        Assert.Equal(1, exit);
        Assert.Contains("30034", output.ToString());
        Assert.False(File.Exists(temp.File("discord-commands.sha256")));
    }
}
