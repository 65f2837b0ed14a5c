using Microsoft.Extensions.DependencyInjection;

namespace MlMentorBot.Benchmarks;

/// <summary>Files the benchmarks use: the repository's own (knowledge, fixtures) and a throw-away folder per run.</summary>
internal static class BenchFiles
{
    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mlmentorbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A path inside the repository, found by walking up from the build output to the folder holding the solution.</summary>
    public static string InRepository(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(Path.Combine(dir.FullName, "MlMentorBot.sln")) && Path.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Run the benchmarks from inside the repository: {relative} not found.");
    }

    /// <summary>Disposes the services, closes pooled SQLite connections so the file can go, and deletes the folder.</summary>
    public static void Release(ServiceProvider provider, string folder)
    {
        provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
