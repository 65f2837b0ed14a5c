using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Progress;

/// <summary>
/// <c>/roadmap [stage]</c>: the ordered stages with the asker's own status on every step, each step's id (to type in
/// <c>/progress mark</c>) and a progress bar per stage; with a stage, that stage's steps in detail with where to learn each.
/// A reply is a function of the knowledge snapshot and the member's progress record only, so it is built once per pair and
/// reused: <see cref="IProgressStore.GetAsync"/> hands out the same unchanging map until the member's next write, and adapters
/// in turn reuse what they rendered from the same <see cref="BotReply"/> instance.
/// </summary>
internal sealed class RoadmapHandler(IKnowledgeProvider knowledge, IProgressStore store) : ICommandHandler, IDisposable
{
    /// <summary>
    /// How many members' roadmap replies are kept at once. Each holds up to one overview and one reply per stage (a few KB each,
    /// plus ~5 KB of Block Kit or embed JSON adapters render from each), up to ~50 KB a member, so this bounds the memory
    /// (2,000 allowed ~100 MB); the least recently used are dropped first. A kept reply pays off when a member repeats
    /// /roadmap or presses its buttons within minutes, which a few hundred members at a time cover. Members without a mark
    /// share one entry.
    /// </summary>
    public const int MaxMembersWithKeptReplies = 256;

    /// <summary>Kept replies per (layout, progress map), both compared by reference; see <see cref="MaxMembersWithKeptReplies"/>.</summary>
    private readonly MemoryCache _replies = new(new MemoryCacheOptions { SizeLimit = MaxMembersWithKeptReplies });

    /// <summary>What an aimed roadmap shows: nobody's statuses. One shared instance, so its replies are reused too.</summary>
    private static readonly IReadOnlyDictionary<string, StepProgress> NoProgress = new Dictionary<string, StepProgress>();

    private static readonly ReplySection Legend = new(null,
        "Your path in ordered stages. ✅ done · 📖 learning · ⏭️ skipped · ⬜ to do. " +
        "Mark a step with `/progress mark <step id> done`.");

    /// <summary>The text that depends on the knowledge only, for the snapshot it was built from (replaced on reload).</summary>
    private Layout? _layout;

    public string CommandName => "roadmap";

