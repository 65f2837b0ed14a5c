namespace MlMentorBot.Core.Commands;

/// <summary>
/// Identifies one member across restarts: <paramref name="Platform"/> is <c>discord</c>, <c>slack</c> or <c>local</c>;
/// <paramref name="WorkspaceId"/> is the Discord guild id (empty in DMs), the Slack team id, or empty for the local chat;
/// <paramref name="UserId"/> is the platform's user id (a snowflake, <c>U…</c>, or the local chat's <c>--user</c> name).
/// Equality and hashing use those three only.
/// </summary>
public sealed record MemberKey(string Platform, string WorkspaceId, string UserId)
{
    /// <summary>
    /// The Slack Enterprise Grid organisation (<c>E…</c>) when the platform sends one (<c>enterprise_id</c>,
    /// https://docs.slack.dev/enterprise/developing-for-enterprise-orgs). Stored with the member and exported, but not part of
    /// the identity: Slack omits it on some payloads, and the same member must not split in two.
    /// </summary>
    public string? EnterpriseId { get; init; }

    /// <summary>Compares <see cref="Platform"/>, <see cref="WorkspaceId"/> and <see cref="UserId"/>; <see cref="EnterpriseId"/> is left out on purpose.</summary>
    public bool Equals(MemberKey? other) =>
        other is not null && Platform == other.Platform && WorkspaceId == other.WorkspaceId && UserId == other.UserId;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Platform, WorkspaceId, UserId);

    /// <c>platform:workspace:user</c>.
    public override string ToString() => $"{Platform}:{WorkspaceId}:{UserId}";
}

/// <summary>
/// A parsed command on its way to a handler. <paramref name="Command"/> is the catalog name without the slash
/// (<c>progress</c>); <paramref name="Subcommand"/> is set for commands that have them (<c>mark</c>);
/// <paramref name="Options"/> maps option names to raw string values (user options hold the platform user id).
/// </summary>
public sealed record CommandRequest(
    string Command,
    string? Subcommand,
    IReadOnlyDictionary<string, string> Options,
    MemberKey Member)
{
    /// <summary>Platform channel id the command came from (Discord channel snowflake, Slack <c>C…</c>/<c>D…</c>, local: <c>console</c>).</summary>
    public string? ChannelId { get; init; }

    /// <summary>
    /// A moderator of the community the command came from. Adapters set it for the deployment's own admins
    /// (<c>Slack:AdminUserIds</c>, the local chat's <c>--moderator</c>); before a handler runs, the dispatcher replaces it with
    /// the answer of the one permission rule (<see cref="Communities.CommunityPermissions"/>), which adds the community's stored
    /// moderators, Discord's Manage Guild / Administrator (<see cref="ManagesCommunity"/>) and the community's moderator role.
    /// </summary>
    public bool IsModerator { get; init; }

    /// <summary>
    /// An operator of the deployment (its <c>knowledge/</c> folder: <c>/kb status|reload|history</c>). Set by the dispatcher from
    /// <see cref="Communities.CommunityPermissions"/>; what an adapter sets here is ignored.
    /// </summary>
    public bool IsOperator { get; init; }

    /// <summary>Discord: the member has Manage Guild or Administrator in the guild the command came from (the interaction's <c>member.permissions</c>).</summary>
    public bool ManagesCommunity { get; init; }

    /// <summary>Discord: the role ids (snowflakes) the member has in the guild (the interaction's <c>member.roles</c>); empty elsewhere.</summary>
    public IReadOnlyList<string> RoleIds { get; init; } = [];

    /// <summary>The member's display name when the platform sent one; never used as an identity.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Returns the option's value, or null when it was not given or is blank.</summary>
    public string? Option(string name) =>
        Options.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}

/// <summary>
/// What an adapter hands Core when a member typed a command, pressed a button or submitted a form: the command line as text
/// (<c>/checkin submit group:ml-101</c>, a button's stored command, or Slack's <c>command</c> + <c>text</c>) plus structured
/// values that never go through the text parser, so no quoting or escaping can change them.
/// </summary>
/// <param name="CommandLine">The command and any typed arguments; parsed with <see cref="CommandTextParser"/>.</param>
public sealed record CommandInput(string CommandLine)
{
    /// <summary>
    /// Named option values taken as they are, after the command line is parsed and overriding what it set: a modal's fields
    /// (Discord text input <c>custom_id</c> → value; Slack <c>state.values</c> block id → value). Names that are not options of
    /// the command are ignored. Values still pass the option's checks (choices, numbers, length).
    /// </summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = EmptyFields;

    /// <summary>
    /// Platform user ids the member mentioned (the adapter has already turned Slack's <c>&lt;@U123|bob&gt;</c> into <c>U123</c>).
    /// They fill the command's user options in order, so <c>/roadmap @bob</c> aims the answer at bob rather than reading
    /// <c>@bob</c> as the stage.
    /// </summary>
    public IReadOnlyList<string> MentionedUserIds { get; init; } = [];

    private static readonly IReadOnlyDictionary<string, string> EmptyFields = new Dictionary<string, string>();
}
