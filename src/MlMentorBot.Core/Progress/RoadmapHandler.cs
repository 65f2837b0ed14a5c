using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Progress;

/// <summary>
/// <c>/roadmap [stage]</c>: the ordered stages with the asker's own status on every step, each step's id (to type in
/// <c>/progress mark</c>) and a progress bar per stage; with a stage, that stage's steps in detail with where to learn each.
/// </summary>
public sealed class RoadmapHandler(IKnowledgeProvider knowledge, IProgressStore store) : ICommandHandler
{
    public string CommandName => "roadmap";

    public async Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.Current;
        // Aimed at someone else, the roadmap shows no one's progress: it is public and the statuses are the asker's own.
        var aimed = request.Option("user") is not null;
        var progress = aimed ? new Dictionary<string, StepProgress>() : await store.GetAsync(request.Member, cancellationToken);
        if (request.Option("stage") is not { } typed)
        {
            return EntryReplies.AimAt(Overview(snapshot, progress), request);
        }

        var stage = snapshot.Find(KnowledgeKinds.RoadmapStage, typed)
            ?? snapshot.Stages.FirstOrDefault(s => s.Order.ToString() == typed.Trim());
        return stage is null
            ? EntryReplies.NotFound("roadmap stage", typed, "/roadmap", snapshot.Suggest(KnowledgeKinds.RoadmapStage, typed), snapshot.Stages.Select(s => s.Key))
            : EntryReplies.AimAt(Stage(snapshot, stage, progress), request);
    }

    private static BotReply Overview(KnowledgeSnapshot snapshot, IReadOnlyDictionary<string, StepProgress> progress)
    {
        var stages = snapshot.Stages.Select(s => ProgressView.ForStage(s, progress)).ToList();
        var finished = stages.Sum(s => s.Finished);
        var total = stages.Sum(s => s.Total);
        var next = ProgressView.NextStep(snapshot, progress);
        var sections = stages.Select(s => new ReplySection(
            $"{s.Stage.Order}. {StageName(s.Stage)}  {ProgressView.Bar(s.Percent)}",
            $"`/roadmap {s.Stage.Key}`\n" + string.Join("\n", s.Stage.Steps.Select(step => ProgressView.StepLine(step, ProgressView.StatusOf(progress, step.Id))))))
            .ToList();
        return new BotReply
        {
            Title = $"ML engineer roadmap — {finished}/{total} steps finished",
            Sections = sections.Prepend(new ReplySection(null,
                "Your path in ordered stages. ✅ done · 📖 learning · ⏭️ skipped · ⬜ to do. " +
                "Mark a step with `/progress mark <step id> done`.")).ToList(),
            Sources = EntryReplies.Cite(snapshot.Stages),
            Actions = NextActions(snapshot, next, null),
        };
    }

    private static BotReply Stage(KnowledgeSnapshot snapshot, KnowledgeEntry stage, IReadOnlyDictionary<string, StepProgress> progress)
    {
        var p = ProgressView.ForStage(stage, progress);
        var steps = stage.Steps.Select(step =>
        {
            var learn = step.Resources.Select(snapshot.FindById).OfType<KnowledgeEntry>()
                .Select(e => $"[{e.Title}] `{EntryReplies.CommandFor(e)}`");
            return $"{ProgressView.StepLine(step, ProgressView.StatusOf(progress, step.Id))}\n  {step.Detail}" +
                (step.Resources.Count > 0 ? $"\n  Where to learn: {string.Join(", ", learn)}" : "");
        });
        var nextInStage = stage.Steps.FirstOrDefault(s => ProgressView.StatusOf(progress, s.Id) == StepStatus.Learning)
            ?? stage.Steps.FirstOrDefault(s => ProgressView.StatusOf(progress, s.Id) == StepStatus.Todo);
        var following = snapshot.Stages.SkipWhile(s => s.Id != stage.Id).Skip(1).FirstOrDefault();
        return new BotReply
        {
            Title = $"{stage.Title} — {ProgressView.Bar(p.Percent)}",
            Sections = new[] { new ReplySection(null, $"*{stage.Summary}*"), new ReplySection("Steps", string.Join("\n", steps)) }
                .Concat(stage.Sections.Select(s => new ReplySection(s.Heading, s.Markdown))).ToList(),
            Sources = stage.Citations,
            Actions = NextActions(snapshot, nextInStage, following),
        };
    }

    private static List<SuggestedAction> NextActions(KnowledgeSnapshot snapshot, RoadmapStep? next, KnowledgeEntry? followingStage)
    {
        var actions = new List<SuggestedAction>();
        if (next is not null)
        {
            actions.Add(new SuggestedAction("Mark done", $"/progress mark {next.Id} done", ActionStyle.Primary));
            actions.Add(new SuggestedAction("I'm learning it", $"/progress mark {next.Id} learning"));
            if (followingStage is null)
            {
                actions.Add(new SuggestedAction("Open its stage", $"/roadmap {snapshot.StageOf(next).Key}"));
            }
        }

        if (followingStage is not null)
        {
            actions.Add(new SuggestedAction("Next stage", $"/roadmap {followingStage.Key}"));
        }

        actions.Add(new SuggestedAction("My progress", "/progress show"));
        return actions;
    }

    /// <summary>"Stage 2: Build your foundations" → "Build your foundations" (the order is shown separately).</summary>
    internal static string StageName(KnowledgeEntry stage)
    {
        var colon = stage.Title.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && stage.Title.StartsWith("Stage", StringComparison.OrdinalIgnoreCase) ? stage.Title[(colon + 2)..] : stage.Title;
    }
}
