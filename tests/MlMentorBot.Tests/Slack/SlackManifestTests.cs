using System.Text.Json.Nodes;
using MlMentorBot.Core.Commands;
using MlMentorBot.Slack.Manifest;

namespace MlMentorBot.Tests.Slack;

public sealed class SlackManifestTests
{
    private static JsonObject Run(params string[] args)
    {
        var output = new StringWriter();
        Assert.Equal(0, SlackManifest.Run(args, output, new StringWriter()));
        return JsonNode.Parse(output.ToString())!.AsObject();
    }

    [Fact]
    public void The_default_manifest_is_socket_mode_with_every_catalog_command_and_no_urls()
    {
        var manifest = Run();

        Assert.True(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.Null(manifest["settings"]!["interactivity"]!["request_url"]);
        var commands = manifest["features"]!["slash_commands"]!.AsArray();
        Assert.Equal(CommandCatalog.All.Select(c => "/" + c.Name), commands.Select(c => c!["command"]!.GetValue<string>()));
        Assert.All(commands, c =>
        {
            Assert.Null(c!["url"]);
            Assert.InRange(c["command"]!.GetValue<string>().Length, 2, 32);
            Assert.InRange(c["description"]!.GetValue<string>().Length, 1, 2000);
            Assert.True(c["usage_hint"]!.GetValue<string>().Length <= 1000);
        });
        Assert.Contains("commands", manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void The_usage_hint_comes_from_the_catalog()
    {
        var commands = Run()["features"]!["slash_commands"]!.AsArray();

        Assert.Equal("show | mark <step> <done|learning|skipped|todo> | export | delete [yes]",
            commands.Single(c => c!["command"]!.GetValue<string>() == "/progress")!["usage_hint"]!.GetValue<string>());
        Assert.Equal("[stage] [user]", commands.Single(c => c!["command"]!.GetValue<string>() == "/roadmap")!["usage_hint"]!.GetValue<string>());
    }

    [Fact]
    public void With_http_every_command_and_interactivity_point_at_the_base_url()
    {
        var manifest = Run("--http", "https://bot.example.com");

        Assert.False(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.Equal("https://bot.example.com/slack/interactivity", manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>());
        Assert.All(manifest["features"]!["slash_commands"]!.AsArray(),
            c => Assert.Equal("https://bot.example.com/slack/commands", c!["url"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("--http")]
    [InlineData("--http", "not a url")]
    [InlineData("--bogus")]
    public void Bad_arguments_print_usage_and_exit_2(params string[] args)
    {
        var error = new StringWriter();

        Assert.Equal(2, SlackManifest.Run(args, new StringWriter(), error));
        Assert.Contains("Usage: slack manifest", error.ToString());
    }
}
