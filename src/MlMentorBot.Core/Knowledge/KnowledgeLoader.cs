using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MlMentorBot.Core.Knowledge;

/// <summary>The outcome of reading a knowledge folder: the entries that parsed, every problem, and a content hash.</summary>
public sealed record KnowledgeLoadResult(
    IReadOnlyList<KnowledgeEntry> Entries,
    IReadOnlyList<KnowledgeProblem> Problems,
    string Version,
    string Directory)
{
    /// <summary>True when any problem is an <see cref="ProblemSeverity.Error"/>: such a result must not replace the serving snapshot.</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>
/// Reads and validates a knowledge folder (format: <c>knowledge/README.md</c>). Parses front matter with Markdig's YAML
/// front-matter extension and YamlDotNet's representation model (so every problem carries its file and line), splits bodies
/// into <c>## </c> sections, and checks: required fields, id syntax, unique ids, step ids and aliases across files, links that
/// resolve, stage order, and that every salary figure names one of its entry's sources. Never throws for bad files; an
/// unreadable folder throws <see cref="DirectoryNotFoundException"/>.
/// </summary>
public static partial class KnowledgeLoader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePreciseSourceLocation().Build();

    /// <summary>
    /// Reads every <c>*.md</c> file under <paramref name="directory"/> except <c>README.md</c> and <c>_</c>/<c>.</c> names
    /// (a relative path resolves against the current directory). Bad files, and a folder without any, become
    /// <see cref="KnowledgeLoadResult.Problems"/>; throws <see cref="DirectoryNotFoundException"/> when the folder does not exist.
    /// </summary>
    public static KnowledgeLoadResult Load(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Knowledge folder not found: {root}");
        }

        var files = Files(root);
        var problems = new List<KnowledgeProblem>();
        var entries = new List<KnowledgeEntry>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (full, relative) in files)
        {
            var text = File.ReadAllText(full);
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0" + text + "\0"));
            var entry = ParseFile(relative, text, problems);
            if (entry is not null)
            {
                entries.Add(entry with { ContentHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant() });
            }
        }

        if (files.Count == 0)
        {
            problems.Add(new KnowledgeProblem(".", 1, ProblemSeverity.Error, "no knowledge files (*.md) found"));
        }

        ValidateAcrossFiles(entries, problems);
        var version = Convert.ToHexString(hash.GetHashAndReset())[..12].ToLowerInvariant();
        var ordered = problems.OrderByDescending(p => p.Severity).ThenBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
        return new KnowledgeLoadResult(entries, ordered, version, root);
    }

    /// <summary>The knowledge files of <paramref name="root"/> (absolute and relative paths), in load order; skips README.md and <c>_</c>/<c>.</c> names.</summary>
    internal static IReadOnlyList<(string Full, string Relative)> Files(string root) =>
        System.IO.Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Where(f => !IsSkipped(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();

    private static bool IsSkipped(string relative) =>
        relative.Equals("README.md", StringComparison.OrdinalIgnoreCase)
        || relative.Split('/').Any(part => part.StartsWith('_') || part.StartsWith('.'));

    /// <summary>Parses one file; problems are appended to <paramref name="problems"/>. Returns null when the file cannot form an entry.</summary>
    internal static KnowledgeEntry? ParseFile(string file, string text, List<KnowledgeProblem> problems)
    {
        var document = Markdown.Parse(text, Pipeline);
        if (document.FirstOrDefault() is not YamlFrontMatterBlock frontMatter)
        {
            problems.Add(new(file, 1, ProblemSeverity.Error, "missing YAML front matter: the file must start with a '---' line"));
            return null;
        }

        // Lines of the YAML between the fences; Markdig's Line is 0-based and points at the opening '---'.
        var yamlText = string.Join("\n", frontMatter.Lines.Lines.Take(frontMatter.Lines.Count).Select(l => l.Slice.ToString()));
        var yamlFirstLine = frontMatter.Line + 2;
        YamlMappingNode map;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yamlText));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(new(file, frontMatter.Line + 1, ProblemSeverity.Error, "front matter must be a YAML mapping (key: value lines)"));
                return null;
            }

            map = root;
        }
        catch (YamlException ex)
        {
            var line = yamlFirstLine + (int)ex.Start.Line - 1;
            problems.Add(new(file, line, ProblemSeverity.Error, $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (without a position) for some unterminated flow collections.
            problems.Add(new(file, frontMatter.Line + 1, ProblemSeverity.Error, $"invalid YAML in the front matter (check brackets and quotes): {ex.Message}"));
            return null;
        }

        var reader = new FrontMatterReader(file, yamlFirstLine, map, problems);
        var id = reader.RequiredString("id");
        var title = reader.RequiredString("title");
        var kind = reader.RequiredString("kind");
        var summary = reader.RequiredString("summary");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            reader.Error("id", $"id '{id}' must be lowercase words joined by dots, e.g. skills.programming");
        }

        if (kind is not null && !KnowledgeKinds.IsKnown(kind))
        {
            reader.Error("kind", $"unknown kind '{kind}'; use one of {string.Join(", ", KnowledgeKinds.All)}");
        }

        var sources = reader.Sources();
        if (id is null || title is null || kind is null || summary is null)
        {
            return null;
        }

        var entry = new KnowledgeEntry(
            id, title, kind, summary,
            reader.StringList("aliases"), reader.StringList("tags"), reader.StringList("related"), reader.StringList("replaces"),
            sources, SplitSections(id, text, document), file, frontMatter.Line + 1)
        {
            CommandMentions = CommandMentionsIn(document),
            Questions = reader.Questions(),
            NotCovered = reader.StringList("not_covered").Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList(),
            RelatedLine = reader.LineOfKey("related"),
            NotCoveredLine = reader.LineOfKey("not_covered"),
        };

        return kind switch
        {
            KnowledgeKinds.RoadmapStage => entry with { Order = reader.Order(), Steps = reader.Steps(id) },
            KnowledgeKinds.Salary => entry with { Figures = reader.Figures(sources) },
            KnowledgeKinds.Synonyms => entry with { Synonyms = reader.SynonymMap() },
            _ => entry,
        };
    }

    /// <summary>Inline code that starts with a command name (<c>`/roadmap foundations`</c>); paths such as <c>`/etc/hosts`</c> are not commands.</summary>
    private static List<CommandMention> CommandMentionsIn(MarkdownDocument document) =>
        document.Descendants<CodeInline>()
            .Where(code => CommandMentionPattern().IsMatch(code.Content))
            .Select(code => new CommandMention(code.Content.Trim(), code.Line + 1))
            .ToList();

    [GeneratedRegex(@"^/[a-z][a-z0-9_-]*(\s|$)")]
    private static partial Regex CommandMentionPattern();

    private static List<KnowledgeSection> SplitSections(string entryId, string text, MarkdownDocument document)
    {
        var sections = new List<KnowledgeSection>();
        var blocks = document.Where(b => b is not YamlFrontMatterBlock).ToList();
        string? heading = null;
        var start = -1;
        var line = 0;
        void Flush(int end)
        {
            if (start >= 0 && end > start)
            {
                var markdown = text[start..end].Trim();
                if (markdown.Length > 0)
                {
                    sections.Add(new KnowledgeSection(entryId, heading, markdown, line));
                }
            }
        }

        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: <= 2 } h)
            {
                Flush(h.Span.Start);
                heading = h.Inline?.FirstChild is null ? null : text.Substring(h.Span.Start, h.Span.Length).TrimStart('#').Trim();
                start = h.Span.End + 1;
                line = h.Line + 1;
                continue;
            }

            if (start < 0)
            {
                start = block.Span.Start;
                line = block.Line + 1;
            }
        }

        Flush(text.Length);
        return sections;
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$")]
    internal static partial Regex IdPattern();
}
