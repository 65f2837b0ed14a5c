using System.Data.Common;
using Dapper;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.CheckIns;

/// <summary>Everything a digest or a streak needs about one week of one group, read in one go.</summary>
public sealed record WeekData(
    IReadOnlyList<GroupMember> Members,
    IReadOnlyList<CheckIn> CheckIns,
    IReadOnlySet<long> AwayMemberIds,
    IReadOnlyDictionary<long, Streak> Streaks);

/// <summary>
/// Check-ins, away weeks and the scheduler's record of what it posted, in the bot's <see cref="IDatabase"/>. Rows reference <c>members(id)</c> and
/// <c>study_groups(id)</c> with <c>ON DELETE CASCADE</c>. Also the <c>checkins</c> section of <c>/progress export</c>.
/// </summary>
public sealed partial class CheckInStore(IDatabase database, TimeProvider time) : IMemberDataExporter
{
    /// <summary>Schema versions 101–104 (the check-in feature owns 100–199).</summary>
    public static readonly SchemaMigration[] Migrations =
    [
        new(101, "check-ins and away weeks", """
            CREATE TABLE checkins (
                group_id    INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
                week_key    TEXT NOT NULL,
                member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
                done        TEXT NOT NULL,
                next        TEXT NOT NULL,
                blockers    TEXT,
                steps       TEXT NOT NULL DEFAULT '',
                is_late     INTEGER NOT NULL DEFAULT 0,
                created_at  TEXT NOT NULL,
                updated_at  TEXT NOT NULL,
                PRIMARY KEY (group_id, week_key, member_id)
            ) WITHOUT ROWID;
            CREATE INDEX checkins_by_member ON checkins (member_id, week_key);
            CREATE TABLE away_weeks (
                group_id    INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
                week_key    TEXT NOT NULL,
                member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
                PRIMARY KEY (group_id, week_key, member_id)
            ) WITHOUT ROWID;
            CREATE INDEX away_weeks_by_member ON away_weeks (member_id);
            """)
        {
            Postgres = """
                CREATE TABLE checkins (
                    group_id    bigint NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
                    week_key    text NOT NULL,
                    member_id   bigint NOT NULL REFERENCES members (id) ON DELETE CASCADE,
                    done        text NOT NULL,
                    next        text NOT NULL,
                    blockers    text,
                    steps       text NOT NULL DEFAULT '',
                    is_late     boolean NOT NULL DEFAULT FALSE,
                    created_at  timestamptz NOT NULL,
                    updated_at  timestamptz NOT NULL,
                    PRIMARY KEY (group_id, week_key, member_id)
                );
                CREATE INDEX checkins_by_member ON checkins (member_id, week_key);
                CREATE TABLE away_weeks (
                    group_id    bigint NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
                    week_key    text NOT NULL,
                    member_id   bigint NOT NULL REFERENCES members (id) ON DELETE CASCADE,
                    PRIMARY KEY (group_id, week_key, member_id)
                );
                CREATE INDEX away_weeks_by_member ON away_weeks (member_id);
                """,
        },
        new(102, "scheduled check-in actions", """
            CREATE TABLE checkin_actions (
                group_id    INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
                week_key    TEXT NOT NULL,
                kind        TEXT NOT NULL CHECK (kind IN ('prompt', 'reminder', 'digest')),
                state       TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'skipped')),
                attempts    INTEGER NOT NULL DEFAULT 0,
                due_at      TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                channel_id  TEXT NOT NULL,
                message_id  TEXT,
                PRIMARY KEY (group_id, week_key, kind)
            ) WITHOUT ROWID;
            CREATE INDEX checkin_actions_by_week ON checkin_actions (week_key);
            """)
        {
            Postgres = """
                CREATE TABLE checkin_actions (
                    group_id    bigint NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
                    week_key    text NOT NULL,
                    kind        text NOT NULL CHECK (kind IN ('prompt', 'reminder', 'digest')),
                    state       text NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'skipped')),
                    attempts    integer NOT NULL DEFAULT 0,
                    due_at      timestamptz NOT NULL,
                    recorded_at timestamptz NOT NULL,
                    channel_id  text NOT NULL,
                    message_id  text,
                    PRIMARY KEY (group_id, week_key, kind)
                );
                CREATE INDEX checkin_actions_by_week ON checkin_actions (week_key);
                """,
        },
        // Streaks read every (member, week) of a group: this index holds just those, so a 500-member digest does not scan
        // the answers' text (issue #5's budget is 50 ms with a million check-ins).
        SchemaMigration.Portable(103, "check-in weeks by group and member", """
            CREATE INDEX checkins_weeks_by_group ON checkins (group_id, member_id, week_key);
            CREATE INDEX away_weeks_by_group ON away_weeks (group_id, member_id, week_key);
            """),
        // Replicas on one database (issue #11): who holds a 'sending' claim and until when (UTC); NULL on older rows,
        // which are never taken over.
        new(104, "leases on scheduled check-in actions", """
            ALTER TABLE checkin_actions ADD COLUMN claimed_by TEXT;
            ALTER TABLE checkin_actions ADD COLUMN lease_until TEXT;
            """)
        {
            Postgres = """
                ALTER TABLE checkin_actions ADD COLUMN claimed_by text;
                ALTER TABLE checkin_actions ADD COLUMN lease_until timestamptz;
                """,
        },
    ];

