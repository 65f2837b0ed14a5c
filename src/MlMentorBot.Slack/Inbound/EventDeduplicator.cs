using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Slack.Inbound;

/// <summary>
/// Remembers event ids for an hour so a redelivery is acknowledged but not handled twice. Dedupe on receipt, not on completion,
/// because Slack retries after an <c>http_timeout</c> while the first attempt may still be running
/// (https://docs.slack.dev/apis/events-api/#retries: retries come at once, after 1 minute and after 5 minutes).
/// The ids live in the database (<c>slack_events</c>, unique on the id, with an expiry), so a retry that lands on another
/// replica is recognised too; expired rows are deleted every few minutes by whichever replica notices first.
/// </summary>
internal sealed class EventDeduplicator(IDatabase database, TimeProvider time, ILogger<EventDeduplicator> logger)
{
    /// <summary>Schema version 403 (the Slack adapter owns 400–499; OAuth has 400–402).</summary>
    public static readonly SchemaMigration Migration = new(403, "Slack event ids seen", """
        CREATE TABLE slack_events (
            event_id   TEXT PRIMARY KEY,
            expires_at TEXT NOT NULL
        );
        CREATE INDEX slack_events_by_expiry ON slack_events (expires_at);
        """)
    {
        Postgres = """
            CREATE TABLE slack_events (
                event_id   text PRIMARY KEY,
                expires_at timestamptz NOT NULL
            );
            CREATE INDEX slack_events_by_expiry ON slack_events (expires_at);
            """,
    };

    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);
    private long _nextSweepTicks;

    /// <summary>
    /// True the first time an id is seen within the last hour, on any replica. When the database cannot be written the event
    /// is handled (a rare duplicate beats a lost event) and the fault is logged.
    /// </summary>
    public async Task<bool> IsFirstDeliveryAsync(string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sweep = now.UtcTicks >= Interlocked.Read(ref _nextSweepTicks);
        if (sweep)
        {
            Interlocked.Exchange(ref _nextSweepTicks, (now + SweepEvery).UtcTicks);
        }

        try
        {
            return await database.WriteAsync(async write =>
            {
                var at = Timestamp(now);
                if (sweep)
                {
                    await write.ExecuteAsync("DELETE FROM slack_events WHERE expires_at <= @at", new { at });
                }

                // Check and add as one statement (Slack's immediate retry can race the first delivery): insert if absent, or
                // reuse a row whose hour is over; 1 row affected means this delivery is the first.
                return await write.ExecuteAsync("""
                    INSERT INTO slack_events (event_id, expires_at) VALUES (@eventId, @expires)
                    ON CONFLICT (event_id) DO UPDATE SET expires_at = excluded.expires_at WHERE slack_events.expires_at <= @at
                    """, new { eventId, expires = Timestamp(now + Memory), at }) == 1;
            }, cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogWarning("Slack event {EventId} handled without de-duplication: {Problem}", eventId, ex.Message);
            return true;
        }
    }

    // To the millisecond, the precision both providers keep; bound as timestamptz or fixed-width ISO 8601 UTC text
    // (UtcTimestampHandler), so comparing compares instants on either provider.
    private static DateTimeOffset Timestamp(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
