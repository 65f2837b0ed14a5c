using MlMentorBot.Core.Commands;

namespace MlMentorBot.Core.Communities;

/// <summary>
/// A community whose Discord Manage Guild / Administrator members are also the deployment's operators: the operator's home
/// guild (<c>Discord:OperatorGuildId</c>). An adapter registers one per platform; with <paramref name="CommunityId"/> null
/// no community of that platform is a home (its operators are listed explicitly, e.g. <c>Slack:AdminUserIds</c>).
/// A platform without a registration has every community as a home, as in a single-community deployment.
/// </summary>
public sealed record OperatorHome(string Platform, string? CommunityId);

/// <summary>
/// The one permission rule of the bot (issue #12); every moderator and operator check goes through it.
/// <list type="bullet">
/// <item><b>Operator</b> (runs the deployment and its one knowledge folder): a deployment admin (<c>Slack:AdminUserIds</c>,
/// the local chat's <c>--moderator</c>, i.e. <see cref="CommandRequest.IsModerator"/> as the adapter set it), or a Discord
/// member with Manage Guild / Administrator in an operator home (<see cref="OperatorHome"/>).</item>
/// <item><b>Community moderator</b> of the community the command came from (<see cref="CommunityKeys.Of(MemberKey)"/>): an
/// operator, a Discord member with Manage Guild / Administrator in that guild or with its moderator role, or a member stored
/// with <c>/community moderators add</c> (on Slack the installing member is stored at install). Rights in one community
/// give none in another: everything is looked up under the asking community's key.</item>
/// </list>
/// In a single-community deployment the two coincide, as before.
/// </summary>
public sealed class CommunityPermissions(CommunityStore? store, IEnumerable<OperatorHome> homes)
{
    private readonly IReadOnlyList<OperatorHome> _homes = homes.ToList();

    /// <summary>The request with <see cref="CommandRequest.IsModerator"/> and <see cref="CommandRequest.IsOperator"/> decided.</summary>
    /// <param name="request">The command as the adapter built it (its platform grants set).</param>
    /// <param name="cancellationToken">Stops the database lookup.</param>
    /// <param name="needsStoredRoles">
    /// False when the command cannot use community moderator rights (no moderator-only part, no moderator actions), which
    /// spares the database lookup; the platform's own grants are still applied.
    /// </param>
    /// <exception cref="Storage.StorageUnavailableException">The stored moderators cannot be read.</exception>
    public async Task<CommandRequest> DecideAsync(CommandRequest request, bool needsStoredRoles, CancellationToken cancellationToken)
    {
        var decided = DecideFromGrants(request);
        if (!decided.IsModerator && needsStoredRoles && store is not null)
        {
            var (isStored, role) = await store.RoleFactsAsync(CommunityKeys.Of(request.Member), request.Member.UserId, cancellationToken);
            decided = decided with { IsModerator = isStored || (role is { Length: > 0 } && request.RoleIds.Contains(role, StringComparer.Ordinal)) };
        }

        return decided;
    }

    /// <summary>
    /// <see cref="DecideAsync"/> for a command that cannot use community moderator rights: the platform's grants only, from
    /// memory (no database lookup).
    /// </summary>
    public CommandRequest DecideFromGrants(CommandRequest request)
    {
        var isDeploymentAdmin = request.IsModerator;
        var isOperator = isDeploymentAdmin || (request.ManagesCommunity && IsOperatorHome(CommunityKeys.Of(request.Member)));
        return request with { IsModerator = isOperator || request.ManagesCommunity, IsOperator = isOperator };
    }

    /// <summary>
    /// True when <paramref name="community"/> (a <see cref="CommunityKeys"/> key) is an operator home: its platform registered
    /// no <see cref="OperatorHome"/>, or registered this community. The operators' alert channel also carries the weekly gap
    /// digest of a home that has no digest channel of its own.
    /// </summary>
    public bool IsOperatorHome(string community)
    {
        var platform = CommunityKeys.PlatformOf(community);
        var declared = _homes.Where(h => string.Equals(h.Platform, platform, StringComparison.OrdinalIgnoreCase)).ToList();
        return declared.Count == 0 || declared.Any(h => h.CommunityId is not null && CommunityKeys.Of(platform, h.CommunityId) == community);
    }
}
