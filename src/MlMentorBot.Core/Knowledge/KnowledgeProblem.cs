namespace MlMentorBot.Core.Knowledge;

/// <summary>How bad a <see cref="KnowledgeProblem"/> is: an error stops the files from loading; a warning does not.</summary>
public enum ProblemSeverity
{
    /// <summary>Reported, but the files still load.</summary>
    Warning,

    /// <summary>The load is rejected; the last good snapshot keeps serving.</summary>
    Error,
}

/// <summary>
/// One validation finding. <paramref name="File"/> is relative to the knowledge folder (forward slashes), <paramref name="Line"/>
/// is 1-based. <see cref="ToString"/> gives the compiler-style <c>file:line: error: message</c> that editors can jump to.
/// </summary>
public sealed record KnowledgeProblem(string File, int Line, ProblemSeverity Severity, string Message)
{
    /// <c>file:line: error|warning: message</c>, compiler style, as <c>GET /health</c> and the start-up fault show it.
    public override string ToString() => $"{File}:{Line}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>Thrown when knowledge cannot be loaded; <see cref="Problems"/> lists every finding, errors first.</summary>
public sealed class KnowledgeLoadException(IReadOnlyList<KnowledgeProblem> problems)
    : Exception("The knowledge files have errors:\n" + string.Join("\n", problems.Where(p => p.Severity == ProblemSeverity.Error)))
{
    /// <summary>Every problem of the failed load, warnings included (the message lists only the errors).</summary>
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = problems;
}