    public async Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.Current;
        // Aimed at someone else, the roadmap shows no one's progress: it is public and the statuses are the asker's own.
        var progress = IsAimed(request) ? NoProgress : await store.GetAsync(request.Member, cancellationToken);
        return Answer(request, snapshot, progress);
    }

    /// <summary>
    /// Answers from memory when the member's progress is cached and known current without a query (or the roadmap is aimed at
    /// someone else, which shows nobody's progress); the rest of a reply is built from the knowledge snapshot alone, and the
    /// replies themselves are kept (<see cref="MaxMembersWithKeptReplies"/>).
    /// </summary>
    public bool TryAnswerWithoutWaiting(CommandRequest request, [NotNullWhen(true)] out BotReply? reply)
    {
        IReadOnlyDictionary<string, StepProgress>? progress = NoProgress;
        if (!IsAimed(request) && !store.TryGetWithoutWaiting(request.Member, out progress))
        {
            reply = null;
            return false;
        }

        reply = Answer(request, knowledge.Current, progress);
        return true;
    }

    private static bool IsAimed(CommandRequest request) => request.Option("user") is not null;

    private BotReply Answer(CommandRequest request, KnowledgeSnapshot snapshot, IReadOnlyDictionary<string, StepProgress> progress)
    {
        // Every member without a mark sees the same roadmap: one shared cache entry (and one rendering in each adapter)
        // instead of a copy per member, which after 10,000 commands from 2,000 members was most of the kept replies.
        if (progress.Count == 0)
        {
            progress = NoProgress;
        }

        var layout = LayoutOf(snapshot);
        var built = _replies.GetOrCreate((layout, progress), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return new MemberReplies(layout.Stages.Count);
        })!;
        if (request.Option("stage") is not { } typed)
        {
            return EntryReplies.AimAt(built.Overview ??= Overview(layout, progress), request);
        }

        var stage = snapshot.Find(KnowledgeKinds.RoadmapStage, typed)
            ?? snapshot.Stages.FirstOrDefault(s => s.Order.ToString() == typed.Trim());
        if (stage is null)
        {
            return EntryReplies.NotFound("roadmap stage", typed, "/roadmap", snapshot.Suggest(KnowledgeKinds.RoadmapStage, typed), snapshot.Stages.Select(s => s.Key));
        }

        var index = IndexOf(snapshot, stage);
        return EntryReplies.AimAt(built.Stages[index] ??= Stage(layout, layout.Stages[index], progress), request);
    }

    public void Dispose() => _replies.Dispose();

    private Layout LayoutOf(KnowledgeSnapshot snapshot)
    {
        var layout = _layout;
        if (layout?.Snapshot != snapshot)
        {
            // A race builds it twice at worst; each copy is complete and immutable.
            layout = new Layout(snapshot);
            _layout = layout;
            _replies.Compact(1.0); // replies of the replaced snapshot
        }

        return layout;
    }

    private static BotReply Overview(Layout layout, IReadOnlyDictionary<string, StepProgress> progress)
    {
        var sections = new List<ReplySection>(layout.Stages.Count + 1) { Legend };
        var finished = 0;
        var total = 0;
        var body = new StringBuilder(1024);
        foreach (var stage in layout.Stages)
        {
            var p = ProgressView.ForStage(stage.Stage, progress);
            finished += p.Finished;
            total += p.Total;
            if (p.IsUntouched)
            {
                // A stage the member has not touched reads the same for everyone: share its text.
                sections.Add(stage.UntouchedOverview);
                continue;
            }

            body.Clear().Append(stage.Command);
            AppendStepLines(body, stage, progress, withDetail: false);
            sections.Add(new ReplySection(stage.Heading + ProgressView.Bar(p.Percent), body.ToString()));
        }

        return new BotReply
        {
            Title = $"ML engineer roadmap — {finished}/{total} steps finished",
            Sections = sections,
            Sources = layout.Sources,
            Actions = NextActions(layout.Snapshot, ProgressView.NextStep(layout.Snapshot, progress), null),
            IsPrivate = true,
            IsReused = true,
        };
    }

    private static BotReply Stage(Layout layout, StageLayout stage, IReadOnlyDictionary<string, StepProgress> progress)
    {
        var p = ProgressView.ForStage(stage.Stage, progress);
        var sections = new List<ReplySection>(stage.Sections.Count + 2) { stage.Summary, StepsSection(stage, progress, p) };
        sections.AddRange(stage.Sections);
        var nextInStage = stage.Stage.Steps.FirstOrDefault(s => ProgressView.StatusOf(progress, s.Id) == StepStatus.Learning)
            ?? stage.Stage.Steps.FirstOrDefault(s => ProgressView.StatusOf(progress, s.Id) == StepStatus.Todo);
        return new BotReply
        {
            Title = $"{stage.Stage.Title} — {ProgressView.Bar(p.Percent)}",
            Sections = sections,
            Sources = stage.Citations,
            EntryId = stage.Stage.Id,
            Actions = NextActions(layout.Snapshot, nextInStage, stage.Following),
            IsPrivate = true,
            IsReused = true,
        };
    }

    /// <summary>A stage reply's checklist with details; the shared one when the member has not touched the stage.</summary>
    private static ReplySection StepsSection(StageLayout stage, IReadOnlyDictionary<string, StepProgress> progress, StageProgress p)
    {
        if (p.IsUntouched && stage.UntouchedSteps is { } shared)
        {
            return shared;
        }

        var steps = new StringBuilder(2048);
        AppendStepLines(steps, stage, progress, withDetail: true);
        return new ReplySection("Steps", steps.ToString());
    }

    /// <summary>One checklist line (icon, title, the id to type in <c>/progress mark</c>) per step, newline-separated; with details, each step's detail and where to learn it.</summary>
    private static void AppendStepLines(StringBuilder sb, StageLayout stage, IReadOnlyDictionary<string, StepProgress> progress, bool withDetail)
    {
        var steps = stage.Stage.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            sb.Append(ProgressView.Icon(ProgressView.StatusOf(progress, steps[i].Id))).Append(stage.StepTails[i]);
            if (withDetail)
            {
                sb.Append(stage.StepDetails[i]);
            }
        }
    }

    private static int IndexOf(KnowledgeSnapshot snapshot, KnowledgeEntry stage)
    {
        for (var i = 0; i < snapshot.Stages.Count; i++)
        {
            if (snapshot.Stages[i].Id == stage.Id)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{stage.Id} is not a stage of this snapshot.");
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

    /// <summary>
    /// Everything of a roadmap reply that is the same for every member, built once per snapshot: a /roadmap used to format
    /// ~29 KB of it per call. Only the status icons, bars and counts are left for each request.
    /// </summary>
    private sealed class Layout
    {
        public Layout(KnowledgeSnapshot snapshot)
        {
            Snapshot = snapshot;
            Sources = EntryReplies.Cite(snapshot.Stages);
            Stages = snapshot.Stages
                .Select((stage, i) => new StageLayout(snapshot, stage, i + 1 < snapshot.Stages.Count ? snapshot.Stages[i + 1] : null))
                .ToList();
        }

        public KnowledgeSnapshot Snapshot { get; }

        public IReadOnlyList<SourceCitation> Sources { get; }

        public IReadOnlyList<StageLayout> Stages { get; }
    }

    /// <summary>
    /// Replies for one progress record under one layout, filled on first use. Two racing requests may both build one; each copy
    /// is complete and immutable, and the last write wins.
    /// </summary>
    private sealed class MemberReplies(int stageCount)
    {
        public BotReply? Overview { get; set; }

        public BotReply?[] Stages { get; } = new BotReply?[stageCount];
    }

    private sealed class StageLayout
    {
        public StageLayout(KnowledgeSnapshot snapshot, KnowledgeEntry stage, KnowledgeEntry? following)
        {
            Stage = stage;
            Following = following;
            Heading = $"{stage.Order}. {StageName(stage)}  ";
            Command = $"`/roadmap {stage.Key}`\n";
            // A checklist line without its icon.
            StepTails = stage.Steps.Select(step => $" {step.Title} — `{step.Id}`").ToArray();
            StepDetails = stage.Steps.Select(step =>
            {
                var learn = step.Resources.Select(snapshot.FindById).OfType<KnowledgeEntry>()
                    .Select(e => $"[{e.Title}] `{EntryReplies.CommandFor(e)}`");
                return $"\n  {step.Detail}" + (step.Resources.Count > 0 ? $"\n  Where to learn: {string.Join(", ", learn)}" : "");
            }).ToArray();
            Summary = new ReplySection(null, $"*{stage.Summary}*");
            Sections = stage.Sections.Select(s => new ReplySection(s.Heading, s.Markdown)).ToList();
            Citations = stage.Citations;
            var untouched = ProgressView.ForStage(stage, NoProgress);
            var overview = new StringBuilder(1024).Append(Command);
            AppendStepLines(overview, this, NoProgress, withDetail: false);
            UntouchedOverview = new ReplySection(Heading + ProgressView.Bar(untouched.Percent), overview.ToString());
            UntouchedSteps = StepsSection(this, NoProgress, untouched);
        }

        public KnowledgeEntry Stage { get; }

        public KnowledgeEntry? Following { get; }

        public string Heading { get; }

        public string Command { get; }

        public string[] StepTails { get; }

        public string[] StepDetails { get; }

        public ReplySection Summary { get; }

        public IReadOnlyList<ReplySection> Sections { get; }

        public IReadOnlyList<SourceCitation> Citations { get; }

        /// <summary>This stage's overview section for a member with no mark on any of its steps.</summary>
        public ReplySection UntouchedOverview { get; }

        /// <summary>This stage's checklist section (stage reply) for a member with no mark on any of its steps.</summary>
        public ReplySection? UntouchedSteps { get; }
    }
}
