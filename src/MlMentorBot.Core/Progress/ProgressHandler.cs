using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Progress;

/// <summary>
/// <c>/progress show|mark|export|delete</c>. Every reply is private to the member. <c>delete</c> asks for confirmation
/// first and then removes every row the bot keeps about the member.
/// </summary>
internal sealed class ProgressHandler(IKnowledgeProvider knowledge, IProgressStore store) : ICommandHandler
{
    private static readonly JsonSerializerOptions ExportJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string CommandName => "progress";

    public Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Subcommand switch
    {
        "mark" => MarkAsync(request, cancellationToken),
        "export" => ExportAsync(request, cancellationToken),
        "delete" => DeleteAsync(request, cancellationToken),
        _ => ShowAsync(knowledge.Current, store, request.Member, cancellationToken),
    };

    /// <summary>
    /// <c>/progress show</c>: the member's percentage per stage and their next step. Also the reply to "where am i on the
    /// roadmap" in <c>/ask</c>.
    /// </summary>
    public static async Task<BotReply> ShowAsync(KnowledgeSnapshot snapshot, IProgressStore store, MemberKey member, CancellationToken cancellationToken)
    {
        var progress = await store.GetAsync(member, cancellationToken);
        var stages = snapshot.Stages.Select(s => ProgressView.ForStage(s, progress)).ToList();
        var total = stages.Sum(s => s.Total);
        var finished = stages.Sum(s => s.Finished);
        var overall = total == 0 ? 0 : (int)Math.Round(100.0 * finished / total, MidpointRounding.AwayFromZero);
        var next = ProgressView.NextStep(snapshot, progress);
        return new BotReply
        {
            Title = $"Your progress — {overall}% of the roadmap",
            Sections =
            [
                new(null, $"Overall {ProgressView.Bar(overall)} — {stages.Sum(s => s.Done)} done, {stages.Sum(s => s.Skipped)} skipped, {stages.Sum(s => s.Learning)} learning, {total - finished - stages.Sum(s => s.Learning)} to do."),
                NextStepSection(snapshot, next),
            ],
            Fields = stages.Select(s => new ReplyField($"{s.Stage.Order}. {RoadmapHandler.StageName(s.Stage)}", $"{ProgressView.Bar(s.Percent)} ({s.Finished}/{s.Total})", IsInline: false)).ToList(),
            IsPrivate = true,
            Actions = NextStepActions(snapshot, next),
        };
    }

    /// <summary>
    /// The member's own next step (<see cref="ProgressView.NextStep"/>) as <c>/progress show</c> gives it: a "Next step"
    /// section and the buttons to mark it, or the Roadmap button once every step is finished. Also the reply to "what
    /// should i do next" in <c>/ask</c>.
    /// </summary>
    public static async Task<BotReply> NextStepAsync(KnowledgeSnapshot snapshot, IProgressStore store, MemberKey member, CancellationToken cancellationToken)
    {
        var next = ProgressView.NextStep(snapshot, await store.GetAsync(member, cancellationToken));
        return new BotReply
        {
            Title = "Your next step",
            Sections =
            [
                new(null, "From your own progress on the roadmap (`/progress show` has every stage):"),
                NextStepSection(snapshot, next),
            ],
            IsPrivate = true,
            Actions = [.. NextStepActions(snapshot, next), new SuggestedAction("My progress", "/progress show")],
        };
    }

    private static ReplySection NextStepSection(KnowledgeSnapshot snapshot, RoadmapStep? next)
    {
        if (next is null)
        {
            return new ReplySection("Next step", "You have finished every step of the roadmap. Keep learning: `/roadmap stay-current`.");
        }

        var resources = next.Resources.Select(snapshot.FindById).OfType<KnowledgeEntry>()
            .Select(e => $"- {e.Title}: `{EntryReplies.CommandFor(e)}`").ToList();
        return new ReplySection("Next step",
            $"**{next.Title}** (`{next.Id}`, stage: {RoadmapHandler.StageName(snapshot.StageOf(next))})\n{next.Detail}" +
            (resources.Count > 0 ? "\n\nWhere to learn:\n" + string.Join("\n", resources) : ""));
    }

    private static IReadOnlyList<SuggestedAction> NextStepActions(KnowledgeSnapshot snapshot, RoadmapStep? next) => next is null
        ? [new SuggestedAction("Roadmap", "/roadmap")]
        :
        [
            new SuggestedAction("Mark done", $"/progress mark {next.Id} done", ActionStyle.Primary),
            new SuggestedAction("I'm learning it", $"/progress mark {next.Id} learning"),
            new SuggestedAction("Skip it", $"/progress mark {next.Id} skipped"),
            new SuggestedAction("Open its stage", $"/roadmap {snapshot.StageOf(next).Key}"),
        ];

