using Microsoft.Extensions.DependencyInjection;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.CheckIns;

/// <summary>
/// <c>/group</c>, <c>/checkin</c> and <c>/away</c> through the real dispatcher. The group "study" opens Mondays 09:00 in
/// Berlin for 48 h: the week of 23 Nov 2026 is open from 08:00Z Monday to 08:00Z Wednesday.
/// </summary>
public abstract class CheckInCommandTests : IDisposable
{
    private static readonly DateTimeOffset Sunday = Utc("2026-11-22T12:00Z");
    private static readonly DateTimeOffset Opens = Utc("2026-11-23T08:00Z");
    private static readonly DateTimeOffset Closes = Utc("2026-11-25T08:00Z");

    private readonly TestStorage _storage;
    private readonly CheckInHost _host;

    protected CheckInCommandTests(TestStorage storage)
    {
        _storage = storage;
        _host = new CheckInHost(new FakeTimeProvider(Sunday), storage);
    }

    public void Dispose()
    {
        _host.Dispose();
        _storage.Dispose();
    }

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(BotReply reply) => PlainTextRenderer.Render(reply);

    private async Task CreateGroupWithAdaAndBobAsync()
    {
        await _host.SayAsync("ada", "/group create study day:monday time:09:00 timezone:Europe/Berlin");
        await _host.SayAsync("bob", "/group join study");
    }

    private CheckInStore Store => _host.Services.GetRequiredService<CheckInStore>();

