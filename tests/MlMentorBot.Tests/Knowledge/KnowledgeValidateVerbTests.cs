using System.Text.Json;
using MlMentorBot.Cli;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Knowledge;

/// <summary>The exit codes and JSON shape moderators' CI depends on (docs/moderators.md): keep them stable.</summary>
public sealed class KnowledgeValidateVerbTests
{
    [Fact]
    public async Task The_shipped_knowledge_validates_clean_with_exit_code_zero()
    {
        var output = new StringWriter();

        var exit = await KnowledgeValidateVerb.RunAsync([RepoPaths.Knowledge, "--format", "json"], output, CancellationToken.None);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetInt32());
        Assert.True(json.RootElement.GetProperty("entries").GetInt32() > 20);
    }

    [Fact]
    public async Task A_broken_file_exits_one_and_its_problem_has_file_line_severity_and_message()
    {
        using var temp = new TempDir();
        RepoPaths.CopyKnowledgeTo(temp.Path);
        var file = Path.Combine(temp.Path, "skills", "frameworks.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("kind: skill-area", "kind: skill-aera"));
        var output = new StringWriter();

        var exit = await KnowledgeValidateVerb.RunAsync([temp.Path, "--format=json"], output, CancellationToken.None);

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("skills/frameworks.md", problem.GetProperty("file").GetString());
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
        Assert.Equal("error", problem.GetProperty("severity").GetString());
        Assert.StartsWith("unknown kind 'skill-aera'", problem.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("--format", "yaml")]
    [InlineData("/no/such/knowledge/folder", "--format=text")]
    public async Task Bad_usage_or_a_missing_folder_exits_two(string first, string second)
    {
        var exit = await KnowledgeValidateVerb.RunAsync([first, second], new StringWriter(), CancellationToken.None);

        Assert.Equal(2, exit);
    }
}
