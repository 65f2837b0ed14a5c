using MlMentorBot.Core.Knowledge;

namespace MlMentorBot.Core.Progress;

/// <summary>How far a member is along one stage: finished = done or skipped.</summary>
internal sealed record StageProgress(KnowledgeEntry Stage, int Done, int Skipped, int Learning, int Total)
{
    public int Finished => Done + Skipped;

    /// <summary>No step of the stage is marked (all to do): the stage reads the same for every such member.</summary>
    public bool IsUntouched => Done + Skipped + Learning == 0;

    /// <summary>Whole percent of the stage's steps that are done or skipped (0–100).</summary>
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Finished / Total, MidpointRounding.AwayFromZero);
}

/// <summary>Progress arithmetic and the small text pieces every adapter shows the same way (icons, bars).</summary>
internal static class ProgressView
{
    public static StepStatus StatusOf(IReadOnlyDictionary<string, StepProgress> progress, string stepId) =>
        progress.TryGetValue(stepId, out var p) ? p.Status : StepStatus.Todo;

    public static StageProgress ForStage(KnowledgeEntry stage, IReadOnlyDictionary<string, StepProgress> progress)
    {
        int done = 0, skipped = 0, learning = 0;
        foreach (var step in stage.Steps)
        {
            switch (StatusOf(progress, step.Id))
            {
                case StepStatus.Done:
                    done++;
                    break;
                case StepStatus.Skipped:
                    skipped++;
                    break;
                case StepStatus.Learning:
                    learning++;
                    break;
            }
        }

        return new StageProgress(stage, done, skipped, learning, stage.Steps.Count);
    }

    /// <summary>
    /// The step to take next: the first step being learned, else the first one still to do, in roadmap order;
    /// null when every step is done or skipped.
    /// </summary>
    public static RoadmapStep? NextStep(KnowledgeSnapshot knowledge, IReadOnlyDictionary<string, StepProgress> progress) =>
        knowledge.Steps.FirstOrDefault(s => StatusOf(progress, s.Id) == StepStatus.Learning)
        ?? knowledge.Steps.FirstOrDefault(s => StatusOf(progress, s.Id) == StepStatus.Todo);

    /// <summary>A ten-cell bar such as <c>▰▰▰▱▱▱▱▱▱▱ 30%</c>.</summary>
    public static string Bar(int percent) => percent is >= 0 and <= 100 ? Bars[percent] : FormatBar(percent);

    /// <summary>Every bar a stage can show, built once: a /roadmap shows one per stage on every call.</summary>
    private static readonly string[] Bars = Enumerable.Range(0, 101).Select(FormatBar).ToArray();

    private static string FormatBar(int percent)
    {
        var filled = Math.Clamp((int)Math.Round(percent / 10.0, MidpointRounding.AwayFromZero), 0, 10);
        return new string('▰', filled) + new string('▱', 10 - filled) + $" {percent}%";
    }

    public static string Icon(StepStatus status) => status switch
    {
        StepStatus.Done => "✅",
        StepStatus.Learning => "📖",
        StepStatus.Skipped => "⏭️",
        _ => "⬜",
    };
}
