using System.Data.Common;
using Dapper;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Storage;
using CommandDefinition = Dapper.CommandDefinition;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// Study groups and their members in the bot's <see cref="IDatabase"/>. A group is unique by name within a workspace and one per channel; membership
/// rows reference <c>members(id)</c> with <c>ON DELETE CASCADE</c>, so <c>/progress delete</c> takes a member out of every group.
/// </summary>
public sealed class StudyGroupStore(IDatabase database, TimeProvider time)
{
    /// <summary>Schema version 100 (the check-in feature owns 100–199).</summary>
    public static readonly SchemaMigration Migration = new(100, "study groups and members", """
        CREATE TABLE study_groups (
            id            INTEGER PRIMARY KEY,
            platform      TEXT NOT NULL,
            workspace_id  TEXT NOT NULL,
            channel_id    TEXT NOT NULL,
            name          TEXT NOT NULL COLLATE NOCASE,
            day           INTEGER NOT NULL CHECK (day BETWEEN 0 AND 6),
            local_time    TEXT NOT NULL,
            time_zone     TEXT NOT NULL,
            window_hours  INTEGER NOT NULL CHECK (window_hours BETWEEN 1 AND 144),
            questions     TEXT NOT NULL,
            is_quiet      INTEGER NOT NULL DEFAULT 0,
            has_reminder  INTEGER NOT NULL DEFAULT 1,
            is_paused     INTEGER NOT NULL DEFAULT 0,
            created_at    TEXT NOT NULL,
            UNIQUE (platform, workspace_id, name),
            UNIQUE (platform, workspace_id, channel_id)
        );
        CREATE TABLE study_group_members (
            group_id      INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
            member_id     INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
            display_name  TEXT,
            is_admin      INTEGER NOT NULL DEFAULT 0,
            joined_at     TEXT NOT NULL,
            PRIMARY KEY (group_id, member_id)
        ) WITHOUT ROWID;
        CREATE INDEX study_group_members_by_member ON study_group_members (member_id);
        """);

    private const string GroupColumns = """
        g.id AS Id, g.platform AS Platform, g.workspace_id AS WorkspaceId, g.channel_id AS ChannelId, g.name AS Name,
        g.day AS Day, g.local_time AS LocalTime, g.time_zone AS TimeZone, g.window_hours AS WindowHours, g.questions AS Questions,
        g.is_quiet AS IsQuiet, g.has_reminder AS HasReminder, g.is_paused AS IsPaused, g.created_at AS CreatedAt
        """;

    private const string MemberColumns = """
        sm.member_id AS MemberId, m.platform AS Platform, m.workspace_id AS WorkspaceId, m.user_id AS UserId,
        sm.display_name AS DisplayName, sm.is_admin AS IsAdmin, sm.joined_at AS JoinedAt
        """;

