using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Progress;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// The roadmap steps named in a check-in: ids separated by commas or spaces, each optionally followed by <c>=done</c>
/// (<c>roadmap.foundations.math=done, roadmap.foundations.python</c>). A named step becomes "learning" on the member's roadmap
/// (never lowering a step that is already done); <c>=done</c> marks it done.
/// </summary>
internal static class CheckInSteps
{
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses one token; null when it is empty.</summary>
    public static (string Id, bool IsDone)? Parse(string token)
    {
        var parts = token.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            return null;
        }

        return (parts[0], parts.Length == 2 && parts[1].Equals("done", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Resolves tokens against the roadmap: exact ids, or a last part that names exactly one step (<c>math</c>).
    /// Returns the normalised tokens (<c>id</c> or <c>id=done</c>) and the tokens that match no step.
    /// </summary>
    public static (IReadOnlyList<string> Steps, IReadOnlyList<string> Unknown) Resolve(IReadOnlyList<string> tokens, KnowledgeSnapshot knowledge)
    {
        var steps = new List<string>();
        var unknown = new List<string>();
        foreach (var token in tokens)
        {
            if (Parse(token) is not { } parsed)
            {
                continue;
            }

            var step = knowledge.FindStep(parsed.Id);
            if (step is null)
            {
                var bySuffix = knowledge.Steps.Where(s => s.Id.EndsWith("." + parsed.Id, StringComparison.OrdinalIgnoreCase)).ToList();
                step = bySuffix.Count == 1 ? bySuffix[0] : null;
            }

            if (step is null)
            {
                unknown.Add(parsed.Id);
            }
            else if (!steps.Any(s => Parse(s)!.Value.Id.Equals(step.Id, StringComparison.OrdinalIgnoreCase)))
            {
                steps.Add(parsed.IsDone ? step.Id + "=done" : step.Id);
            }
        }

        return (steps, unknown);
    }

    /// <summary>The status a step named in a check-in should move to, or null when it should stay as it is.</summary>
    public static StepStatus? NewStatus(StepStatus current, bool isDone) => isDone
        ? current == StepStatus.Done ? null : StepStatus.Done
        : current is StepStatus.Todo or StepStatus.Skipped ? StepStatus.Learning : null;
}
