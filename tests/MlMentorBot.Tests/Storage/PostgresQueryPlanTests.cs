using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Tests.Storage;

/// <summary>
/// Query plans PostgreSQL chooses at the sizes issue #11's benchmarks use (100 000 members), checked with <c>EXPLAIN</c>: the
/// plan, not a timing, is what a test can assert, and it is what decided the digest's time (bench/scale-out/run.sh).
/// </summary>
[Collection(PostgresCluster.Collection)]
public sealed class PostgresQueryPlanTests(PostgresCluster cluster)
{
    [SkippableFact]
    public async Task A_500_member_group_reads_its_members_rows_by_key_not_by_scanning_every_member()
    {
        await using var database = new PostgresDatabase(
            Options.Create(new StorageOptions { Provider = StorageProviders.Postgres, ConnectionString = await cluster.CreateDatabaseAsync() }),
            PostgresReplicaTests.AllMigrations, NullLogger<PostgresDatabase>.Instance);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("""
            INSERT INTO members (platform, workspace_id, user_id, created_at)
                SELECT 'discord', 'g1', 'u' || i, now() FROM generate_series(1, 100000) i;
            INSERT INTO study_groups (id, platform, workspace_id, channel_id, name, day, local_time, time_zone, window_hours, questions, created_at)
                SELECT g, 'discord', 'g1', 'c' || g, 'group-' || g, 1, '09:00', 'Europe/Berlin', 48, 'Done|Next|Blockers', now()
                FROM generate_series(1, 2000) g;
            -- As in CheckInStoreBenchmarks: members 1-500 in group 1, the other 99 500 in groups 2-2000.
            INSERT INTO study_group_members (group_id, member_id, display_name, is_admin, joined_at)
                SELECT CASE WHEN i <= 500 THEN 1 ELSE 2 + (i - 501) % 1999 END, i, 'member ' || i, i = 1, now()
                FROM generate_series(1, 100000) i;
            ANALYZE;
            """);

        var plan = await connection.QuerySingleAsync<string>(
            "EXPLAIN (FORMAT JSON) " + StudyGroupStore.MembersSql(database.Dialect), new { groupId = 1L });
        var members = await StudyGroupStore.MembersAsync(connection, database.Dialect, 1, CancellationToken.None);

        // A hash join over a sequential scan of members read all 100 000 rows to use 500 (30 ms of a 43 ms digest).
        var scans = Nodes(JsonNode.Parse(plan)![0]!["Plan"]!).Where(n => (string?)n["Relation Name"] == "members")
            .Select(n => $"{n["Node Type"]} {n["Index Name"]}".Trim()).ToList();
        Assert.Equal(["Index Scan members_pkey"], scans);
        Assert.Equal(500, members.Count);
        Assert.Equal("u1", members[0].Key.UserId); // the admin first
        Assert.True(members[0].IsAdmin);
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode node) =>
        new[] { node }.Concat((node["Plans"]?.AsArray() ?? []).SelectMany(child => Nodes(child!)));
}
