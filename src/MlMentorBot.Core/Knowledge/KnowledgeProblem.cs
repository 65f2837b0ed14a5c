namespace MlMentorBot.Core.Knowledge;

/// <summary>How bad a <see cref="KnowledgeProblem"/> is: an error stops the files from loading; a warning does not.</summary>
public enum ProblemSeverity { Warning, Error }

/// <summary>
/// One validation finding. <paramref name="File"/> is relative to the knowledge folder (forward slashes), <paramref name="Line"/>
/// is 1-based. <see cref="ToString"/> gives the compiler-style <c>file:line: error: message</c> that editors can jump to.
/// </summary>
public sealed record KnowledgeProblem(string File, int Line, ProblemSeverity Severity, string Message)
{
    public override string ToString() => $"{File}:{Line}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>Thrown when knowledge cannot be loaded; <see cref="Problems"/> lists every finding, errors first.</summary>
public sealed class KnowledgeLoadException(IReadOnlyList<KnowledgeProblem> problems)
    : Exception("The knowledge files have errors:\n" + string.Join("\n", problems.Where(p => p.Severity == ProblemSeverity.Error)))
{
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = problems;
}
