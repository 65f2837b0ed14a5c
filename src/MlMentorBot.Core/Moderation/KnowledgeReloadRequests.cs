using Dapper;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.Moderation;

/// <summary>
/// Carries <c>/kb reload</c> from the replica that ran it to the others: it adds a row to <c>knowledge_reload_requests</c>, and
/// every replica's <see cref="KnowledgeWatcher"/> looks for rows newer than the last it saw on each poll
/// (<see cref="ModerationOptions.PollSeconds"/>) and reloads its own copy of the files.
/// </summary>
public sealed class KnowledgeReloadRequests(IDatabase database, TimeProvider time)
{
    /// <summary>Schema version 206.</summary>
    public static readonly SchemaMigration Migration = new(206, "knowledge reload requests seen by every replica", """
        CREATE TABLE knowledge_reload_requests (
            id           INTEGER PRIMARY KEY,
            requested_at TEXT NOT NULL,
            requested_by TEXT NOT NULL
        );
        """);

    private long _lastSeen = -1;

    /// <summary>Records a reload asked for by <paramref name="requestedBy"/> on this replica (which has already reloaded).</summary>
    public async Task RequestAsync(string requestedBy, CancellationToken cancellationToken)
    {
        await EnsureBaselineAsync(cancellationToken);
        var id = await database.WriteAsync(write => write.ExecuteScalarAsync<long>(
            "INSERT INTO knowledge_reload_requests (requested_at, requested_by) VALUES (@at, @requestedBy) RETURNING id",
            new { at = SqliteProgressStore.Timestamp(time.GetUtcNow()), requestedBy }), cancellationToken);
        InterlockedMax(id);
    }

    /// <summary>
    /// Who asked for the newest reload made on another replica since the last call, or null when there is none. The first call
    /// only notes where the log stands: requests made before this replica started are already in the files it loaded.
    /// </summary>
    public async Task<string?> TakeNewAsync(CancellationToken cancellationToken)
    {
        if (await EnsureBaselineAsync(cancellationToken))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var newest = await connection.QuerySingleOrDefaultAsync<(long Id, string RequestedBy)?>(new CommandDefinition(
            "SELECT id, requested_by FROM knowledge_reload_requests WHERE id > @seen ORDER BY id DESC LIMIT 1",
            new { seen = Interlocked.Read(ref _lastSeen) }, cancellationToken: cancellationToken));
        if (newest is not { } request)
        {
            return null;
        }

        InterlockedMax(request.Id);
        return request.RequestedBy;
    }

    /// <summary>Reads the newest id the first time; true when this call set the baseline.</summary>
    private async Task<bool> EnsureBaselineAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _lastSeen) >= 0)
        {
            return false;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var newest = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(id), 0) FROM knowledge_reload_requests", cancellationToken: cancellationToken));
        return Interlocked.CompareExchange(ref _lastSeen, newest, -1) == -1;
    }

    private void InterlockedMax(long id)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _lastSeen)) < id && Interlocked.CompareExchange(ref _lastSeen, id, seen) != seen)
        {
        }
    }
}
