namespace MlMentorBot.Core.Messaging;

/// <summary>
/// One community the bot serves: a Slack workspace (<paramref name="WorkspaceId"/> = team id <c>T…</c>, with
/// <paramref name="EnterpriseId"/> <c>E…</c> inside an Enterprise Grid org) or a Discord guild.
/// </summary>
public sealed record Community(string Platform, string WorkspaceId, string? EnterpriseId = null)
{
    /// <summary>
    /// True when the work comes through an org-wide Slack install (<c>is_enterprise_install</c>), whose community is the
    /// whole org (<see cref="EnterpriseId"/>) rather than the one workspace. See <see cref="Communities.CommunityKeys"/>.
    /// </summary>
    public bool IsOrgWide { get; init; }
}

/// <summary>
/// Which community the work on this async flow is for, so an adapter serving several communities from one deployment
/// (Slack's OAuth installs, issue #12) picks that community's credentials for every call the work makes, including
/// answers delivered later on their own tasks (the value flows with the <see cref="ExecutionContext"/>, as
/// <see cref="System.Diagnostics.Activity.Current"/> does). Set where work enters: an adapter's inbound request, a
/// scheduled post for a group. Null outside any community (e.g. the operators' alert channel).
/// </summary>
public static class CommunityScope
{
    private static readonly AsyncLocal<Community?> Ambient = new();

    /// <summary>The community of the current flow, or null.</summary>
    public static Community? Current => Ambient.Value;

    /// <summary>Makes <paramref name="community"/> current until the returned scope is disposed.</summary>
    public static Scope Enter(Community community)
    {
        var previous = Ambient.Value;
        Ambient.Value = community;
        return new Scope(previous);
    }

    /// <summary>Restores the community that was current before <see cref="Enter"/>.</summary>
    public readonly struct Scope(Community? previous) : IDisposable
    {
        /// <summary>Makes the community that was current before <see cref="Enter"/> current again.</summary>
        public void Dispose() => Ambient.Value = previous;
    }
}
