using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MlMentorBot.Core.Knowledge;

/// <summary>Reads typed values from a front-matter mapping, reporting problems with the node's own line.</summary>
internal sealed class FrontMatterReader(string file, int firstLine, YamlMappingNode map, List<KnowledgeProblem> problems)
{
    public int LineOf(YamlNode node) => firstLine + (int)node.Start.Line - 1;

    public void Error(string key, string message) => problems.Add(new(file, LineOfKey(key), ProblemSeverity.Error, message));

    private void Error(YamlNode node, string message) => problems.Add(new(file, LineOf(node), ProblemSeverity.Error, message));

    /// <summary>The 1-based line of front matter key <paramref name="key"/>'s value; the front matter's first line when it is absent.</summary>
    public int LineOfKey(string key) => Get(map, key) is { } n ? LineOf(n) : firstLine;

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

    /// <summary>
    /// The <c>questions</c> list: one line of text each, at most <see cref="MaxQuestionLength"/> characters (an error names
    /// the line of any other); empty when the key is absent.
    /// </summary>
    public IReadOnlyList<ExampleQuestion> Questions()
    {
        switch (Get(map, "questions"))
        {
            case null:
                return [];
            case YamlSequenceNode seq:
                var list = new List<ExampleQuestion>();
                foreach (var item in seq)
                {
                    if (Scalar(item) is not { } text || text.Contains('\n', StringComparison.Ordinal))
                    {
                        Error(item, "'questions' items must be one line of text each");
                    }
                    else if (text.Length > MaxQuestionLength)
                    {
                        Error(item, $"a question is at most {MaxQuestionLength} characters; this one has {text.Length}");
                    }
                    else
                    {
                        list.Add(new ExampleQuestion(text, LineOf(item)));
                    }
                }

                return list;
            case var other:
                Error(other, "'questions' must be a list of questions, one per '- ' line");
                return [];
        }
    }

    /// <summary>Longest question a <c>questions</c> list takes, in characters (a Discord or Slack option takes no more).</summary>
    public const int MaxQuestionLength = 300;

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
            else if (id is not null && !KnowledgeLoader.IdPattern().IsMatch(id))
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
