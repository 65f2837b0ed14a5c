namespace MlMentorBot.Slack.OAuth;

/// <summary>
/// One install of the app, as <c>oauth.v2.access</c> returned it (https://docs.slack.dev/reference/methods/oauth.v2.access):
/// a workspace (<paramref name="TeamId"/> <c>T…</c>), or a whole Enterprise Grid org for an org-wide install
/// (<paramref name="IsEnterpriseInstall"/>, <paramref name="EnterpriseId"/> <c>E…</c>, no team). <paramref name="BotScopes"/> are the
/// granted bot scopes; <paramref name="BotRefreshToken"/> and <paramref name="BotTokenExpiresAt"/> (UTC) are set only when the app
/// has token rotation on. <paramref name="InstallerUserId"/> is the member who clicked "Allow". Times are UTC.
/// </summary>
internal sealed record SlackInstallation(
    string? TeamId,
    string? TeamName,
    string? EnterpriseId,
    string? EnterpriseName,
    bool IsEnterpriseInstall,
    string? AppId,
    string BotUserId,
    string BotToken,
    IReadOnlyList<string> BotScopes,
    string? BotRefreshToken,
    DateTimeOffset? BotTokenExpiresAt,
    string InstallerUserId,
    DateTimeOffset InstalledAt)
{
    /// <summary>The community this install serves: the enterprise id for an org-wide install, else the team id.</summary>
    public string CommunityKey => KeyOf(TeamId, EnterpriseId, IsEnterpriseInstall);

    /// <summary>The workspace or org name to show people.</summary>
    public string DisplayName => (IsEnterpriseInstall ? EnterpriseName : TeamName) ?? CommunityKey;

    /// <summary>The key a request or event belongs to (Bolt's rule: org-wide installs are found by enterprise id).</summary>
    /// <exception cref="ArgumentException">Neither id is given.</exception>
    public static string KeyOf(string? teamId, string? enterpriseId, bool isEnterpriseInstall) =>
        (isEnterpriseInstall ? enterpriseId : teamId) ?? teamId ?? enterpriseId
        ?? throw new ArgumentException("An installation needs a team id or an enterprise id.");

    // Never print tokens: a record's generated ToString would, and records end up in logs and assertion messages.
    public override string ToString() => $"SlackInstallation {{ {CommunityKey} ({DisplayName}), bot {BotUserId} }}";
}