    /// <summary>How many times a failed post is retried while its window is still open.</summary>
    public const int MaxAttempts = 3;

    /// <inheritdoc />
    public string Name => "checkins";

    /// <summary>Stores or replaces the member's answers for the week, keeping the first submission time.</summary>
    public async Task<CheckIn> SaveAsync(long groupId, long memberId, string weekKey, string done, string next, string? blockers, IReadOnlyList<string> steps, bool isLate, CancellationToken cancellationToken)
    {
        var now = SqliteProgressStore.Timestamp(time.GetUtcNow());
        var row = await database.WriteAsync(write => write.QuerySingleAsync<CheckInRow>($"""
            INSERT INTO checkins (group_id, week_key, member_id, done, next, blockers, steps, is_late, created_at, updated_at)
            VALUES (@groupId, @weekKey, @memberId, @done, @next, @blockers, @steps, @isLate, @now, @now)
            ON CONFLICT (group_id, week_key, member_id) DO UPDATE SET
                done = excluded.done, next = excluded.next, blockers = excluded.blockers, steps = excluded.steps, updated_at = excluded.updated_at
            RETURNING {ReturningColumns}
            """, new { groupId, weekKey, memberId, done, next, blockers, steps = string.Join(' ', steps), isLate, now }), cancellationToken);
        return row.ToCheckIn();
    }

