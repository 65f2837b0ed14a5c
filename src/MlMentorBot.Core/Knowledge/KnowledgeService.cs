using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlMentorBot.Core.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>Folder of knowledge files; a relative path is resolved by <see cref="ContentRoot.Resolve"/>. Default <c>knowledge</c>.</summary>
    [Required]
    public string Path { get; set; } = "knowledge";
}

/// <summary>Gives handlers the knowledge snapshot in force. Reading <see cref="Current"/> is lock-free and never blocks.</summary>
public interface IKnowledgeProvider
{
    /// <summary>The snapshot in force; hold on to it for the whole request so every lookup sees the same files.</summary>
    KnowledgeSnapshot Current { get; }
}

/// <summary>
/// What a (re)load did: the result of reading the files, and whether the new snapshot replaced the old one.
/// <see cref="Current"/> is the snapshot serving after the attempt (null only when the very first load failed).
/// </summary>
public sealed record KnowledgeReloadOutcome(KnowledgeLoadResult Result, bool IsApplied, KnowledgeSnapshot Current, KnowledgeSnapshot? Previous)
{
    /// <summary>Who or what asked for the load: <c>start-up</c>, <c>file change</c>, <c>/kb reload by …</c>.</summary>
    public string Trigger { get; init; } = "";

    /// <summary>When the attempt finished (UTC, from the injected clock).</summary>
    public DateTimeOffset AttemptedAt { get; init; }
}

/// <summary>
/// Holds the current <see cref="KnowledgeSnapshot"/> and swaps it atomically on <see cref="Reload"/>. A load with errors is
/// rejected and the last good snapshot keeps serving. The first load happens on first use; if it fails,
/// <see cref="KnowledgeLoadException"/> names every file:line problem.
/// </summary>
public sealed class KnowledgeService : IKnowledgeProvider
{
    private readonly ILogger<KnowledgeService> _logger;
    private readonly TimeProvider _time;
    private readonly Lock _reloadGate = new();
    private KnowledgeSnapshot? _current;
    private KnowledgeReloadOutcome? _lastOutcome;

    /// <summary>
    /// Resolves <see cref="KnowledgeOptions.Path"/> against <paramref name="root"/>; reads nothing until first use.
    /// <paramref name="time"/> stamps <see cref="KnowledgeSnapshot.LoadedAt"/> and <see cref="KnowledgeReloadOutcome.AttemptedAt"/>.
    /// </summary>
    public KnowledgeService(IOptions<KnowledgeOptions> options, ContentRoot root, TimeProvider time, ILogger<KnowledgeService> logger)
    {
        Directory = root.Resolve(options.Value.Path);
        _time = time;
        _logger = logger;
    }

    /// <summary>Absolute path of the knowledge folder.</summary>
    public string Directory { get; }

    /// <summary>The problems of the most recent load attempt (empty when it was clean).</summary>
    public IReadOnlyList<KnowledgeProblem> LastProblems { get; private set; } = [];

    /// <summary>The most recent load attempt, applied or not; null before the first.</summary>
    public KnowledgeReloadOutcome? LastOutcome => Volatile.Read(ref _lastOutcome);

    /// <summary>Raised after every load attempt, applied or not (audit log, moderator alerts, progress migration).</summary>
    public event Action<KnowledgeReloadOutcome, string>? Reloaded;

    /// <summary>
    /// The snapshot in force. The first read loads the folder (trigger <c>start-up</c>) and throws
    /// <see cref="KnowledgeLoadException"/> when that load has errors; later reads never block and never throw.
    /// </summary>
    public KnowledgeSnapshot Current
    {
        get
        {
            var current = Volatile.Read(ref _current);
            if (current is not null)
            {
                return current;
            }

            lock (_reloadGate)
            {
                // Several first callers (the start-up check, an early request) must not each load: a second "start-up"
                // load would pick up a file edited in between and mislabel it. The lock is re-entrant for Reload.
                current = Volatile.Read(ref _current);
                if (current is not null)
                {
                    return current;
                }

                var outcome = Reload("start-up");
                return outcome.IsApplied ? outcome.Current : throw new KnowledgeLoadException(outcome.Result.Problems);
            }
        }
    }

    /// <summary>True once a snapshot has been loaded.</summary>
    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>
    /// Reads and validates the folder; applies the new snapshot only when it has no errors. <paramref name="trigger"/>
    /// says who or what asked (for the audit log). Serialised: concurrent callers wait for each other.
    /// </summary>
    public KnowledgeReloadOutcome Reload(string trigger)
    {
        lock (_reloadGate)
        {
            var previous = Volatile.Read(ref _current);
            KnowledgeLoadResult result;
            try
            {
                result = KnowledgeLoader.Load(Directory);
            }
            catch (IOException ex)
            {
                result = new KnowledgeLoadResult([], [new KnowledgeProblem(".", 1, ProblemSeverity.Error, ex.Message)], "", Directory);
            }

            LastProblems = result.Problems;
            KnowledgeReloadOutcome outcome;
            if (result.HasErrors)
            {
                foreach (var problem in result.Problems)
                {
                    _logger.LogError("Knowledge problem: {Problem}", problem.ToString());
                }

                _logger.LogError("Knowledge load ({Trigger}) rejected; {State}", trigger,
                    previous is null ? "nothing loaded yet" : $"still serving version {previous.Version}");
                outcome = new KnowledgeReloadOutcome(result, false, previous!, previous) { Trigger = trigger, AttemptedAt = _time.GetUtcNow() };
                Volatile.Write(ref _lastOutcome, outcome);
            }
            else
            {
                foreach (var warning in result.Problems)
                {
                    _logger.LogWarning("Knowledge warning: {Problem}", warning.ToString());
                }

                var snapshot = new KnowledgeSnapshot(result.Entries, result.Version, _time.GetUtcNow());
                // Build the search index here, off the request path, so the first /ask after a swap does not pay for it.
                _ = snapshot.Search;
                outcome = new KnowledgeReloadOutcome(result, true, snapshot, previous) { Trigger = trigger, AttemptedAt = snapshot.LoadedAt };
                // The outcome first: whoever sees the new snapshot also sees how it got there (/kb status, the audit log).
                Volatile.Write(ref _lastOutcome, outcome);
                Volatile.Write(ref _current, snapshot);
                _logger.LogInformation("Knowledge version {Version} loaded ({Trigger}): {Count} entries", snapshot.Version, trigger, snapshot.Entries.Count);
            }

            Reloaded?.Invoke(outcome, trigger);
            return outcome;
        }
    }
}
