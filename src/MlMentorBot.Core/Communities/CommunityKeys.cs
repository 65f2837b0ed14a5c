using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Messaging;

namespace MlMentorBot.Core.Communities;

/// <summary>
/// The key under which a community's data is kept (issue #12): <c>platform:id</c>, where the id is the Discord guild
/// snowflake, the Slack team id (<c>T…</c>) or, for an org-wide install on Enterprise Grid, the enterprise id (<c>E…</c>),
/// and empty for the local chat (<c>local:</c>). Answer gaps, usage counts, answer feedback, settings and moderators are
/// stored and read under it, so nothing one community records is shown in another.
/// </summary>
public static class CommunityKeys
{
    /// <summary>The key of the community <paramref name="member"/> is acting in.</summary>
    /// <remarks>
    /// When the current flow's <see cref="CommunityScope"/> is an org-wide Slack install for the member's workspace, the
    /// org is the community (Bolt's rule), so every workspace of the org shares one set of settings and moderators.
    /// </remarks>
    public static string Of(MemberKey member) =>
        CommunityScope.Current is { IsOrgWide: true, EnterpriseId: { Length: > 0 } enterprise } scope
        && scope.Platform == member.Platform && scope.WorkspaceId == member.WorkspaceId
            ? Of(member.Platform, enterprise)
            : Of(member.Platform, member.WorkspaceId);

    /// <summary>The key of the community <paramref name="community"/> names.</summary>
    public static string Of(Community community) =>
        Of(community.Platform, community is { IsOrgWide: true, EnterpriseId: { Length: > 0 } enterprise } ? enterprise : community.WorkspaceId);

    /// <summary><c>platform:id</c>, lowercase platform.</summary>
    public static string Of(string platform, string id) => $"{platform.ToLowerInvariant()}:{id}";

    /// <summary>The platform part of a key (<c>discord</c>, <c>slack</c>, <c>local</c>).</summary>
    public static string PlatformOf(string key) => key[..Math.Max(0, key.IndexOf(':', StringComparison.Ordinal))];

    /// <summary>The id part of a key (guild, team or enterprise id; empty for the local chat).</summary>
    public static string IdOf(string key) => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
