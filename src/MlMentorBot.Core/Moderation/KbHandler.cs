using System.Globalization;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Feedback;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Moderation;

/// <summary>
/// <c>/kb status|reload|history|gaps|stats</c> for moderators (the dispatcher refuses everyone else). Every reply is private.
/// </summary>
internal sealed class KbHandler(
    KnowledgeService knowledge,
    KnowledgeReloadProcessor processor,
    KnowledgeAuditStore audit,
    KnowledgeReloadRequests reloadRequests,
    AnswerGapStore gaps,
    UsageStats usage,
    AnswerFeedbackStore feedback,
    IOptions<ModerationOptions> options,
    TimeProvider time) : ICommandHandler
{
    /// <summary>How long <c>/kb reload</c> waits for the audit and progress moves before answering without them.</summary>
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(10);

    public string CommandName => "kb";

    public Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Subcommand switch
    {
        "reload" => ReloadAsync(request, cancellationToken),
        "history" => HistoryAsync(request, cancellationToken),
        "gaps" => GapsAsync(request, cancellationToken),
        "stats" => StatsAsync(request, cancellationToken),
        _ => StatusAsync(cancellationToken),
    };

    /// <summary>
    /// How long <c>/kb status</c> waits for the newest load's progress audit (normally a few milliseconds) before showing the
    /// status without its progress warnings.
    /// </summary>
    private static readonly TimeSpan StatusWait = TimeSpan.FromSeconds(5);

    private async Task<BotReply> StatusAsync(CancellationToken cancellationToken)
    {
        var snapshot = knowledge.IsLoaded ? knowledge.Current : null;
        var last = knowledge.LastOutcome;
        var report = processor.LastReport;
        if (last is not null && !ReferenceEquals(report?.Outcome, last))
        {
            // A load the audit has not finished yet (a poll reloading just after /kb reload): its progress warnings ("step …
            // no longer exists") would be missing for that moment, so wait for them.
            try
            {
                report = await processor.WaitForAsync(last, cancellationToken).WaitAsync(StatusWait, cancellationToken) ?? report;
            }
            catch (TimeoutException)
            {
            }
        }

        var errors = last is { IsApplied: false } ? last.Result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList() : [];
        var warnings = (last?.IsApplied == true ? last.Result.Problems : [])
            .Concat(report is not null && ReferenceEquals(report.Outcome, last) ? report.ProgressWarnings : []).ToList();
        var settings = options.Value;
        var sections = new List<ReplySection>
        {
            new("Last error", errors.Count == 0
                ? "None: the last load was clean."
                : $"The last load ({last!.Trigger}, {Time(last.AttemptedAt)}) was **rejected**; the version above keeps serving.\n" + Problems(errors)),
        };
        if (warnings.Count > 0)
        {
            sections.Add(new ReplySection("Warnings", Problems(warnings)));
        }

        return new BotReply
        {
            Title = "Knowledge status",
            Fields =
            [
                new ReplyField("Version", snapshot is null ? "nothing loaded" : $"`{snapshot.Version}`"),
                new ReplyField("Loaded at", snapshot is null ? "—" : Time(snapshot.LoadedAt)),
                new ReplyField("Entries", snapshot is null ? "0" : $"{snapshot.Entries.Count} ({snapshot.Steps.Count} roadmap steps)"),
                new ReplyField("Last load", last is null ? "—" : $"{(last.IsApplied ? "applied" : "rejected")} · {last.Trigger} · {Time(last.AttemptedAt)}"),
                new ReplyField("Folder", $"`{knowledge.Directory}`", IsInline: false),
                new ReplyField("Watching", settings.IsWatchEnabled
                    ? $"on: reloads {settings.ReloadDebounceMilliseconds} ms after a change, and checks every {settings.PollSeconds} s"
                    : "off: use `/kb reload`", IsInline: false),
            ],
            Sections = sections,
            IsPrivate = true,
            Tone = errors.Count > 0 ? ReplyTone.Warning : ReplyTone.Info,
            Actions = [new SuggestedAction("Reload", "/kb reload"), new SuggestedAction("History", "/kb history")],
        };
    }

    private async Task<BotReply> ReloadAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var who = request.DisplayName is { Length: > 0 } name ? $"{name} ({request.Member})" : request.Member.ToString();
        var outcome = await Task.Run(() => knowledge.Reload($"/kb reload by {who}"), cancellationToken);
        // The other replicas reload their own copies at their next poll.
        await reloadRequests.RequestAsync($"/kb reload by {who}", cancellationToken);
        KnowledgeReloadReport? report;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(ReportWait);
            try
            {
                report = await processor.WaitForAsync(outcome, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                report = null;
            }
        }

        if (!outcome.IsApplied)
        {
            var errors = outcome.Result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
            return new BotReply
            {
                Title = "Reload rejected: the files have errors",
                Sections =
                [
                    new ReplySection(null, outcome.Current is null ? "Nothing is loaded yet." : $"Still serving version `{outcome.Current.Version}`. Fix these and reload (or just save: the watcher picks it up):"),
                    new ReplySection($"{errors.Count} error(s)", Problems(errors)),
                ],
                IsPrivate = true,
                Tone = ReplyTone.Error,
                Actions = [new SuggestedAction("Status", "/kb status")],
            };
        }

        var text = $"Version `{outcome.Current.Version}` is serving: {outcome.Current.Entries.Count} entries.";
        if (report is not null)
        {
            text += "\n" + Changes(report.Record) + (report.ProgressMoved > 0 ? $"\nMoved {report.ProgressMoved} progress row(s) to renamed steps." : "");
        }

        var warnings = outcome.Result.Problems.Concat(report?.ProgressWarnings ?? []).ToList();
        return new BotReply
        {
            Title = "Knowledge reloaded",
            Sections = warnings.Count == 0 ? [new ReplySection(null, text)] : [new ReplySection(null, text), new ReplySection("Warnings", Problems(warnings))],
            IsPrivate = true,
            Tone = ReplyTone.Success,
            Actions = [new SuggestedAction("History", "/kb history")],
        };
    }

    private async Task<BotReply> HistoryAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var count = Number(request, "count", 10);
        var loads = await audit.HistoryAsync(count, cancellationToken);
        var lines = loads.Select(l =>
            $"- **#{l.Id}** {Time(l.AttemptedAt)} · {l.TriggeredBy} · " +
            (l.IsApplied
                ? $"✅ `{l.Version}`, {l.EntryCount} entries. {Changes(l)}{(l.ProgressMoved > 0 ? $" Moved {l.ProgressMoved} progress row(s)." : "")}"
                : $"❌ rejected, {l.Problems.Count(p => p.Contains(": error: ", StringComparison.Ordinal))} error(s), first: `{l.Problems.FirstOrDefault()}`"));
        return new BotReply
        {
            Title = $"Knowledge history — last {loads.Count} load(s)",
            Sections = [new ReplySection(null, loads.Count == 0 ? "No loads recorded yet." : string.Join("\n", lines))],
            IsPrivate = true,
        };
    }

    private async Task<BotReply> GapsAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var days = Number(request, "days", 30);
        var since = time.GetUtcNow().AddDays(-days);
        var community = CommunityKeys.Of(request.Member); // only the asking community's own questions (issue #12)
        var top = await gaps.TopAsync(community, since, 15, cancellationToken);
        var notHelpful = await feedback.NotHelpfulAsync(community, since, 10, cancellationToken);
        var sections = new List<ReplySection>
        {
            new(null, top.Count == 0
                ? "Every /ask found a confident answer in this period, and no answer was marked not helpful."
                : string.Join("\n", top.Select(g => $"- {g.Count}× “{UserText.Escape(g.Question)}” (last {Day(g.LastAskedAt)})"))),
        };
        if (notHelpful.Count > 0)
        {
            // Also in the list above (a "not helpful" vote records a gap); here with the entry the answer led with.
            sections.Add(new ReplySection("Marked not helpful",
                string.Join("\n", notHelpful.Select(n => $"- {n.Count}× “{UserText.Escape(n.Question)}” → answered from `{n.EntryId}` (last {Day(n.LastVotedAt)})"))));
        }

        sections.Add(new ReplySection("What to do", "Add an entry or section that answers them, or an alias or synonym (knowledge/synonyms.md) for the words members use. A question an entry already answers goes in that entry's `questions` list (knowledge/README.md): asked again, it is answered from there. An answer marked not helpful because it talks around a topic the sources do not cover: list that topic in the entry's `not_covered` (or the synonyms entry's, for every entry), and members asking about it get the honest reply naming it. A question asking which of two options to choose, which a section names side by side without ranking them (\"coursera or edx, which is better\"), is answered once a sentence there chooses, as knowledge/README.md says. Only the question and its time are stored, never who asked."));
        return new BotReply
        {
            Title = $"Questions without a good answer — last {days} days",
            Sections = sections,
            IsPrivate = true,
        };
    }

    private async Task<BotReply> StatsAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var weeks = Number(request, "weeks", 4);
        var community = CommunityKeys.Of(request.Member); // only the asking community's own use (issue #12)
        var counts = await usage.TopAsync(community, weeks, 5, cancellationToken);
        string Top(IEnumerable<UsageCount> rows, bool isCommand) =>
            string.Join(", ", rows.Select(r => (isCommand ? $"`{r.Name}`" : r.Name) + $" {r.Count}")) is { Length: > 0 } s ? s : "—";
        var sections = counts.GroupBy(c => c.WeekStart).Select(week => new ReplySection(
            $"Week of {week.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"Commands: {Top(week.Where(c => c.Kind == UsageStats.CommandKind), true)}\nEntries: {Top(week.Where(c => c.Kind == UsageStats.EntryKind), false)}")).ToList();
        if (sections.Count == 0)
        {
            sections.Add(new ReplySection(null, "No commands recorded in this period."));
        }

        var since = new DateTimeOffset(UsageStats.WeekStart(time.GetUtcNow()).AddDays(-7 * (weeks - 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var votes = await feedback.CountsAsync(community, since, cancellationToken);
        sections.Add(new ReplySection("/ask feedback per entry", votes.Count == 0
            ? "No answer was rated in this period."
            : string.Join("\n", votes.Take(10).Select(v => $"- `{v.EntryId}`: {v.Helpful} helpful, {v.NotHelpful} not helpful"))));
        return new BotReply
        {
            Title = $"Usage — last {weeks} week(s)",
            Sections = sections,
            IsPrivate = true,
        };
    }

    private static string Changes(KnowledgeLoadRecord record)
    {
        if (record.Added.Count + record.Changed.Count + record.Removed.Count == 0)
        {
            return "No entry changed.";
        }

        static string List(string label, IReadOnlyList<string> ids) => ids.Count == 0 ? "" : $" {label} {string.Join(", ", ids.Take(8).Select(i => $"`{i}`"))}{(ids.Count > 8 ? $" and {ids.Count - 8} more" : "")}.";
        return $"+{record.Added.Count} ~{record.Changed.Count} −{record.Removed.Count}:" +
            List("added", record.Added) + List("changed", record.Changed) + List("removed", record.Removed);
    }

    private static string Problems(IEnumerable<KnowledgeProblem> problems)
    {
        var list = problems.ToList();
        return string.Join("\n", list.Take(10).Select(p => $"- `{p}`")) + (list.Count > 10 ? $"\n- … and {list.Count - 10} more" : "");
    }

    private static int Number(CommandRequest request, string option, int fallback) =>
        int.TryParse(request.Option(option), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
