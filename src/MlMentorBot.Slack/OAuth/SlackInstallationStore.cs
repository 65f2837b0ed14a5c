using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Slack.OAuth;

/// <summary>
/// Bolt's <c>InstallationStore</c> (store, fetch, delete) on the bot's database, one row per community
/// (<see cref="SlackInstallation.CommunityKey"/>). Bot and refresh tokens are encrypted with ASP.NET Core Data Protection
/// before they reach the database, whose key ring lives in the same database (<see cref="DatabaseXmlRepository"/>), so any
/// replica can read them and a copy of the rows alone reveals nothing. SQL that SQLite and PostgreSQL both run; times are
/// bound as ISO 8601 UTC text. Throws <see cref="StorageUnavailableException"/> when the database cannot be used.
/// </summary>
internal sealed class SlackInstallationStore
{
    /// <summary>Schema version 400; the Slack adapter owns 400–499.</summary>
    // One script for both providers: PostgreSQL keeps this table's shape (times stay fixed-width UTC text because updated_at doubles as the row version that
    // UpdateTokenAsync compares, and the flag stays 0/1 because the queries compare it with integers on both providers).
    public static readonly SchemaMigration Migration = SchemaMigration.Portable(400, "slack oauth installations", InstallationsTable);

    private const string InstallationsTable = """
        CREATE TABLE slack_installations (
            community_key         TEXT PRIMARY KEY,
            team_id               TEXT,
            team_name             TEXT,
            enterprise_id         TEXT,
            enterprise_name       TEXT,
            is_enterprise_install INTEGER NOT NULL,
            app_id                TEXT,
            bot_user_id           TEXT NOT NULL,
            bot_token             TEXT NOT NULL,
            bot_scopes            TEXT NOT NULL,
            bot_refresh_token     TEXT,
            bot_token_expires_at  TEXT,
            installer_user_id     TEXT NOT NULL,
            installed_at          TEXT NOT NULL,
            updated_at            TEXT NOT NULL
        );
        """;

    private const string Columns = """
        community_key AS CommunityKey, team_id AS TeamId, team_name AS TeamName, enterprise_id AS EnterpriseId,
        enterprise_name AS EnterpriseName, is_enterprise_install AS IsEnterpriseInstall, app_id AS AppId,
        bot_user_id AS BotUserId, bot_token AS BotToken, bot_scopes AS BotScopes, bot_refresh_token AS BotRefreshToken,
        bot_token_expires_at AS BotTokenExpiresAt, installer_user_id AS InstallerUserId, installed_at AS InstalledAt,
        updated_at AS UpdatedAt
        """;

    private readonly IDatabase _database;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;

    /// <summary>
    /// Communities removed by an <c>app_uninstalled</c>/<c>tokens_revoked</c> event on this replica, from the moment the event
    /// arrives until the row is gone, so not one more call is made with the token while the delete is written.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> _removing = new();

    public SlackInstallationStore(IDatabase database, IDataProtectionProvider dataProtection, TimeProvider time)
    {
        _database = database;
        _protector = dataProtection.CreateProtector("MlMentorBot.Slack.OAuth.Tokens.v1");
        _time = time;
    }

