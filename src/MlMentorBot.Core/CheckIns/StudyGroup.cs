using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Messaging;

namespace MlMentorBot.Core.CheckIns;

/// <summary>
/// A study group bound to one channel of one workspace. <see cref="Questions"/> holds the labels of the three text questions
/// (done, next, blockers) shown in the prompt and the form. <see cref="CreatedAt"/> is UTC; weeks that closed before it never run.
/// </summary>
public sealed record StudyGroup(
    long Id,
    string Platform,
    string WorkspaceId,
    string ChannelId,
    string Name,
    GroupSchedule Schedule,
    IReadOnlyList<string> Questions,
    bool IsQuiet,
    bool HasReminder,
    bool IsPaused,
    DateTimeOffset CreatedAt)
{
    /// <summary>Labels of the default questions (issue #5); Discord caps modal labels at 45 characters.</summary>
    public static readonly IReadOnlyList<string> DefaultQuestions = ["What I did this week", "What I plan next week", "Blockers (optional)"];

    /// <summary>
    /// The <see cref="CommunityKeys"/> key the group was created in, as stored (null for groups from before communities, which
    /// belong to their workspace). Differs from the workspace's key only for a Slack workspace served by an org-wide install.
    /// </summary>
    public string? CommunityKey { get; init; }

    /// <summary>The community the group belongs to: its settings, its "left" state, and whose credentials its posts use.</summary>
    public string Community => CommunityKey ?? CommunityKeys.Of(Platform, WorkspaceId);

    /// <summary>
    /// The <see cref="Messaging.Community"/> to enter for the group's scheduled posts: for a group of an org-wide Slack install
    /// (its community is the org <c>E…</c>, not its workspace) the org's install and token serve it.
    /// </summary>
    public Community Scope => CommunityKeys.IdOf(Community) is var id && id != WorkspaceId && CommunityKeys.PlatformOf(Community) == Platform
        ? new Community(Platform, WorkspaceId, id) { IsOrgWide = true }
        : new Community(Platform, WorkspaceId);

    /// <summary>Whether <paramref name="member"/> is on this group's platform and workspace (not whether they joined it).</summary>
    public bool IsIn(MemberKey member) => member.Platform == Platform && member.WorkspaceId == WorkspaceId;
}

/// <summary>A member of a group: <paramref name="DisplayName"/> is the last name the platform sent (never an identity).</summary>
public sealed record GroupMember(long MemberId, MemberKey Key, string? DisplayName, bool IsAdmin, DateTimeOffset JoinedAt)
{
    /// <summary><see cref="DisplayName"/>, or the platform user id when the platform sent no name.</summary>
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Key.UserId : DisplayName;
}

/// <summary>
/// One member's answers for one week of one group. <paramref name="Steps"/> are roadmap step ids as given;
/// <paramref name="IsLate"/> is set when it arrived after the window closed. Times are UTC.
/// </summary>
public sealed record CheckIn(
    long GroupId,
    long MemberId,
    string WeekKey,
    string Done,
    string Next,
    string? Blockers,
    IReadOnlyList<string> Steps,
    bool IsLate,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>What the scheduler posts for a week: the prompt at opening, the reminder before close, the digest at close.</summary>
public enum ScheduledKind
{
    /// <summary>Posted when the week opens, with the "Check in" button.</summary>
    Prompt,

    /// <summary>Posted <see cref="CheckInOptions.ReminderLeadHours"/> before close to those who have not answered.</summary>
    Reminder,

    /// <summary>Posted at close: everyone's answers and streaks.</summary>
    Digest,
}

/// <summary>A scheduled action as recorded (before sending): <paramref name="MessageId"/> is set once the post succeeded.</summary>
public sealed record ScheduledAction(long GroupId, string WeekKey, ScheduledKind Kind, string State, string? MessageId);