    /// <summary>The member's check-in for the week (<paramref name="weekKey"/> as in <see cref="CheckInWeek.Key"/>); null when there is none.</summary>
    public async Task<CheckIn?> GetAsync(long groupId, long memberId, string weekKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition(
            $"SELECT {CheckInColumns} FROM checkins c WHERE c.group_id = @groupId AND c.week_key = @weekKey AND c.member_id = @memberId",
            new { groupId, weekKey, memberId }, cancellationToken: cancellationToken));
        return row?.ToCheckIn();
    }

    /// <summary>The member's latest check-in in the group before <paramref name="weekKey"/> (whose plan pre-fills the form).</summary>
    public async Task<CheckIn?> LatestBeforeAsync(long groupId, long memberId, string weekKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<CheckInRow>(new CommandDefinition($"""
            SELECT {CheckInColumns} FROM checkins c WHERE c.member_id = @memberId AND c.group_id = @groupId AND c.week_key < @weekKey
            ORDER BY c.week_key DESC LIMIT 1
            """, new { groupId, weekKey, memberId }, cancellationToken: cancellationToken));
        return row?.ToCheckIn();
    }

    /// <summary>The member's check-ins in every group, newest week first, at most <paramref name="limit"/>, with the group's name.</summary>
    public async Task<IReadOnlyList<(string GroupName, CheckIn CheckIn)>> HistoryAsync(MemberKey member, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<CheckInRow>(new CommandDefinition($"""
            SELECT {CheckInColumns} FROM checkins c JOIN members m ON m.id = c.member_id
            WHERE m.platform = @Platform AND m.workspace_id = @WorkspaceId AND m.user_id = @UserId ORDER BY c.week_key DESC LIMIT @limit
            """, new { member.Platform, member.WorkspaceId, member.UserId, limit }, cancellationToken: cancellationToken))).ToList();
        // A join rather than Dapper's "IN @ids": Dapper passes an array as one parameter to Npgsql, which PostgreSQL rejects.
        var names = (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition("""
            SELECT DISTINCT g.id, g.name FROM study_groups g JOIN checkins c ON c.group_id = g.id JOIN members m ON m.id = c.member_id
            WHERE m.platform = @Platform AND m.workspace_id = @WorkspaceId AND m.user_id = @UserId
            """, new { member.Platform, member.WorkspaceId, member.UserId }, cancellationToken: cancellationToken))).ToDictionary(g => g.Id, g => g.Name);
        return rows.Select(r => (names[r.GroupId], r.ToCheckIn())).ToList();
    }

    /// <summary>Members, check-ins, away members and streaks for one week of a group (the digest's data).</summary>
    public async Task<WeekData> LoadWeekAsync(StudyGroup group, CheckInWeek week, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var members = await StudyGroupStore.MembersAsync(connection, database.Dialect, group.Id, cancellationToken);
        var checkIns = (await connection.QueryAsync<CheckInRow>(new CommandDefinition(
            $"SELECT {CheckInColumns} FROM checkins c WHERE c.group_id = @Id AND c.week_key = @Key ORDER BY c.created_at",
            new { group.Id, week.Key }, cancellationToken: cancellationToken))).Select(r => r.ToCheckIn()).ToList();
        var away = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT member_id FROM away_weeks WHERE group_id = @Id AND week_key = @Key",
            new { group.Id, week.Key }, cancellationToken: cancellationToken))).ToHashSet();
        var streaks = await StreaksAsync(connection, group, week, members, cancellationToken);
        return new WeekData(members, checkIns, away, streaks);
    }

    /// <summary>One member's current and best streak in the group as of <paramref name="week"/>.</summary>
    public async Task<Streak> StreakAsync(StudyGroup group, CheckInWeek week, GroupMember member, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var streaks = await StreaksAsync(connection, group, week, [member], cancellationToken);
        return streaks[member.MemberId];
    }

    private async Task<IReadOnlyDictionary<long, Streak>> StreaksAsync(DbConnection connection, StudyGroup group, CheckInWeek week, IReadOnlyList<GroupMember> members, CancellationToken cancellationToken)
    {
        // A week "ran" when its prompt went out or anyone checked in; weeks that never ran (paused, bot down) break nothing.
        // Reads use the (group, member, week) indexes, never the answers' text, and bring back one row per member.
        var parameters = new { group.Id, week.Key, Member = members.Count == 1 ? members[0].MemberId : 0 };
        var ran = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT week_key FROM checkin_actions WHERE group_id = @Id AND kind = 'prompt' AND state <> 'skipped' AND week_key <= @Key",
            parameters, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        // Both walk their (group, member, week) index in order, so GROUP BY needs no sort.
        var memberFilter = members.Count == 1 ? "AND member_id = @Member" : "";
        var sql = database.Dialect;
        var checkedIn = (await connection.QueryAsync<(long MemberId, string Weeks)>(new CommandDefinition($"""
            SELECT member_id, {sql.CommaList("week_key")} FROM {sql.TableUsingIndex("checkins", "checkins_weeks_by_group")}
            WHERE group_id = @Id {memberFilter} AND week_key <= @Key GROUP BY member_id
            """, parameters, cancellationToken: cancellationToken))).ToDictionary(r => r.MemberId, r => r.Weeks.Split(','));
        var away = (await connection.QueryAsync<(long MemberId, string Weeks)>(new CommandDefinition($"""
            SELECT member_id, {sql.CommaList("week_key")} FROM {sql.TableUsingIndex("away_weeks", "away_weeks_by_group")}
            WHERE group_id = @Id {memberFilter} AND week_key <= @Key GROUP BY member_id
            """, parameters, cancellationToken: cancellationToken))).ToDictionary(r => r.MemberId, r => r.Weeks.Split(','));
        var kept = new Dictionary<long, IReadOnlySet<string>>();
        foreach (var memberId in checkedIn.Keys.Union(away.Keys))
        {
            var weeks = checkedIn.GetValueOrDefault(memberId) ?? [];
            ran.UnionWith(weeks);
            kept[memberId] = weeks.Concat(away.GetValueOrDefault(memberId) ?? []).ToHashSet(StringComparer.Ordinal);
        }

        if (members.Count == 1)
        {
            // Other members' check-ins also mark weeks that ran.
            ran.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT week_key FROM checkins WHERE group_id = @Id AND week_key <= @Key", parameters, cancellationToken: cancellationToken)));
        }

        // A member's first week is the first that closed after they joined: one time-zone conversion per week, not per member.
        var sorted = ran.Order(StringComparer.Ordinal).ToList();
        var closes = sorted.Select(k => (Key: k, CheckInCalendar.WeekOf(group.Schedule, CheckInCalendar.ParseKey(k)).ClosesAt)).ToList();
        var isOpen = week.IsOpenAt(time.GetUtcNow());
        return members.ToDictionary(m => m.MemberId, m => Streaks.Compute(sorted, kept.GetValueOrDefault(m.MemberId) ?? new HashSet<string>(),
            closes.FirstOrDefault(c => c.ClosesAt > m.JoinedAt).Key ?? week.Key, week.Key, isOpen));
    }

    /// <summary>Marks the given weeks as away for the member (idempotent).</summary>
    public Task SetAwayAsync(long groupId, long memberId, IEnumerable<string> weekKeys, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync(
            "INSERT INTO away_weeks (group_id, week_key, member_id) VALUES (@groupId, @weekKey, @memberId) ON CONFLICT DO NOTHING",
            weekKeys.Select(weekKey => new { groupId, weekKey, memberId }).ToList()), cancellationToken);

    /// <summary>Removes the member's away weeks from <paramref name="fromWeekKey"/> on; returns how many.</summary>
    public Task<int> ClearAwayAsync(long groupId, long memberId, string fromWeekKey, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync(
            "DELETE FROM away_weeks WHERE group_id = @groupId AND member_id = @memberId AND week_key >= @fromWeekKey",
            new { groupId, memberId, fromWeekKey }), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ExportAsync(DbConnection connection, long memberId, CancellationToken cancellationToken)
    {
        var checkIns = await connection.QueryAsync(new CommandDefinition("""
            SELECT 'checkin' AS type, g.name AS group_name, c.week_key, c.done, c.next, c.blockers, c.steps, c.is_late, c.created_at, c.updated_at
            FROM checkins c JOIN study_groups g ON g.id = c.group_id WHERE c.member_id = @memberId
            UNION ALL
            SELECT 'away', g.name, a.week_key, NULL, NULL, NULL, NULL, NULL, NULL, NULL
            FROM away_weeks a JOIN study_groups g ON g.id = a.group_id WHERE a.member_id = @memberId
            UNION ALL
            SELECT 'membership', g.name, NULL, NULL, NULL, NULL, NULL, sm.is_admin, sm.joined_at, NULL
            FROM study_group_members sm JOIN study_groups g ON g.id = sm.group_id WHERE sm.member_id = @memberId
            ORDER BY 1, 2, 3
            """, new { memberId }, cancellationToken: cancellationToken));
        return checkIns.Select(r => (IReadOnlyDictionary<string, object?>)((IDictionary<string, object?>)r).AsReadOnly()).ToList();
    }

    private static string KindText(ScheduledKind kind) => kind.ToString().ToLowerInvariant();

    private const string CheckInColumns = """
        c.group_id AS GroupId, c.member_id AS MemberId, c.week_key AS WeekKey, c.done AS Done, c.next AS Next, c.blockers AS Blockers,
        c.steps AS Steps, c.is_late AS IsLate, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt
        """;

    // RETURNING names the inserted row's columns without a table alias.
    private static readonly string ReturningColumns = CheckInColumns.Replace("c.", "", StringComparison.Ordinal);

    // Properties rather than a positional record: a NULL in a RETURNING row has no declared type for Dapper to match a constructor by.
    private sealed class CheckInRow
    {
        public long GroupId { get; init; }
        public long MemberId { get; init; }
        public string WeekKey { get; init; } = "";
        public string Done { get; init; } = "";
        public string Next { get; init; } = "";
        public string? Blockers { get; init; }
        public string Steps { get; init; } = "";
        public bool IsLate { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public CheckIn ToCheckIn() => new(GroupId, MemberId, WeekKey, Done, Next, Blockers,
            Steps.Split(' ', StringSplitOptions.RemoveEmptyEntries), IsLate, CreatedAt, UpdatedAt);
    }
}