    /// <summary>Stores an install, replacing the community's earlier one (a re-install, or more scopes granted).</summary>
    public async Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        var now = Text(_time.GetUtcNow());
        await _database.WriteAsync(write => write.ExecuteAsync("""
            INSERT INTO slack_installations (community_key, team_id, team_name, enterprise_id, enterprise_name, is_enterprise_install,
                app_id, bot_user_id, bot_token, bot_scopes, bot_refresh_token, bot_token_expires_at, installer_user_id, installed_at, updated_at)
            VALUES (@Key, @TeamId, @TeamName, @EnterpriseId, @EnterpriseName, @IsEnterpriseInstall,
                @AppId, @BotUserId, @BotToken, @BotScopes, @BotRefreshToken, @ExpiresAt, @InstallerUserId, @InstalledAt, @Now)
            ON CONFLICT (community_key) DO UPDATE SET
                team_id = excluded.team_id, team_name = excluded.team_name, enterprise_id = excluded.enterprise_id,
                enterprise_name = excluded.enterprise_name, is_enterprise_install = excluded.is_enterprise_install,
                app_id = excluded.app_id, bot_user_id = excluded.bot_user_id, bot_token = excluded.bot_token,
                bot_scopes = excluded.bot_scopes, bot_refresh_token = excluded.bot_refresh_token,
                bot_token_expires_at = excluded.bot_token_expires_at, installer_user_id = excluded.installer_user_id,
                installed_at = excluded.installed_at, updated_at = excluded.updated_at
            """, new
        {
            Key = installation.CommunityKey,
            installation.TeamId,
            installation.TeamName,
            installation.EnterpriseId,
            installation.EnterpriseName,
            IsEnterpriseInstall = installation.IsEnterpriseInstall ? 1 : 0,
            installation.AppId,
            installation.BotUserId,
            BotToken = _protector.Protect(installation.BotToken),
            BotScopes = string.Join(',', installation.BotScopes),
            BotRefreshToken = installation.BotRefreshToken is null ? null : _protector.Protect(installation.BotRefreshToken),
            ExpiresAt = installation.BotTokenExpiresAt is { } expires ? Text(expires) : null,
            installation.InstallerUserId,
            InstalledAt = Text(installation.InstalledAt),
            Now = now,
        }), cancellationToken);
        _removing.TryRemove(installation.CommunityKey, out _);
    }

    /// <summary>
    /// The install serving a request from <paramref name="teamId"/> (inside <paramref name="enterpriseId"/> on Enterprise Grid):
    /// the workspace's own install, else its org's org-wide install; null when there is none.
    /// </summary>
    public async Task<StoredInstallation?> FindAsync(string? teamId, string? enterpriseId, CancellationToken cancellationToken)
    {
        if (teamId is null && enterpriseId is null)
        {
            return null;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM slack_installations
            WHERE (community_key = @TeamId AND is_enterprise_install = 0) OR (community_key = @EnterpriseId AND is_enterprise_install = 1)
            """, new { TeamId = teamId ?? "", EnterpriseId = enterpriseId ?? "" }, cancellationToken: cancellationToken));
        var row = rows.OrderBy(r => r.IsEnterpriseInstall).FirstOrDefault(r => !_removing.ContainsKey(r.CommunityKey));
        return row is null ? null : new StoredInstallation(Decrypt(row), row.UpdatedAt);
    }

    /// <summary>Every install, newest first (tokens decrypted): for the docs' "who has installed the bot" question and tests.</summary>
    public async Task<IReadOnlyList<SlackInstallation>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM slack_installations ORDER BY installed_at DESC", cancellationToken: cancellationToken));
        return rows.Select(Decrypt).ToList();
    }

    /// <summary>
    /// Replaces a rotated bot token (<c>grant_type=refresh_token</c>), only if nobody else did since <paramref name="seenVersion"/>
    /// was read: with several replicas, the first refresh wins and the others use its token. Returns whether this one was stored.
    /// </summary>
    public async Task<bool> UpdateTokenAsync(string communityKey, string seenVersion, string botToken, string refreshToken, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await _database.WriteAsync(write => write.ExecuteAsync("""
            UPDATE slack_installations
            SET bot_token = @BotToken, bot_refresh_token = @RefreshToken, bot_token_expires_at = @ExpiresAt, updated_at = @Now
            WHERE community_key = @Key AND updated_at = @SeenVersion
            """, new
        {
            Key = communityKey,
            SeenVersion = seenVersion,
            BotToken = _protector.Protect(botToken),
            RefreshToken = _protector.Protect(refreshToken),
            ExpiresAt = Text(expiresAt),
            Now = Text(_time.GetUtcNow()),
        }), cancellationToken) == 1;

    /// <summary>
    /// Removes the install of a community (an <c>app_uninstalled</c> or <c>tokens_revoked</c> event): from this call on, this
    /// replica resolves no token for it, and once the delete is written no replica does. Returns whether a row was deleted.
    /// </summary>
    public async Task<bool> RemoveAsync(string communityKey, CancellationToken cancellationToken)
    {
        _removing[communityKey] = 0;
        return await _database.WriteAsync(write => write.ExecuteAsync(
            "DELETE FROM slack_installations WHERE community_key = @communityKey", new { communityKey }), cancellationToken) > 0;
    }

    /// <summary>Marks a community removed on this replica at once, before <see cref="RemoveAsync"/> is written.</summary>
    internal void StopUsing(string communityKey) => _removing[communityKey] = 0;

    private SlackInstallation Decrypt(Row row) => new(
        row.TeamId, row.TeamName, row.EnterpriseId, row.EnterpriseName, row.IsEnterpriseInstall != 0, row.AppId, row.BotUserId,
        _protector.Unprotect(row.BotToken),
        row.BotScopes.Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.BotRefreshToken is null ? null : _protector.Unprotect(row.BotRefreshToken),
        row.BotTokenExpiresAt is null ? null : Parse(row.BotTokenExpiresAt),
        row.InstallerUserId,
        Parse(row.InstalledAt));

    /// <summary>Round-trip UTC text of one fixed width, so text order is time order on every provider.</summary>
    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed class Row
    {
        public string CommunityKey { get; set; } = "";
        public string? TeamId { get; set; }
        public string? TeamName { get; set; }
        public string? EnterpriseId { get; set; }
        public string? EnterpriseName { get; set; }
        public long IsEnterpriseInstall { get; set; }
        public string? AppId { get; set; }
        public string BotUserId { get; set; } = "";
        public string BotToken { get; set; } = "";
        public string BotScopes { get; set; } = "";
        public string? BotRefreshToken { get; set; }
        public string? BotTokenExpiresAt { get; set; }
        public string InstallerUserId { get; set; } = "";
        public string InstalledAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";
    }
}

/// <summary>An install as read, with the version (<c>updated_at</c>) a token refresh must still find to replace its token.</summary>
internal sealed record StoredInstallation(SlackInstallation Installation, string Version)
{
    public override string ToString() => Installation.ToString();
}
