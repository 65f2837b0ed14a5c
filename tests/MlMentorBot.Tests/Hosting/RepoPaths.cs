namespace MlMentorBot.Tests.Hosting;

/// <summary>Paths in the repository the tests run from (found by walking up to MlMentorBot.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real knowledge folder the bot ships with.</summary>
    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static readonly Lazy<MlMentorBot.Core.Knowledge.KnowledgeSnapshot> LoadedKnowledge = new(() =>
    {
        var result = MlMentorBot.Core.Knowledge.KnowledgeLoader.Load(Knowledge);
        return new MlMentorBot.Core.Knowledge.KnowledgeSnapshot(result.Entries, result.Version, DateTimeOffset.UnixEpoch);
    });

    /// <summary>The real knowledge folder loaded once (as of the Unix epoch), shared read-only by the tests that search it.</summary>
    public static MlMentorBot.Core.Knowledge.KnowledgeSnapshot KnowledgeSnapshot => LoadedKnowledge.Value;

    public static string Fixture(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    /// <summary>Copies the real knowledge folder to <paramref name="target"/> so a test can edit or break it.</summary>
    public static string CopyKnowledgeTo(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Knowledge, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Knowledge, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        return target;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MlMentorBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MlMentorBot.sln not found above " + AppContext.BaseDirectory);
    }
}
