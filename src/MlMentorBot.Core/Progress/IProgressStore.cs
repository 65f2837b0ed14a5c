using System.Diagnostics.CodeAnalysis;
using MlMentorBot.Core.Commands;

namespace MlMentorBot.Core.Progress;

/// <summary>A roadmap step's status for one member.</summary>
internal enum StepStatus { Todo, Learning, Done, Skipped }

/// <summary>
/// A member's status on one step. <paramref name="FirstSetAt"/> is when the member first marked the step,
/// <paramref name="UpdatedAt"/> when they last changed it (both UTC).
/// </summary>
internal sealed record StepProgress(string StepId, StepStatus Status, DateTimeOffset FirstSetAt, DateTimeOffset UpdatedAt);

/// <summary>
/// Everything stored about a member, for <c>/progress export</c>: identity, steps, and named extra tables from other
/// features (check-ins), each a list of rows as column → value.
/// </summary>
internal sealed record MemberExport(
    MemberKey Member,
    DateTimeOffset? FirstSeenAt,
    IReadOnlyList<StepProgress> Steps,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Other);

/// <summary>Persists each member's roadmap progress (SQLite in production and tests).</summary>
internal interface IProgressStore
{
    /// <summary>
    /// All of the member's step statuses, keyed by step id (case-insensitive). Unknown members get an empty map. The map is
    /// never changed once returned: a write makes later calls return a new map, so callers may key what they derive from it
    /// on its identity (the roadmap reuses replies that way).
    /// </summary>
    Task<IReadOnlyDictionary<string, StepProgress>> GetAsync(MemberKey member, CancellationToken cancellationToken);

    /// <summary>
    /// The map <see cref="GetAsync"/> would return, when it is already in memory and known to be current without a query and
    /// without waiting for any lock; false otherwise (not cached, possibly stale, or the check itself would have to wait), and
    /// the caller uses <see cref="GetAsync"/>. For a request's own stack, which the database must never hold (issue 10).
    /// </summary>
    bool TryGetWithoutWaiting(MemberKey member, [NotNullWhen(true)] out IReadOnlyDictionary<string, StepProgress>? progress);

    /// <summary>Sets one step's status (creating the member on first use) and returns the stored row.</summary>
    Task<StepProgress> SetAsync(MemberKey member, string stepId, StepStatus status, CancellationToken cancellationToken);

    /// <summary>Everything stored about the member.</summary>
    Task<MemberExport> ExportAsync(MemberKey member, CancellationToken cancellationToken);

    /// <summary>Deletes every row of the member, in every feature's tables; returns 0 when nothing was stored, else 1 (the member) plus their step rows.</summary>
    Task<int> DeleteAsync(MemberKey member, CancellationToken cancellationToken);

    /// <summary>
    /// Moves progress from <paramref name="oldStepId"/> to <paramref name="newStepId"/> for every member (a renamed step).
    /// Where a member already has the new id, the more advanced status wins. Returns rows moved.
    /// </summary>
    Task<int> RenameStepAsync(string oldStepId, string newStepId, CancellationToken cancellationToken);

    /// <summary>Step ids that have progress rows and how many members each has.</summary>
    Task<IReadOnlyDictionary<string, int>> CountByStepAsync(CancellationToken cancellationToken);
}
