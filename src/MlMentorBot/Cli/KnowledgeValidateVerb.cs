using System.Text.Json;
using MlMentorBot.Core;
using MlMentorBot.Core.Knowledge;

namespace MlMentorBot.Cli;

/// <summary>
/// <c>knowledge validate [DIR] [--format text|json]</c>: prints every problem (<c>file:line: error|warning: message</c>, or a
/// JSON document) and exits with a stable code: 0 no errors (warnings allowed), 1 errors, 2 bad usage or no such folder.
/// DIR defaults to <c>knowledge</c>; a relative DIR is looked up from the current directory upwards (<see cref="ContentRoot.Resolve"/>).
/// </summary>
internal static class KnowledgeValidateVerb
{
    public const int Clean = 0;
    public const int HasErrors = 1;
    public const int Usage = 2;

    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var format = "text";
        string? directory = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--format" && i + 1 < args.Length)
            {
                format = args[++i];
            }
            else if (args[i].StartsWith("--format=", StringComparison.Ordinal))
            {
                format = args[i]["--format=".Length..];
            }
            else if (directory is null && !args[i].StartsWith('-'))
            {
                directory = args[i];
            }
            else
            {
                output.WriteLine($"unexpected argument '{args[i]}'. Usage: knowledge validate [DIR] [--format text|json]");
                return Task.FromResult(Usage);
            }
        }

        if (format is not ("text" or "json"))
        {
            output.WriteLine($"unknown format '{format}': use text or json");
            return Task.FromResult(Usage);
        }

        directory ??= "knowledge";
        KnowledgeLoadResult result;
        try
        {
            result = KnowledgeLoader.Load(new ContentRoot(Directory.GetCurrentDirectory()).Resolve(directory));
        }
        catch (DirectoryNotFoundException ex)
        {
            output.WriteLine(ex.Message);
            return Task.FromResult(Usage);
        }

        var errors = result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = result.Problems.Count - errors;
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                directory = result.Directory,
                version = result.Version,
                entries = result.Entries.Count,
                steps = result.Entries.Sum(e => e.Steps.Count),
                errors,
                warnings,
                problems = result.Problems.Select(p => new
                {
                    file = p.File,
                    line = p.Line,
                    severity = p.Severity == ProblemSeverity.Error ? "error" : "warning",
                    message = p.Message,
                }),
            }, new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            foreach (var problem in result.Problems)
            {
                output.WriteLine(problem);
            }

            output.WriteLine($"{result.Entries.Count} entries, {result.Entries.Sum(e => e.Steps.Count)} roadmap steps, {errors} errors, {warnings} warnings in {result.Directory}");
        }

        return Task.FromResult(errors > 0 ? HasErrors : Clean);
    }
}
