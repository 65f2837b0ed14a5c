using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Tests.CheckIns;
using MlMentorBot.Tests.Hosting;

using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Hardening;

/// <summary>
/// Issue 13 item 6: whatever a member types or calls themselves is shown as text in public posts, through the real renderers
/// of both platforms: no masked links, no mention/role/channel pills, no spoilers, headings, subtext or mrkdwn emphasis.
/// </summary>
public sealed class UserTextInPublicPostsTests : IDisposable
{
    private const string Name = "<@U0BOB0001> [x](https://evil.example) *b* _i_ ~s~ ||sp||";
    private const string Answer = "[click](https://evil.example) <@&42> <#C1> @everyone ||spoiler|| *bold* _it_ ~s~ -# sub";
    private const string Label = "[q](https://evil.example) *b*";
    private const char Joiner = '\u2060';

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly CoreServices _core = new();
    private readonly MessageRenderer _discord = new(new CustomIdCodec());

    public void Dispose() => _core.Dispose();

    private static StudyGroup Group => new(1, "slack", "T1", "C1", "ml-101", new GroupSchedule(DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", 48),
        [Label, "Next", "Blockers"], IsQuiet: false, HasReminder: true, IsPaused: false, Now);

    private static GroupMember Member => new(7, new MemberKey("slack", "T1", "U7"), Name, IsAdmin: false, Now);

    private BotReply Digest(params string[] steps)
    {
        var checkIn = new CheckIn(1, 7, "2026-11-30", Answer, "plan", Answer, steps, IsLate: false, Now, Now);
        var data = new WeekData([Member], [checkIn], new HashSet<long>(), new Dictionary<long, Streak>());
        return CheckInMessages.Digest(Group, new CheckInWeek("2026-11-30", Now, Now.AddHours(48)), data, _core.Get<IKnowledgeProvider>().Current);
    }

    private static string Slack(BotReply reply) => string.Join("\n", BlockKitRenderer.Render(reply).Blocks.SelectMany(Texts));

    private static IEnumerable<string> Texts(Block block) => block switch
    {
        HeaderBlock h => [h.Text.Text],
        SectionBlock s => (s.Text is null ? [] : new[] { s.Text.Text }).Concat(s.Fields?.Select(f => f.Text) ?? []),
        _ => [],
    };

    private string Discord(BotReply reply)
    {
        var embed = _discord.Render(reply, allowEphemeral: false).Embeds![0];
        return string.Join("\n", new[] { embed.Title, embed.Description }.Concat(embed.Fields?.SelectMany(f => new[] { f.Name, f.Value }) ?? []));
    }

    [Fact]
    public void A_digest_shows_the_members_name_and_answers_as_text_on_discord()
    {
        var text = Discord(Digest());

        Assert.Contains(@"**\<@U0BOB0001\> \[x\](https://evil.example) \*b\* \_i\_ \~s\~ \|\|sp\|\|**", text);
        Assert.Contains(@"**\[q\]\(https://evil.example\) \*b\*:** \[click\]\(https://evil.example\) \<@&42\> \<\#C1\> @everyone \|\|spoiler\|\| \*bold\* \_it\_ \~s\~ \-\# sub", text);
    }

    [Fact]
    public void A_digest_shows_the_members_name_and_answers_as_text_on_slack()
    {
        var text = Slack(Digest());

        Assert.Contains($"*&lt;@U0BOB0001&gt; [x](https://evil.example) b _{Joiner}i_{Joiner} ~{Joiner}s~{Joiner} ||sp||*", text);
        Assert.Contains($"*[q](https://evil.example) *{Joiner}b*{Joiner}:* [click](https://evil.example) &lt;@&amp;42&gt; &lt;#C1&gt; @everyone " +
            $"||spoiler|| *{Joiner}bold*{Joiner} _{Joiner}it_{Joiner} ~{Joiner}s~{Joiner} -# sub", text);
        Assert.DoesNotContain("<https://evil.example", text);
    }

    [Fact]
    public void A_step_id_a_member_made_up_is_text_not_a_code_span_it_could_close()
    {
        var step = "<@U1>`x` [a](https://evil.example)";

        var discord = Discord(Digest(step + "=done"));
        var slack = Slack(Digest(step + "=done"));

        Assert.Contains(@"- \<@U1\>\`x\` \[a\]\(https://evil.example\): ", discord);
        Assert.Contains($"• &lt;@U1&gt;`{Joiner}x`{Joiner} [a](https://evil.example): ", slack);
    }

    [Fact]
    public void The_weekly_prompts_question_labels_are_text_on_both_platforms()
    {
        var prompt = CheckInMessages.Prompt(Group, new CheckInWeek("2026-11-30", Now, Now.AddHours(48)));

        Assert.Contains(@"- \[q\]\(https://evil.example\) \*b\*", Discord(prompt));
        Assert.Contains($"• [q](https://evil.example) *{Joiner}b*{Joiner}", Slack(prompt));
    }

    [Fact]
    public void A_reminder_names_members_as_text_on_both_platforms()
    {
        var reminder = CheckInMessages.Reminder(Group, new CheckInWeek("2026-11-30", Now, Now.AddHours(48)), [Member]);

        Assert.Contains(@"Not checked in yet: @\<@U0BOB0001\> \[x\]\(https://evil.example\) \*b\* \_i\_ \~s\~ \|\|sp\|\|.", Discord(reminder));
        Assert.Contains($"Not checked in yet: @&lt;@U0BOB0001&gt; [x](https://evil.example) *{Joiner}b*{Joiner} _{Joiner}i_{Joiner} ~{Joiner}s~{Joiner} ||sp||.", Slack(reminder));
    }

    [Fact]
    public async Task Group_info_and_settings_show_admin_names_and_question_labels_as_text()
    {
        using var storage = TestStorage.Sqlite();
        using var host = new CheckInHost(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now), storage);
        await host.SayAsync(Name, "/group create ml-101"); // the member's display name is Name

        var info = await host.SayAsync(Name, "/group info ml-101");
        var settings = await host.SayAsync(Name, $"/group settings ml-101 questions:\"{Label.Replace("*", "", StringComparison.Ordinal)} _i_|Next\"");

        Assert.Contains(@"\<@U0BOB0001\> \[x\]\(https://evil.example\) \*b\* \_i\_ \~s\~ \|\|sp\|\|", Discord(info));
        Assert.Contains($"&lt;@U0BOB0001&gt; [x](https://evil.example) *{Joiner}b*{Joiner} _{Joiner}i_{Joiner}", Slack(info));
        Assert.Contains(@"- \[q\]\(https://evil.example\) b \_i\_", Discord(settings));
        Assert.Contains($"• [q](https://evil.example) b _{Joiner}i_{Joiner}", Slack(settings));
    }
}
