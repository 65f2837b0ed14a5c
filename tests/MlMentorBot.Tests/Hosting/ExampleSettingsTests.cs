using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Storage;
using MlMentorBot.Discord;
using MlMentorBot.Hosting;
using MlMentorBot.LocalChat;
using MlMentorBot.Slack;

namespace MlMentorBot.Tests.Hosting;

/// <summary>
/// <c>appsettings.example.json</c> is documentation that must also work: every value parses and validates, every setting is
/// in it, and copied as it is it starts the bot (issue #13 items 10 and 12).
/// </summary>
public sealed class ExampleSettingsTests
{
    private static readonly string ExamplePath = Path.Combine(RepoPaths.Root, "appsettings.example.json");

    /// <summary>Each configuration section and the options class bound from it.</summary>
    private static readonly Dictionary<string, Type> Sections = new()
    {
        ["Knowledge"] = typeof(KnowledgeOptions),
        ["Storage"] = typeof(StorageOptions),
        ["LocalChat"] = typeof(LocalChatOptions),
        ["CheckIns"] = typeof(CheckInOptions),
        ["Discord"] = typeof(DiscordOptions),
        ["Slack"] = typeof(SlackOptions),
        ["Moderation"] = typeof(ModerationOptions),
        ["Observability"] = typeof(ObservabilityOptions),
        ["Scheduling"] = typeof(MlMentorBot.Core.Scheduling.SchedulingOptions),
        ["Shutdown"] = typeof(ShutdownOptions),
    };

    [Fact]
    public void Every_options_class_binds_and_validates_against_the_example()
    {
        var example = new ConfigurationBuilder().AddJsonFile(ExamplePath).Build();
        var settings = example.AsEnumerable().Where(pair => pair.Value is not null).ToDictionary();

        // Knowledge and database come from the factory (the real folder, a temporary file) so the example's relative paths
        // do not touch the repository; everything else is the example's.
        settings.Remove("Knowledge:Path");
        settings.Remove("Storage:DatabasePath");
        using var factory = new BotFactory(settings);
        factory.Services.GetRequiredService<IStartupValidator>().Validate();
        foreach (var type in Sections.Values)
        {
            var options = factory.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            Assert.NotNull(options.GetType().GetProperty("Value")!.GetValue(options));
        }
    }

    [Fact]
    public void Every_setting_of_every_options_class_is_in_the_example()
    {
        var text = File.ReadAllText(ExamplePath);
        var missing = Sections
            .SelectMany(section => section.Value.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.Name != "ApiBaseUrl") // ApiBaseUrl only points tests at a fake platform
                .Select(p => $"{section.Key}:{p.Name}"))
            .Where(key => !text.Contains($"\"{key.Split(':')[1]}\":", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(missing);
        Assert.Contains(typeof(LocalChatOptions), Sections.Values);
        var optionsTypes = new[] { typeof(KnowledgeOptions), typeof(DiscordOptions), typeof(SlackOptions), typeof(LocalChatOptions), typeof(ObservabilityOptions) }
            .SelectMany(t => t.Assembly.GetTypes())
            .Where(t => t is { IsPublic: true, IsClass: true } && t.Name.EndsWith("Options", StringComparison.Ordinal) && t != typeof(AlertChannelOptions))
            .Distinct();
        Assert.Equal(optionsTypes.OrderBy(t => t.Name), Sections.Values.OrderBy(t => t.Name)); // a new options class needs a row above
    }

    [Fact]
    public async Task Copied_as_it_is_it_starts_the_local_chat()
    {
        using var temp = new TempDir();
        File.Copy(ExamplePath, temp.File("appsettings.json"));

        var (exit, output, errors) = await HostProcess.RunAsync(temp.Path, [$"--Knowledge:Path={RepoPaths.Knowledge}"], "/help roadmap\n");

        Assert.True(exit == 0, errors);
        Assert.Contains("/roadmap", output);
        Assert.True(File.Exists(temp.File(Path.Combine("data", "mlmentorbot.db"))), "the example's database path, under the content root");
    }
}
