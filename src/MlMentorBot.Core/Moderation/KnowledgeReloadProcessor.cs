using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Replies;
using MlMentorBot.Core.Scheduling;
using MlMentorBot.Core.Telemetry;

namespace MlMentorBot.Core.Moderation;

/// <summary>
/// What happened after a load: its audit record, progress rows moved by <c>replaces</c>, and warnings about step ids that
/// disappeared while members still have progress on them (those rows are kept, never dropped).
/// </summary>
internal sealed record KnowledgeReloadReport(KnowledgeReloadOutcome Outcome, KnowledgeLoadRecord Record, int ProgressMoved, IReadOnlyList<KnowledgeProblem> ProgressWarnings);

/// <summary>
/// Follows every knowledge load, whoever triggered it (start-up, the watcher, <c>/kb reload</c>), off the request path:
/// moves members' progress from replaced step ids to their new ids, warns about progress on steps that no longer exist,
/// writes the audit log, and tells the moderators' channel when a load is rejected, when it recovers, and about orphaned progress.
/// Replicas sharing the database each see their own loads of the same files: the replica that claims a version
/// (<see cref="KnowledgeAuditStore.TryClaimAsync"/>) does its one-time work; the others only report what it recorded.
/// </summary>
internal sealed class KnowledgeReloadProcessor(
    KnowledgeService knowledge,
    IProgressStore progress,
    KnowledgeAuditStore audit,
    ModeratorAlerts alerts,
    ScheduledClaims claims,
    ILogger<KnowledgeReloadProcessor> logger) : BackgroundService
{
    private const int KeptResults = 32;

    private readonly Channel<KnowledgeReloadOutcome> _queue = Channel.CreateUnbounded<KnowledgeReloadOutcome>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<KnowledgeReloadOutcome, TaskCompletionSource<KnowledgeReloadReport?>> _results = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentQueue<KnowledgeReloadOutcome> _finished = new();
    private KnowledgeReloadReport? _last;

    /// <summary>The report of the most recently processed load; null until the first is done.</summary>
    public KnowledgeReloadReport? LastReport => Volatile.Read(ref _last);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        knowledge.Reloaded += OnReloaded;
        // The start-up load normally happens before this service starts; pick it up so it is audited too.
        if (knowledge.LastOutcome is { } loaded)
        {
            Enqueue(loaded);
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        knowledge.Reloaded -= OnReloaded;
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>
    /// Waits until <paramref name="outcome"/> (returned by <see cref="KnowledgeService.Reload"/>) has been processed and returns
    /// its report; null when this processor never saw it (not started) or processing failed (the log says why).
    /// </summary>
    public async Task<KnowledgeReloadReport?> WaitForAsync(KnowledgeReloadOutcome outcome, CancellationToken cancellationToken) =>
        _results.TryGetValue(outcome, out var result) ? await result.Task.WaitAsync(cancellationToken) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var outcome in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            BotTelemetry.KnowledgeReloaded(outcome.IsApplied);
            KnowledgeReloadReport? report = null;
            try
            {
                report = await ProcessAsync(outcome, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Could not audit or migrate progress for the knowledge load ({Trigger})", outcome.Trigger);
            }

            _results[outcome].TrySetResult(report);
            _finished.Enqueue(outcome);
            while (_finished.Count > KeptResults && _finished.TryDequeue(out var old))
            {
                _results.TryRemove(old, out _);
            }
        }
    }

    private void OnReloaded(KnowledgeReloadOutcome outcome, string trigger) => Enqueue(outcome);

    private void Enqueue(KnowledgeReloadOutcome outcome)
    {
        if (_results.TryAdd(outcome, new TaskCompletionSource<KnowledgeReloadReport?>(TaskCreationOptions.RunContinuationsAsynchronously)))
        {
            _queue.Writer.TryWrite(outcome);
        }
    }

    private async Task<KnowledgeReloadReport> ProcessAsync(KnowledgeReloadOutcome outcome, CancellationToken cancellationToken)
    {
        if (!await audit.TryClaimAsync(outcome, claims.ReplicaId, claims.LeaseUntil(), cancellationToken))
        {
            // Another replica moved the progress, wrote the entry and alerted; keep what it recorded for /kb status and /kb reload.
            var recorded = await audit.RecordedAsync(outcome, cancellationToken);
            var orphaned = outcome.IsApplied ? await OrphanedProgressAsync(outcome, cancellationToken) : [];
            var theirs = recorded ?? new KnowledgeLoadRecord(0, outcome.AttemptedAt, outcome.Trigger, outcome.Result.Version, outcome.IsApplied,
                outcome.Result.Entries.Count, [], [], [], [], 0);
            logger.LogInformation("Knowledge version {Version} ({Trigger}) was already recorded by another replica", outcome.Result.Version, outcome.Trigger);
            var report = new KnowledgeReloadReport(outcome, theirs, theirs.ProgressMoved, orphaned);
            Volatile.Write(ref _last, report);
            return report;
        }

        var moved = 0;
        IReadOnlyList<KnowledgeProblem> warnings = [];
        if (outcome.IsApplied)
        {
            foreach (var (oldId, newId) in outcome.Current.StepRenames)
            {
                var rows = await progress.RenameStepAsync(oldId, newId, cancellationToken);
                if (rows > 0)
                {
                    logger.LogInformation("Moved progress of {Rows} members from step {Old} to {New}", rows, oldId, newId);
                }

                moved += rows;
            }

            warnings = await OrphanedProgressAsync(outcome, cancellationToken);
            foreach (var warning in warnings)
            {
                logger.LogWarning("Knowledge warning: {Problem}", warning.ToString());
            }
        }

        var record = await audit.RecordAsync(outcome, moved, warnings, cancellationToken);
        var previous = Interlocked.Exchange(ref _last, new KnowledgeReloadReport(outcome, record, moved, warnings));
        await AlertAsync(outcome, warnings, previous, cancellationToken);
        return _last!;
    }

    /// <summary>Step ids with progress rows that no step (or <c>replaces</c>) of the new knowledge accounts for.</summary>
    private async Task<IReadOnlyList<KnowledgeProblem>> OrphanedProgressAsync(KnowledgeReloadOutcome outcome, CancellationToken cancellationToken)
    {
        var counts = await progress.CountByStepAsync(cancellationToken);
        var current = outcome.Current;
        return counts.Where(c => current.FindStep(c.Key) is null)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c =>
            {
                // Point at where the step was, when the previous knowledge knew it; else at its stage, if that still exists.
                var (file, line) = outcome.Previous?.FindStep(c.Key) is { } was ? (was.FilePath, was.Line)
                    : current.Stages.FirstOrDefault(s => c.Key.StartsWith(s.Id + ".", StringComparison.Ordinal)) is { } stage ? (stage.FilePath, stage.Line)
                    : (".", 1);
                return new KnowledgeProblem(file, line, ProblemSeverity.Warning,
                    $"step '{c.Key}' no longer exists, but {c.Value} member(s) have progress on it; their rows are kept. " +
                    $"If another step took its place, add `replaces: [{c.Key}]` to it");
            })
            .ToList();
    }

    private async Task AlertAsync(KnowledgeReloadOutcome outcome, IReadOnlyList<KnowledgeProblem> warnings, KnowledgeReloadReport? previous, CancellationToken cancellationToken)
    {
        if (!outcome.IsApplied)
        {
            var errors = outcome.Result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
            await alerts.PostAsync(new BotReply
            {
                Title = "Knowledge update rejected",
                Sections =
                [
                    new ReplySection(null, $"A knowledge load ({UserText.Escape(outcome.Trigger)}) failed validation, so the bot keeps answering from " +
                        (outcome.Current is null ? "nothing: it has no knowledge loaded yet." : $"version `{outcome.Current.Version}` (loaded {outcome.Current.LoadedAt:u}).")),
                    new ReplySection($"{errors.Count} error(s)", string.Join("\n", errors.Take(10).Select(e => $"- `{e}`")) + (errors.Count > 10 ? $"\n- … and {errors.Count - 10} more" : "")),
                ],
                Tone = ReplyTone.Error,
                Actions = [new SuggestedAction("Status", "/kb status"), new SuggestedAction("Reload", "/kb reload")],
            }, cancellationToken);
            return;
        }

        if (previous is { Outcome.IsApplied: false })
        {
            await alerts.PostAsync(new BotReply
            {
                Title = "Knowledge fixed",
                Sections = [new ReplySection(null, $"Version `{outcome.Current.Version}` is loaded ({UserText.Escape(outcome.Trigger)}); the earlier errors are gone.")],
                Tone = ReplyTone.Success,
            }, cancellationToken);
        }

        var known = previous?.ProgressWarnings.Select(w => w.Message).ToHashSet() ?? [];
        if (warnings.Any(w => !known.Contains(w.Message)))
        {
            await alerts.PostAsync(new BotReply
            {
                Title = "Members have progress on steps that are gone",
                Sections = [new ReplySection(null, string.Join("\n", warnings.Select(w => $"- `{w}`")))],
                Tone = ReplyTone.Warning,
                Actions = [new SuggestedAction("Status", "/kb status")],
            }, cancellationToken);
        }
    }
}
