namespace MlMentorBot.Core;

/// <summary>The host's content root (absolute), against which relative paths in configuration are resolved.</summary>
public sealed record ContentRoot(string Path)
{
    /// <summary>
    /// Resolves <paramref name="configured"/>: an absolute path as it is; a relative one under the content root when it
    /// exists there, else under the nearest parent folder where it exists (so <c>dotnet run --project src/MlMentorBot</c>,
    /// whose content root is the project folder, finds the repository's <c>knowledge/</c>), else under the content root.
    /// </summary>
    public string Resolve(string configured)
    {
        if (System.IO.Path.IsPathRooted(configured))
        {
            return System.IO.Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(Path); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, configured);
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, configured));
    }
}
