using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MlMentorBot.Core;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord.Gateway;
using MlMentorBot.Tests.CheckIns;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Communities;

/// <summary>
/// Many communities from one deployment (issue #12): the one permission rule, <c>/community</c>, and nothing crossing from
/// one Slack workspace or Discord guild to another. Every case runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class CommunityTests : IDisposable
{
    // Monday 16 November 2026, 08:00 UTC: an hour before the default gap digest time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));
    private readonly TestStorage _storage;
    private readonly ServiceProvider _services;
    private readonly TempDir _root = new();

    private static readonly MemberKey AdminInA = new("slack", "TA", "UADMIN");
    private static readonly MemberKey CarolInA = new("slack", "TA", "UCAROL");
    private static readonly MemberKey CarolInB = new("slack", "TB", "UCAROL");
    private static readonly MemberKey DanInB = new("slack", "TB", "UDAN");

    protected CommunityTests(TestStorage storage)
    {
        _storage = storage;
        Slack = new RecordingMessenger(_time, "slack");
        Discord = new RecordingMessenger(_time, "discord");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storage.With(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["Moderation:IsWatchEnabled"] = "false",
        })).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(new ContentRoot(_root.Path))
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton<IChannelMessenger>(Slack)
            .AddSingleton<IChannelMessenger>(Discord);
        services.AddKnowledge(configuration).AddProgressStore(configuration).AddCommands().AddCheckIns(configuration).AddModeration(configuration);
        _services = services.BuildServiceProvider();
    }

    private RecordingMessenger Slack { get; }

    private RecordingMessenger Discord { get; }

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose()
    {
        _services.Dispose();
        _root.Dispose();
        _storage.Dispose();
    }

    /// <summary>
    /// Types <paramref name="line"/> as <paramref name="member"/>. <paramref name="isAdmin"/> is what the Slack adapter sets for
    /// <c>Slack:AdminUserIds</c>; <paramref name="managesGuild"/> what the Discord adapter sets for Manage Server.
    /// </summary>
    private async Task<string> TypeAsync(string line, MemberKey member, bool isAdmin = false, bool managesGuild = false, string channel = "C1") =>
        PlainTextRenderer.Render(await Get<ICommandDispatcher>().DispatchTextAsync(line, member,
            r => r with { IsModerator = isAdmin, ManagesCommunity = managesGuild, ChannelId = channel, DisplayName = member.UserId }, CancellationToken.None));

    [SkippableFact]
    public async Task A_moderator_of_workspace_A_is_refused_in_workspace_B()
    {
        await TypeAsync("/community moderators add <@UCAROL>", AdminInA, isAdmin: true);

        var inA = await TypeAsync("/kb gaps", CarolInA);
        var inB = await TypeAsync("/kb gaps", CarolInB);
        var settingsInB = await TypeAsync("/community settings", CarolInB);
        var reloadInA = await TypeAsync("/kb reload", CarolInA);

        Assert.Contains("Questions without a good answer", inA);
        Assert.Contains("Moderators only", inB);
        Assert.Contains("Moderators only", settingsInB);
        Assert.Contains("Moderators only", reloadInA); // a community moderator is not an operator of the knowledge folder
        Assert.Contains("operators", reloadInA);
    }

    [SkippableFact]
    public async Task Workspace_As_gaps_and_stats_are_invisible_in_B()
    {
        await TypeAsync("/ask how do I get a visa for Canada", CarolInA);
        await TypeAsync("/skills frameworks", CarolInA);
        await TypeAsync("/ask is a cover letter needed", DanInB);
        await TypeAsync("/community moderators add <@UDAN>", new MemberKey("slack", "TB", "UADMINB"), isAdmin: true);
        await TypeAsync("/community moderators add <@UCAROL>", AdminInA, isAdmin: true);

        var gapsInB = await TypeAsync("/kb gaps", DanInB);
        var statsInB = await TypeAsync("/kb stats", DanInB);
        var gapsInA = await TypeAsync("/kb gaps", CarolInA);
        var statsInA = await TypeAsync("/kb stats", CarolInA);

        Assert.Contains("is a cover letter needed", gapsInB);
        Assert.DoesNotContain("visa", gapsInB);
        Assert.DoesNotContain("/skills", statsInB);
        Assert.DoesNotContain("skills.frameworks", statsInB);
        Assert.Contains("visa for Canada", gapsInA);
        Assert.DoesNotContain("cover letter", gapsInA);
        Assert.Contains("skills.frameworks 1", statsInA);
    }

    [SkippableFact]
    public async Task Discord_guild_settings_are_kept_apart_and_the_default_time_zone_applies_to_new_groups()
    {
        var ownerG1 = new MemberKey("discord", "111", "501");
        var ownerG2 = new MemberKey("discord", "222", "502");

        var saved = await TypeAsync("/community settings set default-time-zone Europe/Berlin", ownerG1, managesGuild: true);
        var wrong = await TypeAsync("/community settings set default-time-zone Mars/Olympus", ownerG1, managesGuild: true);
        var settingsG2 = await TypeAsync("/community settings", ownerG2, managesGuild: true);
        await TypeAsync("/group create ml-101", ownerG1, channel: "9001");
        await TypeAsync("/group create ml-101", ownerG2, channel: "9002");
        var memberTries = await TypeAsync("/community settings set default-time-zone UTC", new MemberKey("discord", "111", "503"));

        Assert.Contains("Europe/Berlin", saved);
        Assert.Contains("not an IANA time zone", wrong);
        Assert.DoesNotContain("Europe/Berlin", settingsG2);
        Assert.Contains("Moderators only", memberTries);
        var groups = Get<StudyGroupStore>();
        Assert.Equal("Europe/Berlin", (await groups.FindByNameAsync(ownerG1, "ml-101", CancellationToken.None))!.Schedule.TimeZoneId);
        Assert.Equal("UTC", (await groups.FindByNameAsync(ownerG2, "ml-101", CancellationToken.None))!.Schedule.TimeZoneId);
    }

    [SkippableFact]
    public async Task A_Discord_moderator_role_makes_moderators_in_its_own_guild_only()
    {
        var ownerG1 = new MemberKey("discord", "111", "501");
        await TypeAsync("/community settings set moderator-role <@&7777>", ownerG1, managesGuild: true);

        var withRoleInG1 = PlainTextRenderer.Render(await Get<ICommandDispatcher>().DispatchTextAsync("/kb gaps", new MemberKey("discord", "111", "600"),
            r => r with { RoleIds = ["7777"] }, CancellationToken.None));
        var withRoleInG2 = PlainTextRenderer.Render(await Get<ICommandDispatcher>().DispatchTextAsync("/kb gaps", new MemberKey("discord", "222", "600"),
            r => r with { RoleIds = ["7777"] }, CancellationToken.None));

        Assert.Contains("Questions without a good answer", withRoleInG1);
        Assert.Contains("Moderators only", withRoleInG2);
    }

    [SkippableFact]
    public async Task Moderators_add_and_remove_round_trip_with_who_and_when_in_the_audit()
    {
        await TypeAsync("/community moderators add <@UCAROL|carol>", AdminInA, isAdmin: true);
        var listed = await TypeAsync("/community moderators list", AdminInA, isAdmin: true);
        var carolCan = await TypeAsync("/community settings", CarolInA);
        await TypeAsync("/community moderators remove <@UCAROL>", AdminInA, isAdmin: true);
        var carolCannot = await TypeAsync("/community settings", CarolInA);
        var afterwards = await TypeAsync("/community moderators", AdminInA, isAdmin: true);

        Assert.Contains("UCAROL", listed);
        Assert.Contains("Community settings", carolCan);
        Assert.Contains("Moderators only", carolCannot);
        Assert.Contains("Nobody is listed", afterwards);
        var history = await Get<CommunityStore>().HistoryAsync("slack:TA", 10, CancellationToken.None);
        Assert.Equal(["moderator-removed", "moderator-added"], history.Select(h => h.Action));
        Assert.All(history, h => Assert.Equal("slack:TA:UADMIN", h.Actor));
        Assert.All(history, h => Assert.Equal(_time.GetUtcNow(), h.At));
        Assert.Empty(await Get<CommunityStore>().HistoryAsync("slack:TB", 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task The_weekly_gap_digest_goes_to_each_communitys_own_channel_with_only_its_questions()
    {
        var ownerG1 = new MemberKey("discord", "111", "501");
        var ownerG2 = new MemberKey("discord", "222", "502");
        await TypeAsync("/community settings set gap-digest-channel here", ownerG1, managesGuild: true, channel: "8001");
        await TypeAsync("/community settings set gap-digest-channel <#8002>", ownerG2, managesGuild: true);
        await TypeAsync("/ask how do I get a visa for Canada", new MemberKey("discord", "111", "601"));
        await TypeAsync("/ask is a cover letter needed", new MemberKey("discord", "222", "602"));
        await TypeAsync("/ask what about the slack workspace", CarolInA); // no channel and not an operator home: no digest
        var scheduler = ActivatorUtilities.CreateInstance<ModerationScheduler>(_services);

        _time.Advance(TimeSpan.FromMinutes(90));
        var posted = await scheduler.RunDueWorkAsync(CancellationToken.None);
        var again = await scheduler.RunDueWorkAsync(CancellationToken.None);

        Assert.True(posted);
        Assert.False(again);
        var toG1 = Assert.Single(Discord.Posts, p => p.ChannelId == "8001");
        var toG2 = Assert.Single(Discord.Posts, p => p.ChannelId == "8002");
        Assert.Equal(2, Discord.Posts.Count);
        Assert.Contains("visa", PlainTextRenderer.Render(toG1.Reply));
        Assert.DoesNotContain("cover letter", PlainTextRenderer.Render(toG1.Reply));
        Assert.Contains("cover letter", PlainTextRenderer.Render(toG2.Reply));
        Assert.DoesNotContain("visa", PlainTextRenderer.Render(toG2.Reply));
        Assert.Empty(Slack.Posts);
    }

    /// <summary>Gives <paramref name="member"/> a group (with one check-in), a gap, a usage count, a vote and roadmap progress.</summary>
    private async Task<StudyGroup> FillAsync(MemberKey member, string channel)
    {
        await TypeAsync("/group create ml-101", member, channel: channel);
        var group = (await Get<StudyGroupStore>().FindByNameAsync(member, "ml-101", CancellationToken.None))!;
        var creator = (await Get<StudyGroupStore>().GetMemberAsync(group.Id, member, CancellationToken.None))!;
        await Get<CheckInStore>().SaveAsync(group.Id, creator.MemberId, "2026-W47", "read a paper", "code it up", null, [], false, CancellationToken.None);
        await TypeAsync("/ask how do I get a visa for Canada", member, channel: channel);
        await TypeAsync("/skills frameworks", member, channel: channel);
        await TypeAsync("/feedback helpful skills.frameworks which frameworks matter", member, channel: channel);
        await TypeAsync("/progress mark roadmap.role.daily-work done", member, channel: channel);
        return group;
    }

    private async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await Get<MlMentorBot.Core.Storage.IDatabase>().OpenAsync(CancellationToken.None);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, sql, parameters);
    }

    [SkippableFact]
    public async Task Delete_data_asks_first_then_removes_only_this_workspaces_data_and_leaves_members_progress_theirs()
    {
        await TypeAsync("/community moderators add <@UCAROL>", AdminInA, isAdmin: true);
        await TypeAsync("/community settings set default-time-zone Europe/Berlin", CarolInA);
        var groupInA = await FillAsync(CarolInA, "CA1");
        var groupInB = await FillAsync(DanInB, "CB1");
        await TypeAsync("/community settings set default-time-zone Asia/Tokyo", new MemberKey("slack", "TB", "UADMINB"), isAdmin: true);
        await TypeAsync("/community moderators add <@UDAN>", new MemberKey("slack", "TB", "UADMINB"), isAdmin: true);

        var asked = await TypeAsync("/community delete-data", CarolInA);
        var notAModerator = await TypeAsync("/community delete-data confirm:yes", new MemberKey("slack", "TA", "UEVE"));
        Assert.Contains("Delete this workspace's data?", asked);
        Assert.Contains("/community delete-data confirm:yes", asked);
        Assert.Contains("/progress delete", asked);
        Assert.Contains("Moderators only", notAModerator);
        Assert.NotNull(await Get<StudyGroupStore>().GetAsync(groupInA.Id, CancellationToken.None)); // nothing deleted before the confirmation

        var done = await TypeAsync("/community delete-data confirm:yes", CarolInA);

        await Get<UsageStats>().FlushAsync(CancellationToken.None); // B's counts, and any of A's the delete missed
        Assert.Contains("data is deleted", done);
        Assert.Contains("1 study group (1 check-in), 1 unanswered question", done);
        Assert.Contains("/progress delete", done);
        Assert.Null(await Get<StudyGroupStore>().GetAsync(groupInA.Id, CancellationToken.None));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM checkins WHERE group_id = @Id", groupInA));
        foreach (var table in new[] { "answer_gaps", "community_usage_counts", "answer_votes", "community_settings", "community_moderators" })
        {
            Assert.Equal(0, await CountAsync($"SELECT count(*) FROM {table} WHERE community = @c", new { c = "slack:TA" }));
            Assert.True(await CountAsync($"SELECT count(*) FROM {table} WHERE community = @c", new { c = "slack:TB" }) > 0, table);
        }

        Assert.NotNull(await Get<StudyGroupStore>().GetAsync(groupInB.Id, CancellationToken.None));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM checkins WHERE group_id = @Id", groupInB));
        Assert.Contains("roadmap.role.daily-work", (await Get<IProgressStore>().ExportAsync(CarolInA, CancellationToken.None)).Steps.Select(s => s.StepId));
        var change = Assert.Single(await Get<CommunityStore>().HistoryAsync("slack:TA", 10, CancellationToken.None));
        Assert.Equal(("slack:TA:UCAROL", "data-deleted", _time.GetUtcNow()), (change.Actor, change.Action, change.At));
        Assert.Contains("Moderators only", await TypeAsync("/community settings", CarolInA)); // her listing went with the data
    }

    [SkippableFact]
    public async Task Delete_data_on_Discord_removes_that_guilds_data_only()
    {
        var ownerG1 = new MemberKey("discord", "111", "501");
        var ownerG2 = new MemberKey("discord", "222", "502");
        await TypeAsync("/community settings set default-time-zone Europe/Berlin", ownerG1, managesGuild: true);
        await TypeAsync("/community settings set default-time-zone Europe/Berlin", ownerG2, managesGuild: true);
        var inG1 = await FillAsync(ownerG1, "9001");
        var inG2 = await FillAsync(ownerG2, "9002");

        var asked = await TypeAsync("/community delete-data", ownerG1, managesGuild: true);
        var done = await TypeAsync("/community delete-data confirm:yes", ownerG1, managesGuild: true);

        Assert.Contains("Delete this server's data?", asked);
        Assert.Contains("This server's data is deleted", done);
        Assert.Null(await Get<StudyGroupStore>().GetAsync(inG1.Id, CancellationToken.None));
        Assert.NotNull(await Get<StudyGroupStore>().GetAsync(inG2.Id, CancellationToken.None));
        Assert.Empty(await Get<CommunityStore>().SettingsAsync("discord:111", CancellationToken.None));
        Assert.NotEmpty(await Get<CommunityStore>().SettingsAsync("discord:222", CancellationToken.None));
        Assert.Contains("visa", await TypeAsync("/kb gaps", ownerG2, managesGuild: true));
        Assert.DoesNotContain("visa", await TypeAsync("/kb gaps", ownerG1, managesGuild: true));
        Assert.Equal("data-deleted", Assert.Single(await Get<CommunityStore>().HistoryAsync("discord:111", 10, CancellationToken.None)).Action);
    }

    [SkippableFact]
    public async Task GUILD_DELETE_stops_that_guilds_scheduled_posts_and_an_outage_does_not()
    {
        await TypeAsync("/group create ml-101", new MemberKey("discord", "111", "501"), channel: "9001");
        await TypeAsync("/group create ml-202", new MemberKey("discord", "222", "502"), channel: "9002");
        await TypeAsync("/group create ml-303", new MemberKey("discord", "333", "503"), channel: "9003");
        var presence = new GuildPresence(Get<CommunityStore>(), NullLogger<GuildPresence>.Instance);

        await presence.OnGuildDeleteAsync(JsonDocument.Parse("""{"id":"111"}""").RootElement, CancellationToken.None);
        await presence.OnGuildDeleteAsync(JsonDocument.Parse("""{"id":"333","unavailable":true}""").RootElement, CancellationToken.None);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero)); // next Monday's prompts are open
        await Get<CheckInScheduler>().RunDueAsync(CancellationToken.None);

        Assert.DoesNotContain(Discord.Posts, p => p.ChannelId == "9001");
        Assert.Contains(Discord.Posts, p => p.ChannelId == "9002");
        Assert.Contains(Discord.Posts, p => p.ChannelId == "9003");

        await presence.OnGuildCreateAsync(JsonDocument.Parse("""{"id":"111"}""").RootElement, CancellationToken.None);
        Assert.Contains(await Get<StudyGroupStore>().ListActiveAsync(CancellationToken.None), g => g.WorkspaceId == "111");
    }

    [SkippableFact]
    public async Task A_refused_post_marks_the_guild_left_so_its_posts_stop()
    {
        await TypeAsync("/group create ml-101", new MemberKey("discord", "111", "501"), channel: "9001");
        Discord.FailWith = new CommunityUnreachableException(true, "Missing Access");
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

        await Get<CheckInScheduler>().RunDueAsync(CancellationToken.None);

        Assert.Contains("discord:111", await Get<CommunityStore>().LeftAsync(CancellationToken.None));
        Assert.DoesNotContain(await Get<StudyGroupStore>().ListActiveAsync(CancellationToken.None), g => g.WorkspaceId == "111");
    }
}

public sealed class CommunityOnSqliteTests() : CommunityTests(TestStorage.Sqlite());

public sealed class CommunityOnPostgresTests(PostgresCluster cluster) : CommunityTests(TestStorage.Postgres(cluster)), IClassFixture<PostgresCluster>;