    private async Task<BotReply> MarkAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.Current;
        var typed = request.Option("step") ?? "";
        var step = snapshot.FindStep(typed);
        if (step is null)
        {
            // Members often type just the last part ("math"); accept it when it names exactly one step.
            var bySuffix = snapshot.Steps.Where(s => s.Id.EndsWith("." + typed.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (bySuffix.Count == 1)
            {
                step = bySuffix[0];
            }
            else
            {
                var near = bySuffix.Count > 1
                    ? bySuffix.Select(s => s.Id).ToList()
                    : CloseMatches.Find(typed, snapshot.Steps.Select(s => s.Id)).Concat(
                        CloseMatches.Find(typed.Split('.')[^1], snapshot.Steps.Select(s => s.Id.Split('.')[^1]))
                            .SelectMany(k => snapshot.Steps.Where(s => s.Id.EndsWith("." + k, StringComparison.Ordinal)).Select(s => s.Id)))
                        .Distinct().Take(3).ToList();
                var status = request.Option("status") ?? "done";
                return BotReply.Problem("Unknown roadmap step",
                    $"There is no roadmap step `{typed}`." +
                    CloseMatches.DidYouMean(near) +
                    "\n\nStep ids are shown in `/roadmap` next to each step.",
                    near.Select(n => new SuggestedAction($"Mark {n.Split('.')[^1]} {status}", $"/progress mark {n} {status}"))
                        .Append(new SuggestedAction("Roadmap", "/roadmap")).ToList());
            }
        }

        var newStatus = SqliteProgressStore.ParseStatus(request.Option("status") ?? "done");
        await store.SetAsync(request.Member, step.Id, newStatus, cancellationToken);
        var progress = await store.GetAsync(request.Member, cancellationToken);
        var stage = snapshot.StageOf(step);
        var stageProgress = ProgressView.ForStage(stage, progress);
        var next = ProgressView.NextStep(snapshot, progress);
        var actions = new List<SuggestedAction>();
        if (newStatus != StepStatus.Todo)
        {
            actions.Add(new SuggestedAction("Undo", $"/progress mark {step.Id} todo"));
        }

        if (next is not null)
        {
            actions.Add(new SuggestedAction("Mark next done", $"/progress mark {next.Id} done", ActionStyle.Primary));
        }

        actions.Add(new SuggestedAction("Open the stage", $"/roadmap {stage.Key}"));
        actions.Add(new SuggestedAction("My progress", "/progress show"));
        return new BotReply
        {
            Title = $"{ProgressView.Icon(newStatus)} {step.Title}: {SqliteProgressStore.ToText(newStatus)}",
            Sections =
            [
                new ReplySection(null, $"`{step.Id}` is now **{SqliteProgressStore.ToText(newStatus)}**.\n{RoadmapHandler.StageName(stage)}: {ProgressView.Bar(stageProgress.Percent)} ({stageProgress.Finished}/{stageProgress.Total})"),
                new ReplySection("Next step", next is null ? "Every step is finished. 🎉" : $"**{next.Title}** — `{next.Id}`\n{next.Detail}"),
            ],
            IsPrivate = true,
            Tone = ReplyTone.Success,
            Actions = actions,
        };
    }

    private async Task<BotReply> ExportAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var export = await store.ExportAsync(request.Member, cancellationToken);
        var json = JsonSerializer.Serialize(new
        {
            member = new
            {
                platform = export.Member.Platform,
                workspace_id = export.Member.WorkspaceId,
                user_id = export.Member.UserId,
                enterprise_id = export.Member.EnterpriseId,
            },
            first_seen_at = export.FirstSeenAt,
            steps = export.Steps,
            other = export.Other,
        }, ExportJson);
        return new BotReply
        {
            Title = "Your data",
            Sections = [new ReplySection(
                export.FirstSeenAt is null ? "The bot stores nothing about you yet." : $"Everything the bot stores about you ({export.Steps.Count} roadmap step{(export.Steps.Count == 1 ? "" : "s")}):",
                $"```json\n{json}\n```")],
            IsPrivate = true,
            Actions = [new SuggestedAction("Delete my data", "/progress delete", ActionStyle.Danger)],
        };
    }

    private async Task<BotReply> DeleteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Option("confirm"), "yes", StringComparison.OrdinalIgnoreCase))
        {
            return new BotReply
            {
                Title = "Delete all your data?",
                Sections = [new ReplySection(null,
                    "This removes your roadmap progress and everything else the bot stores about you (check-ins and your votes on answers included; questions stay for the moderators without your name). It cannot be undone.\n" +
                    "To confirm, press the button or type `/progress delete confirm:yes`.")],
                IsPrivate = true,
                Tone = ReplyTone.Warning,
                Actions =
                [
                    new SuggestedAction("Yes, delete everything", "/progress delete confirm:yes", ActionStyle.Danger),
                    new SuggestedAction("Export first", "/progress export"),
                ],
            };
        }

        var rows = await store.DeleteAsync(request.Member, cancellationToken);
        return new BotReply
        {
            Title = "Your data is deleted",
            Sections = [new ReplySection(null, rows == 0 ? "The bot had nothing stored about you." : $"Removed your record, your progress on {rows - 1} roadmap step{(rows == 2 ? "" : "s")}, and everything linked to you. You start fresh next time you use the bot.")],
            IsPrivate = true,
            Tone = ReplyTone.Success,
        };
    }
}