    [SkippableFact]
    public async Task A_check_in_with_answers_is_stored_and_moves_the_named_roadmap_steps()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens.AddHours(1));

        var reply = await _host.SayAsync("bob", "/checkin done:\"statistics refresher\" next:\"pandas\" blockers:\"none\" steps:\"roadmap.foundations.math=done, python\"");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.True(reply.IsPrivate);
        var stored = await Store.GetAsync(1, 2, "2026-11-23", CancellationToken.None);
        Assert.Equal("statistics refresher", stored!.Done);
        Assert.Null(stored.Blockers);
        Assert.Equal(["roadmap.foundations.math=done", "roadmap.foundations.python"], stored.Steps);
        var progress = await _host.Services.GetRequiredService<IProgressStore>().GetAsync(CheckInHost.Member("bob"), CancellationToken.None);
        Assert.Equal(StepStatus.Done, progress["roadmap.foundations.math"].Status);
        Assert.Equal(StepStatus.Learning, progress["roadmap.foundations.python"].Status);
    }

    [SkippableFact]
    public async Task An_unknown_roadmap_step_saves_nothing_and_suggests_the_right_id()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);

        var reply = await _host.SayAsync("bob", "/checkin done:a next:b steps:roadmap.foundations.mathz");

        Assert.Equal("Unknown roadmap step", reply.Title);
        Assert.Contains("roadmap.foundations.math", Text(reply));
        Assert.Null(await Store.GetAsync(1, 2, "2026-11-23", CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_bare_checkin_opens_the_form_prefilled_with_last_weeks_plan()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("bob", "/checkin done:\"linear algebra\" next:\"build a small regression model\"");
        await _host.AdvanceToAsync(Opens.AddDays(7));

        var reply = await _host.SayAsync("bob", "/checkin");

        var form = Assert.IsType<ModalForm>(reply.Modal);
        Assert.Equal("/checkin group:study", form.CommandLine);
        Assert.InRange(form.Fields.Count, 1, 5);
        Assert.All(form.Fields, f => Assert.InRange(f.Label.Length, 1, 45));
        Assert.Equal("build a small regression model", form.Fields.Single(f => f.Name == "done").Value);
    }

    [SkippableFact]
    public async Task A_submitted_form_runs_the_same_path_as_typed_answers()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);
        var form = (await _host.SayAsync("bob", "/checkin")).Modal!;

        // What both adapters do on submit: the form's command line plus each field as a named option.
        var reply = await _host.SayAsync("bob", form.CommandLine + " done:\"read chapter 2\" next:\"chapter 3\" steps:roadmap.foundations.math");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.Equal("read chapter 2", (await Store.GetAsync(1, 2, "2026-11-23", CancellationToken.None))!.Done);
    }

    [SkippableFact]
    public async Task A_check_in_can_be_edited_until_the_window_closes_and_not_after()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("bob", "/checkin done:first next:plan");

        await _host.AdvanceToAsync(Closes.AddMinutes(-1));
        var edit = await _host.SayAsync("bob", "/checkin done:second");
        await _host.AdvanceToAsync(Closes);
        var late = await _host.SayAsync("bob", "/checkin done:third");

        Assert.Equal("Check-in updated — study", edit.Title);
        Assert.Equal("This week's check-in is closed", late.Title);
        var stored = await Store.GetAsync(1, 2, "2026-11-23", CancellationToken.None);
        Assert.Equal("second", stored!.Done);
        Assert.Equal("plan", stored.Next);
    }

    [SkippableFact]
    public async Task A_late_check_in_is_added_to_the_posted_digest_and_its_thread()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("ada", "/checkin done:\"on time\" next:more");
        await _host.AdvanceToAsync(Closes);
        var digest = Assert.Single(_host.Messenger.Titled("Check-in digest"));
        Assert.Contains("@bob", Text(digest.Reply));

        var reply = await _host.SayAsync("bob", "/checkin done:\"late but done\" next:\"catch up\"");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.True((await Store.GetAsync(1, 2, "2026-11-23", CancellationToken.None))!.IsLate);
        var (messageId, updated) = Assert.Single(_host.Messenger.Updates);
        Assert.Equal(digest.Id, messageId);
        Assert.Contains("late but done", Text(updated));
        Assert.DoesNotContain("@bob", Text(updated));
        var thread = Assert.Single(_host.Messenger.Titled("Late check-in"));
        Assert.Equal(digest.Id, thread.ThreadId);
    }

    [SkippableFact]
    public async Task The_digest_lists_answers_blockers_steps_streaks_away_and_missing_members()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.SayAsync("cy", "/group join study");
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("ada", "/checkin done:\"gradient descent notes\" next:\"more\" blockers:\"GPU quota\" steps:roadmap.foundations.math");
        await _host.SayAsync("cy", "/away weeks:1");

        await _host.AdvanceToAsync(Closes);

        var digest = Text(Assert.Single(_host.Messenger.Titled("Check-in digest")).Reply);
        Assert.Contains("gradient descent notes", digest);
        Assert.Contains("ada: GPU quota", digest);
        Assert.Contains("roadmap.foundations.math", digest);
        Assert.Contains("Away: cy", digest);
        Assert.Contains("Not checked in: @bob", digest);
        Assert.Contains("ada 🔥 1", digest);
    }

    [SkippableFact]
    public async Task Away_weeks_keep_a_streak_that_a_missed_week_breaks()
    {
        await CreateGroupWithAdaAndBobAsync();
        for (var week = 0; week < 3; week++)
        {
            await _host.AdvanceToAsync(Opens.AddDays(7 * week));
            if (week == 1)
            {
                await _host.SayAsync("ada", "/away weeks:1"); // ada is away; bob just misses the week
            }
            else
            {
                await _host.SayAsync("ada", "/checkin done:a next:b");
                await _host.SayAsync("bob", "/checkin done:a next:b");
            }

            await _host.AdvanceToAsync(Closes.AddDays(7 * week));
        }

        var store = Store;
        var groups = _host.Services.GetRequiredService<StudyGroupStore>();
        var group = (await groups.GetAsync(1, CancellationToken.None))!;
        var week3 = CheckInCalendar.Current(group.Schedule, _host.Time.GetUtcNow());
        var ada = await store.StreakAsync(group, week3, (await groups.GetMemberAsync(1, CheckInHost.Member("ada"), CancellationToken.None))!, CancellationToken.None);
        var bob = await store.StreakAsync(group, week3, (await groups.GetMemberAsync(1, CheckInHost.Member("bob"), CancellationToken.None))!, CancellationToken.None);
        Assert.Equal(new Streak(3, 3), ada);
        Assert.Equal(new Streak(1, 1), bob);
        var secondDigest = Text(_host.Messenger.Titled("Check-in digest")[1].Reply);
        Assert.Contains("Away: ada", secondDigest);
        Assert.DoesNotContain("@ada", secondDigest);
    }

    [SkippableFact]
    public async Task Group_info_lists_the_groups_members()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.SayAsync("cy", "/group join study");

        var info = await _host.SayAsync("cy", "/group info");

        var members = Assert.Single(info.Fields, f => f.Name.StartsWith("Members", StringComparison.Ordinal));
        Assert.Equal("Members (3)", members.Name);
        Assert.Equal("ada, bob and cy", members.Value);
    }

    [SkippableFact]
    public async Task The_open_week_does_not_break_a_streak_before_the_member_checks_in()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("bob", "/checkin done:a next:b");
        await _host.AdvanceToAsync(Opens.AddDays(7));

        var info = Text(await _host.SayAsync("bob", "/group info"));

        Assert.Contains("Your streak: 1 (best 1)", info);
    }

    [SkippableFact]
    public async Task Away_members_are_left_out_of_the_reminder()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.SayAsync("cy", "/group join study");
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("cy", "/away weeks:1");

        await _host.AdvanceToAsync(Utc("2026-11-25T02:00Z"));

        var reminder = Text(Assert.Single(_host.Messenger.Titled("Reminder")).Reply);
        Assert.Contains("@ada, @bob", reminder);
        Assert.DoesNotContain("cy", reminder);
    }

    [SkippableFact]
    public async Task Away_weeks_zero_cancels_the_away_weeks_still_to_come()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("bob", "/away weeks:3");

        var reply = Text(await _host.SayAsync("bob", "/away weeks:0"));
        await _host.AdvanceToAsync(Closes);

        Assert.Contains("cancelled 3 away weeks", reply);
        Assert.Contains("Not checked in: @ada, @bob", Text(Assert.Single(_host.Messenger.Titled("Check-in digest")).Reply));
    }

    [SkippableFact]
    public async Task A_check_in_typed_in_another_groups_channel_goes_to_the_members_own_group()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.SayAsync("ada", "/group create other", channel: "c2");
        await _host.AdvanceToAsync(Opens);

        var reply = await _host.SayAsync("bob", "/checkin done:a next:b", channel: "c2");

        Assert.Equal("Checked in — study", reply.Title);
    }

    [SkippableFact]
    public async Task Away_until_a_date_covers_every_week_opening_by_then()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens.AddHours(1));

        var reply = Text(await _host.SayAsync("bob", "/away until:2026-12-08"));

        Assert.Contains("away for 3 weeks — 23 Nov, 30 Nov, 7 Dec", reply);
    }

    [SkippableTheory]
    [InlineData("/group settings day:friday")]
    [InlineData("/group pause")]
    [InlineData("/group delete confirm:yes")]
    [InlineData("/group admin add @bob")]
    public async Task Members_who_are_not_admins_cannot_manage_the_group(string line)
    {
        await CreateGroupWithAdaAndBobAsync();

        var reply = await _host.SayAsync("bob", line);

        Assert.Equal("Group admins only", reply.Title);
        Assert.Contains("ada", Text(reply));
        var group = await _host.Services.GetRequiredService<StudyGroupStore>().GetAsync(1, CancellationToken.None);
        Assert.Equal(DayOfWeek.Monday, group!.Schedule.Day);
        Assert.False(group.IsPaused);
    }

    [SkippableFact]
    public async Task Workspace_moderators_can_manage_any_group()
    {
        await CreateGroupWithAdaAndBobAsync();

        var reply = await _host.SayAsync("mod", "/group settings name:study day:friday time:17:00", channel: "elsewhere", isModerator: true);

        Assert.Equal("study: settings saved", reply.Title);
        var group = await _host.Services.GetRequiredService<StudyGroupStore>().GetAsync(1, CancellationToken.None);
        Assert.Equal(DayOfWeek.Friday, group!.Schedule.Day);
    }

    [SkippableFact]
    public async Task An_admin_can_promote_a_member_who_can_then_change_settings()
    {
        await CreateGroupWithAdaAndBobAsync();

        await _host.SayAsync("ada", "/group admin add <@bob>");
        var reply = await _host.SayAsync("bob", "/group settings reminder:off");

        Assert.Equal("study: settings saved", reply.Title);
    }

    [SkippableFact]
    public async Task Settings_reject_an_unknown_time_zone()
    {
        await CreateGroupWithAdaAndBobAsync();

        var reply = await _host.SayAsync("ada", "/group settings timezone:Europe/Atlantis");

        Assert.Equal("Which time zone?", reply.Title);
    }

    [SkippableFact]
    public async Task Someone_outside_the_group_cannot_check_in()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);

        var reply = await _host.SayAsync("eve", "/checkin done:a next:b");

        Assert.Equal("Join the group first", reply.Title);
    }

    [SkippableFact]
    public async Task History_shows_only_the_askers_own_check_ins_privately()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("ada", "/checkin done:\"ada's secret\" next:x");
        await _host.SayAsync("bob", "/checkin done:\"bob's work\" next:y");

        var reply = await _host.SayAsync("bob", "/checkin history");

        Assert.True(reply.IsPrivate);
        Assert.Contains("bob's work", Text(reply));
        Assert.DoesNotContain("ada's secret", Text(reply));
    }

    [SkippableFact]
    public async Task History_shows_a_members_markup_as_typed_never_as_a_link()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("bob", "/checkin done:\"[click](https://evil.example) **bold**\" next:a_b_c");

        var reply = await _host.SayAsync("bob", "/checkin history");

        Assert.Contains(@"**Done:** \[click\]\(https://evil.example\) \*\*bold\*\*", reply.Sections[0].Markdown);
        Assert.Contains("Done: [click](https://evil.example) **bold**", Text(reply));
        Assert.Contains("Next: a_b_c", Text(reply));
    }

    [SkippableFact]
    public async Task Progress_export_includes_check_ins_and_progress_delete_removes_them()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.AdvanceToAsync(Opens);
        await _host.SayAsync("bob", "/checkin done:\"exported text\" next:y");

        var export = Text(await _host.SayAsync("bob", "/progress export"));
        await _host.SayAsync("bob", "/progress delete confirm:yes");

        Assert.Contains("\"checkins\"", export);
        Assert.Contains("exported text", export);
        Assert.Null(await Store.GetAsync(1, 2, "2026-11-23", CancellationToken.None));
        Assert.Null(await _host.Services.GetRequiredService<StudyGroupStore>().GetMemberAsync(1, CheckInHost.Member("bob"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_channel_holds_one_group_and_names_are_unique()
    {
        await CreateGroupWithAdaAndBobAsync();

        var sameChannel = await _host.SayAsync("bob", "/group create other");
        var sameName = await _host.SayAsync("bob", "/group create study", channel: "c2");

        Assert.Equal("This channel has a group", sameChannel.Title);
        Assert.Equal("Name taken", sameName.Title);
    }

    [SkippableFact]
    public async Task Group_names_autocomplete_within_the_workspace()
    {
        await CreateGroupWithAdaAndBobAsync();
        await _host.SayAsync("ada", "/group create deep-learning", channel: "c2");

        var autocomplete = _host.Services.GetRequiredService<IAutocompleteProvider>();

        Assert.Equal(["deep-learning"], autocomplete.Suggest(AutocompleteSource.StudyGroup, "deep", CheckInHost.Member("x")).Select(c => c.Value));
        Assert.Empty(autocomplete.Suggest(AutocompleteSource.StudyGroup, "deep", new MemberKey("discord", "other-guild", "x")));
        Assert.NotEmpty(autocomplete.Suggest(AutocompleteSource.RoadmapStep, "math", CheckInHost.Member("x")));
    }

    [SkippableFact]
    public void The_catalog_declares_group_checkin_and_away_within_Discord_limits()
    {
        foreach (var name in new[] { "group", "checkin", "away" })
        {
            var command = CommandCatalog.Find(name);
            Assert.NotNull(command);
            Assert.InRange(command.Description.Length, 1, 100);
            Assert.All(command.Subcommands.SelectMany(s => s.Options).Concat(command.Options), o => Assert.InRange(o.Description.Length, 1, 100));
        }
    }
}

public sealed class CheckInCommandOnSqliteTests() : CheckInCommandTests(TestStorage.Sqlite());

[Collection(PostgresCluster.Collection)]
public sealed class CheckInCommandOnPostgresTests(PostgresCluster cluster) : CheckInCommandTests(TestStorage.Postgres(cluster));