    /// <summary>Creates the group with <paramref name="creator"/> as its first member and admin.</summary>
    public async Task<StudyGroup> CreateAsync(MemberKey creator, string? displayName, string channelId, string name, GroupSchedule schedule, CancellationToken cancellationToken)
    {
        var now = SqliteProgressStore.Timestamp(time.GetUtcNow());
        var id = await database.WriteAsync(async write =>
        {
            var memberId = await MemberIds.GetOrCreateAsync(write, creator, time);
            var id = await write.QuerySingleAsync<long>("""
                INSERT INTO study_groups (platform, workspace_id, channel_id, name, day, local_time, time_zone, window_hours, questions, created_at)
                VALUES (@Platform, @WorkspaceId, @ChannelId, @Name, @Day, @LocalTime, @TimeZone, @WindowHours, @Questions, @Now)
                RETURNING id
                """, new
            {
                creator.Platform,
                creator.WorkspaceId,
                ChannelId = channelId,
                Name = name,
                Day = (int)schedule.Day,
                LocalTime = schedule.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                TimeZone = schedule.TimeZoneId,
                schedule.WindowHours,
                Questions = JoinQuestions(StudyGroup.DefaultQuestions),
                Now = now,
            });
            await write.ExecuteAsync("""
                INSERT INTO study_group_members (group_id, member_id, display_name, is_admin, joined_at) VALUES (@id, @memberId, @displayName, 1, @now)
                """, new { id, memberId, displayName, now });
            return id;
        }, cancellationToken);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>The group with <see cref="StudyGroup.Id"/> <paramref name="id"/>; null when there is none (deleted, or never existed).</summary>
    public async Task<StudyGroup?> GetAsync(long id, CancellationToken cancellationToken) =>
        await QueryOneAsync($"SELECT {GroupColumns} FROM study_groups g WHERE g.id = @id", new { id }, cancellationToken);

    /// <summary>The group named <paramref name="name"/> (case-insensitive) in the member's workspace.</summary>
    public async Task<StudyGroup?> FindByNameAsync(MemberKey inWorkspace, string name, CancellationToken cancellationToken) =>
        await QueryOneAsync($"SELECT {GroupColumns} FROM study_groups g WHERE g.platform = @Platform AND g.workspace_id = @WorkspaceId AND g.name = @name",
            new { inWorkspace.Platform, inWorkspace.WorkspaceId, name = name.Trim() }, cancellationToken);

    /// <summary>The group bound to <paramref name="channelId"/> in the member's workspace.</summary>
    public async Task<StudyGroup?> FindByChannelAsync(MemberKey inWorkspace, string channelId, CancellationToken cancellationToken) =>
        await QueryOneAsync($"SELECT {GroupColumns} FROM study_groups g WHERE g.platform = @Platform AND g.workspace_id = @WorkspaceId AND g.channel_id = @channelId",
            new { inWorkspace.Platform, inWorkspace.WorkspaceId, channelId }, cancellationToken);

    /// <summary>Every group in the member's workspace with its member count, by name.</summary>
    public async Task<IReadOnlyList<(StudyGroup Group, int Members)>> ListAsync(MemberKey inWorkspace, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var groups = await connection.QueryAsync<GroupRow>(new CommandDefinition($"""
            SELECT {GroupColumns} FROM study_groups g WHERE g.platform = @Platform AND g.workspace_id = @WorkspaceId ORDER BY g.name
            """, new { inWorkspace.Platform, inWorkspace.WorkspaceId }, cancellationToken: cancellationToken));
        var counts = (await connection.QueryAsync<(long GroupId, long Members)>(new CommandDefinition("""
            SELECT sm.group_id, count(*) FROM study_group_members sm JOIN study_groups g ON g.id = sm.group_id
            WHERE g.platform = @Platform AND g.workspace_id = @WorkspaceId GROUP BY sm.group_id
            """, new { inWorkspace.Platform, inWorkspace.WorkspaceId }, cancellationToken: cancellationToken))).ToDictionary(c => c.GroupId, c => (int)c.Members);
        return groups.Select(g => (g.ToGroup(), counts.GetValueOrDefault(g.Id))).ToList();
    }

    /// <summary>The groups <paramref name="member"/> belongs to, by name.</summary>
    public async Task<IReadOnlyList<StudyGroup>> ListForMemberAsync(MemberKey member, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<GroupRow>(new CommandDefinition($"""
            SELECT {GroupColumns} FROM study_groups g
            JOIN study_group_members sm ON sm.group_id = g.id JOIN members m ON m.id = sm.member_id
            WHERE m.platform = @Platform AND m.workspace_id = @WorkspaceId AND m.user_id = @UserId ORDER BY g.name
            """, member, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToGroup()).ToList();
    }

    /// <summary>Groups the scheduler runs (not paused).</summary>
    public async Task<IReadOnlyList<StudyGroup>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<GroupRow>(new CommandDefinition(
            $"SELECT {GroupColumns} FROM study_groups g WHERE g.is_paused = 0 ORDER BY g.id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToGroup()).ToList();
    }

    /// <summary>Group names in the member's workspace containing <paramref name="typed"/> (prefix matches first), for autocomplete.</summary>
    public IReadOnlyList<string> SuggestNames(MemberKey inWorkspace, string typed, int limit)
    {
        using var connection = database.Open();
        var position = database.Dialect.Position("lower(name)", "lower(@typed)");
        return connection.Query<string>($"""
            SELECT name FROM study_groups
            WHERE platform = @Platform AND workspace_id = @WorkspaceId AND {position} > 0
            ORDER BY {position} <> 1, name LIMIT @limit
            """, new { inWorkspace.Platform, inWorkspace.WorkspaceId, typed = typed.Trim(), limit }).ToList();
    }

    /// <summary>Saves the group's schedule, questions and switches.</summary>
    public Task UpdateAsync(StudyGroup group, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync("""
            UPDATE study_groups SET day = @Day, local_time = @LocalTime, time_zone = @TimeZone, window_hours = @WindowHours,
                questions = @Questions, is_quiet = @IsQuiet, has_reminder = @HasReminder, is_paused = @IsPaused
            WHERE id = @Id
            """, new
        {
            group.Id,
            Day = (int)group.Schedule.Day,
            LocalTime = group.Schedule.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            TimeZone = group.Schedule.TimeZoneId,
            group.Schedule.WindowHours,
            Questions = JoinQuestions(group.Questions),
            group.IsQuiet,
            group.HasReminder,
            group.IsPaused,
        }), cancellationToken);

    /// <summary>Deletes the group; its members' rows, check-ins, away weeks and schedule records go with it (cascade).</summary>
    public Task DeleteAsync(long groupId, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.ExecuteAsync("DELETE FROM study_groups WHERE id = @groupId", new { groupId }), cancellationToken);

    /// <summary>Adds the member (or refreshes their display name); returns false when they were already in.</summary>
    public Task<bool> JoinAsync(long groupId, MemberKey member, string? displayName, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var memberId = await MemberIds.GetOrCreateAsync(write, member, time);
            var added = await write.ExecuteAsync("""
                INSERT INTO study_group_members (group_id, member_id, display_name, is_admin, joined_at) VALUES (@groupId, @memberId, @displayName, 0, @now)
                ON CONFLICT (group_id, member_id) DO NOTHING
                """, new { groupId, memberId, displayName, now = SqliteProgressStore.Timestamp(time.GetUtcNow()) });
            if (added == 0 && displayName is not null)
            {
                await write.ExecuteAsync(
                    "UPDATE study_group_members SET display_name = @displayName WHERE group_id = @groupId AND member_id = @memberId",
                    new { groupId, memberId, displayName });
            }

            return added == 1;
        }, cancellationToken);

    /// <summary>Removes the member from the group; returns false when they were not in it.</summary>
    public async Task<bool> LeaveAsync(long groupId, long memberId, CancellationToken cancellationToken) =>
        await database.WriteAsync(write => write.ExecuteAsync(
            "DELETE FROM study_group_members WHERE group_id = @groupId AND member_id = @memberId", new { groupId, memberId }), cancellationToken) == 1;

    /// <summary>The member's row in the group, or null when they are not in it.</summary>
    public async Task<GroupMember?> GetMemberAsync(long groupId, MemberKey member, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition($"""
            SELECT {MemberColumns} FROM study_group_members sm JOIN members m ON m.id = sm.member_id
            WHERE sm.group_id = @groupId AND m.platform = @Platform AND m.workspace_id = @WorkspaceId AND m.user_id = @UserId
            """, new { groupId, member.Platform, member.WorkspaceId, member.UserId }, cancellationToken: cancellationToken));
        return row?.ToMember();
    }

    /// <summary>Every member of the group, admins first, then by name.</summary>
    public async Task<IReadOnlyList<GroupMember>> MembersAsync(long groupId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await MembersAsync(connection, groupId, cancellationToken);
    }

    internal static async Task<IReadOnlyList<GroupMember>> MembersAsync(DbConnection connection, long groupId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition($"""
            SELECT {MemberColumns} FROM study_group_members sm JOIN members m ON m.id = sm.member_id
            WHERE sm.group_id = @groupId ORDER BY sm.is_admin DESC, coalesce(sm.display_name, m.user_id)
            """, new { groupId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMember()).ToList();
    }

    /// <summary>Makes a member an admin or not; returns false when they are not in the group.</summary>
    public async Task<bool> SetAdminAsync(long groupId, long memberId, bool isAdmin, CancellationToken cancellationToken) =>
        await database.WriteAsync(write => write.ExecuteAsync(
            "UPDATE study_group_members SET is_admin = @isAdmin WHERE group_id = @groupId AND member_id = @memberId",
            new { groupId, memberId, isAdmin }), cancellationToken) == 1;

    private async Task<StudyGroup?> QueryOneAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GroupRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return row?.ToGroup();
    }

    // Questions are stored as one line of labels separated by '|' (a label cannot contain one; see GroupHandler).
    private static string JoinQuestions(IReadOnlyList<string> questions) => string.Join('|', questions);

    private sealed record GroupRow(
        long Id, string Platform, string WorkspaceId, string ChannelId, string Name, long Day, string LocalTime, string TimeZone,
        long WindowHours, string Questions, long IsQuiet, long HasReminder, long IsPaused, string CreatedAt)
    {
        public StudyGroup ToGroup() => new(Id, Platform, WorkspaceId, ChannelId, Name,
            new GroupSchedule((DayOfWeek)Day, TimeOnly.ParseExact(LocalTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture), TimeZone, (int)WindowHours),
            Questions.Split('|'), IsQuiet != 0, HasReminder != 0, IsPaused != 0, SqliteProgressStore.Parse(CreatedAt));
    }

    // Properties rather than a positional record, so a NULL display name maps whatever type SQLite reports for it.
    private sealed class MemberRow
    {
        public long MemberId { get; init; }
        public string Platform { get; init; } = "";
        public string WorkspaceId { get; init; } = "";
        public string UserId { get; init; } = "";
        public string? DisplayName { get; init; }
        public long IsAdmin { get; init; }
        public string JoinedAt { get; init; } = "";

        public GroupMember ToMember() => new(MemberId, new MemberKey(Platform, WorkspaceId, UserId), DisplayName, IsAdmin != 0, SqliteProgressStore.Parse(JoinedAt));
    }
}
