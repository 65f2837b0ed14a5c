using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
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
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

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
            sources, SplitSections(id, text, document), file, frontMatter.Line + 1);

        return kind switch
        {
            KnowledgeKinds.RoadmapStage => entry with { Order = reader.Order(), Steps = reader.Steps(id) },
            KnowledgeKinds.Salary => entry with { Figures = reader.Figures(sources) },
            KnowledgeKinds.Synonyms => entry with { Synonyms = reader.SynonymMap() },
            _ => entry,
        };
    }

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

    private static void ValidateAcrossFiles(List<KnowledgeEntry> entries, List<KnowledgeProblem> problems)
    {
        var ids = new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (!ids.TryAdd(e.Id, e))
            {
                problems.Add(new(e.FilePath, e.Line, ProblemSeverity.Error, $"duplicate id '{e.Id}' (also in {ids[e.Id].FilePath}:{ids[e.Id].Line})"));
            }
        }

        var steps = new Dictionary<string, RoadmapStep>(StringComparer.Ordinal);
        foreach (var step in entries.SelectMany(e => e.Steps))
        {
            if (ids.ContainsKey(step.Id) || !steps.TryAdd(step.Id, step))
            {
                problems.Add(new(step.FilePath, step.Line, ProblemSeverity.Error, $"duplicate step id '{step.Id}'"));
            }
        }

        // Aliases and keys share one namespace: "/skills maths" must point at exactly one entry.
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            foreach (var alias in e.Aliases)
            {
                if (names.TryGetValue(alias, out var owner) && owner != e.Id)
                {
                    problems.Add(new(e.FilePath, e.Line, ProblemSeverity.Error, $"alias '{alias}' is already used by '{owner}'"));
                }
                else
                {
                    names[alias] = e.Id;
                }
            }
        }

        foreach (var e in entries)
        {
            foreach (var link in e.Related.Concat(e.Steps.SelectMany(s => s.Resources)))
            {
                if (!ids.ContainsKey(link) && !steps.ContainsKey(link))
                {
                    var near = Commands.CloseMatches.Find(link, ids.Keys, 1);
                    problems.Add(new(e.FilePath, e.Line, ProblemSeverity.Error,
                        $"link to unknown id '{link}'{(near.Count > 0 ? $" (did you mean '{near[0]}'?)" : "")}"));
                }
            }
        }

        ValidateReplaces(entries, ids, steps, problems);

        var stages = entries.Where(e => e.Kind == KnowledgeKinds.RoadmapStage).ToList();
        foreach (var group in stages.Where(s => s.Order is not null).GroupBy(s => s.Order).Where(g => g.Count() > 1))
        {
            foreach (var s in group.Skip(1))
            {
                problems.Add(new(s.FilePath, s.Line, ProblemSeverity.Error, $"stage order {s.Order} is also used by '{group.First().Id}'"));
            }
        }

        if (entries.Count > 0 && stages.Count == 0)
        {
            problems.Add(new(".", 1, ProblemSeverity.Warning, "no roadmap-stage entries: /roadmap and /progress will be empty"));
        }
    }

    /// <summary>
    /// <c>replaces</c> moves members' progress from old ids to the new one on load, so an old id must really be gone
    /// (else progress would leave a step that still exists) and be claimed by one entry or step only.
    /// </summary>
    private static void ValidateReplaces(List<KnowledgeEntry> entries, Dictionary<string, KnowledgeEntry> ids, Dictionary<string, RoadmapStep> steps, List<KnowledgeProblem> problems)
    {
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = entries.SelectMany(e => e.Replaces.Select(old => (Old: old, New: e.Id, e.FilePath, e.Line)))
            .Concat(entries.SelectMany(e => e.Steps).SelectMany(s => s.Replaces.Select(old => (Old: old, New: s.Id, s.FilePath, s.Line))));
        foreach (var (old, replacement, file, line) in claims)
        {
            if (!IdPattern().IsMatch(old))
            {
                problems.Add(new(file, line, ProblemSeverity.Error, $"replaces '{old}': not a valid id"));
            }
            else if (ids.ContainsKey(old) || steps.ContainsKey(old))
            {
                problems.Add(new(file, line, ProblemSeverity.Error,
                    $"'{replacement}' replaces '{old}', but '{old}' still exists; remove it or drop it from replaces"));
            }
            else if (!claimed.TryAdd(old, replacement) && claimed[old] != replacement)
            {
                problems.Add(new(file, line, ProblemSeverity.Error, $"'{old}' is replaced by both '{claimed[old]}' and '{replacement}'"));
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$")]
    internal static partial Regex IdPattern();

    /// <summary>Reads typed values from a front-matter mapping, reporting problems with the node's own line.</summary>
    private sealed class FrontMatterReader(string file, int firstLine, YamlMappingNode map, List<KnowledgeProblem> problems)
    {
        public int LineOf(YamlNode node) => firstLine + (int)node.Start.Line - 1;

        public void Error(string key, string message) => problems.Add(new(file, LineOfKey(key), ProblemSeverity.Error, message));

        private void Error(YamlNode node, string message) => problems.Add(new(file, LineOf(node), ProblemSeverity.Error, message));

        private int LineOfKey(string key) => Get(map, key) is { } n ? LineOf(n) : firstLine;

        private static YamlNode? Get(YamlMappingNode m, string key) =>
            m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

        private static string? Scalar(YamlNode? node) =>
            node is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        public string? RequiredString(string key) => RequiredString(map, key, firstLine);

        private string? RequiredString(YamlMappingNode m, string key, int lineIfMissing)
        {
            var node = Get(m, key);
            if (node is null)
            {
                problems.Add(new(file, lineIfMissing, ProblemSeverity.Error, $"missing required field '{key}'"));
                return null;
            }

            var value = Scalar(node);
            if (value is null)
            {
                Error(node, $"'{key}' must be a non-empty text value");
            }

            return value;
        }

        public IReadOnlyList<string> StringList(string key) => StringList(map, key);

        private List<string> StringList(YamlMappingNode m, string key)
        {
            switch (Get(m, key))
            {
                case null:
                    return [];
                case YamlSequenceNode seq:
                    var list = new List<string>();
                    foreach (var item in seq)
                    {
                        if (Scalar(item) is { } v)
                        {
                            list.Add(v);
                        }
                        else
                        {
                            Error(item, $"'{key}' items must be text values");
                        }
                    }

                    return list;
                case var other:
                    Error(other, $"'{key}' must be a list, e.g. [a, b]");
                    return [];
            }
        }

        public IReadOnlyList<KnowledgeSource> Sources()
        {
            var node = Get(map, "sources");
            if (node is not YamlSequenceNode { Children.Count: > 0 } seq)
            {
                problems.Add(new(file, node is null ? firstLine : LineOf(node), ProblemSeverity.Error,
                    "missing 'sources': every entry names at least one source article (id, title, publisher)"));
                return [];
            }

            var sources = new List<KnowledgeSource>();
            foreach (var item in seq)
            {
                if (item is not YamlMappingNode m)
                {
                    Error(item, "each source needs id, title and publisher");
                    continue;
                }

                var line = LineOf(item);
                var id = RequiredString(m, "id", line);
                var title = RequiredString(m, "title", line);
                var publisher = RequiredString(m, "publisher", line);
                var year = Int(m, "year");
                if (id is not null && title is not null && publisher is not null)
                {
                    if (sources.Any(s => s.Id == id))
                    {
                        Error(item, $"duplicate source id '{id}'");
                    }

                    sources.Add(new KnowledgeSource(id, title, publisher, year, Scalar(Get(m, "note"))));
                }
            }

            return sources;
        }

        public int? Order()
        {
            var order = Int(map, "order");
            if (order is null or < 1)
            {
                Error("order", "a roadmap-stage needs 'order': a whole number from 1");
            }

            return order;
        }

        public IReadOnlyList<RoadmapStep> Steps(string stageId)
        {
            var node = Get(map, "steps");
            if (node is not YamlSequenceNode { Children.Count: > 0 } seq)
            {
                Error("steps", "a roadmap-stage needs at least one step under 'steps'");
                return [];
            }

            var steps = new List<RoadmapStep>();
            foreach (var item in seq)
            {
                if (item is not YamlMappingNode m)
                {
                    Error(item, "each step needs id, title and detail");
                    continue;
                }

                var line = LineOf(item);
                var id = RequiredString(m, "id", line);
                var title = RequiredString(m, "title", line);
                var detail = RequiredString(m, "detail", line);
                if (id is not null && !id.StartsWith(stageId + ".", StringComparison.Ordinal))
                {
                    Error(item, $"step id '{id}' must start with its stage id '{stageId}.'");
                }
                else if (id is not null && !IdPattern().IsMatch(id))
                {
                    Error(item, $"step id '{id}' must be lowercase words joined by dots");
                }

                if (id is not null && title is not null && detail is not null)
                {
                    steps.Add(new RoadmapStep(id, stageId, title, detail, StringList(m, "resources"), StringList(m, "replaces"), file, line));
                }
            }

            return steps;
        }

        public IReadOnlyList<SalaryFigure> Figures(IReadOnlyList<KnowledgeSource> sources)
        {
            if (Get(map, "figures") is not { } node)
            {
                return [];
            }

            if (node is not YamlSequenceNode seq)
            {
                Error(node, "'figures' must be a list");
                return [];
            }

            var figures = new List<SalaryFigure>();
            foreach (var item in seq)
            {
                if (item is not YamlMappingNode m)
                {
                    Error(item, "each figure needs level, label, an amount or min/max, and source");
                    continue;
                }

                var line = LineOf(item);
                var level = RequiredString(m, "level", line);
                var label = RequiredString(m, "label", line);
                var (min, max, amount) = (Decimal(m, "min"), Decimal(m, "max"), Decimal(m, "amount"));
                if (min is null && amount is null)
                {
                    Error(item, $"figure '{level}' needs 'amount' or 'min'");
                }

                var sourceId = Scalar(Get(m, "source"));
                var source = sources.FirstOrDefault(s => s.Id == sourceId);
                if (sourceId is null)
                {
                    Error(item, $"salary figure '{level}' has no source: every figure must name one of this entry's sources");
                }
                else if (source is null)
                {
                    Error(Get(m, "source")!, $"salary figure '{level}' names unknown source '{sourceId}'; this entry's sources are {string.Join(", ", sources.Select(s => s.Id))}");
                }

                if (level is not null && label is not null && source is not null && (min is not null || amount is not null))
                {
                    figures.Add(new SalaryFigure(level, label, min, max, amount,
                        Scalar(Get(m, "currency")) ?? "USD", Scalar(Get(m, "period")) ?? "year",
                        Scalar(Get(m, "region")), Int(m, "year"), source));
                }
            }

            return figures;
        }

        public IReadOnlyDictionary<string, IReadOnlyList<string>> SynonymMap()
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            if (Get(map, "synonyms") is not YamlMappingNode m)
            {
                Error("synonyms", "a synonyms entry needs a 'synonyms' map: canonical word → [other words]");
                return result;
            }

            foreach (var (key, value) in m.Children)
            {
                if (Scalar(key) is { } word && value is YamlSequenceNode)
                {
                    result[word] = StringList(m, word);
                }
                else
                {
                    Error(key, "each synonym needs a word and a list of other words");
                }
            }

            return result;
        }

        private int? Int(YamlMappingNode m, string key)
        {
            var node = Get(m, key);
            if (node is null)
            {
                return null;
            }

            if (int.TryParse(Scalar(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            {
                return v;
            }

            Error(node, $"'{key}' must be a whole number");
            return null;
        }

        private decimal? Decimal(YamlMappingNode m, string key)
        {
            var node = Get(m, key);
            if (node is null)
            {
                return null;
            }

            if (decimal.TryParse(Scalar(node)?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= 0)
            {
                return v;
            }

            Error(node, $"'{key}' must be a number such as 70000");
            return null;
        }
    }
}
