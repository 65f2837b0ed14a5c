using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Slack.OAuth;

/// <summary>
/// Bolt's per-request <c>authorize</c>: the bot token for the workspace the current work is for
/// (<see cref="CommunityScope.Current"/>, set by the inbound adapter and by scheduled posts). In single-workspace mode it is
/// always <see cref="SlackOptions.BotToken"/>. With OAuth it is read from <see cref="SlackInstallationStore"/> on every call, so
/// an uninstall or a refresh on another replica counts at once; work that belongs to no workspace (the operators' alert channel)
/// gets <see cref="SlackOptions.BotToken"/> if one is set. Null means "not installed": the caller sends nothing.
/// With token rotation, a token that expires within <see cref="RefreshAhead"/> is refreshed first, as Bolt does.
/// </summary>
internal sealed partial class SlackTokenResolver
{
    /// <summary>Bolt's default (<c>token_rotation_expiration_minutes=120</c>): a token this close to expiry is refreshed before use.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromHours(2);

    /// <summary>The <see cref="SlackApiException.Error"/> of a call refused because its workspace has no installation.</summary>
    public const string NotInstalled = "not_installed";

    private readonly SlackOptions _options;
    private readonly SlackInstallationStore? _installations;
    private readonly SlackOAuthClient? _oauth;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackTokenResolver> _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);

    /// <summary>Single-workspace mode: every call uses <see cref="SlackOptions.BotToken"/>.</summary>
    public SlackTokenResolver(IOptions<SlackOptions> options)
    {
        _options = options.Value;
        _time = TimeProvider.System;
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<SlackTokenResolver>.Instance;
    }

    /// <summary>OAuth mode: each workspace's own token.</summary>
    public SlackTokenResolver(IOptions<SlackOptions> options, SlackInstallationStore installations, SlackOAuthClient oauth, TimeProvider time, ILogger<SlackTokenResolver> logger)
    {
        _options = options.Value;
        _installations = installations;
        _oauth = oauth;
        _time = time;
        _logger = logger;
    }

    /// <summary>True when workspaces install through OAuth and each has its own token.</summary>
    public bool IsPerWorkspace => _installations is not null;

    /// <summary>The bot token to call Slack with for the current workspace, or null when that workspace has no installation.</summary>
    /// <exception cref="Core.Storage.StorageUnavailableException">The installation store cannot be read.</exception>
    public async ValueTask<string?> BotTokenAsync(CancellationToken cancellationToken)
    {
        if (_installations is null)
        {
            return _options.BotToken;
        }

        if (CommunityScope.Current is not { Platform: "slack" } community)
        {
            return string.IsNullOrWhiteSpace(_options.BotToken) ? null : _options.BotToken;
        }

        // Bolt's rule: work that came through an org-wide install is served by the org's install only, never by a workspace
        // install that may exist beside it.
        var stored = community.IsOrgWide
            ? await _installations.FindAsync(null, community.EnterpriseId, cancellationToken)
            : await _installations.FindAsync(community.WorkspaceId, community.EnterpriseId, cancellationToken);
        return stored is null ? null : await FreshTokenAsync(stored, cancellationToken);
    }

    private async ValueTask<string> FreshTokenAsync(StoredInstallation stored, CancellationToken cancellationToken)
    {
        var installation = stored.Installation;
        if (installation is not { BotRefreshToken: not null, BotTokenExpiresAt: { } expiresAt } || expiresAt - _time.GetUtcNow() > RefreshAhead)
        {
            return installation.BotToken;
        }

        // One refresh at a time in this process; across replicas the store's version check lets the first one win.
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var current = await _installations!.FindAsync(installation.TeamId, installation.EnterpriseId, cancellationToken);
            if (current is null)
            {
                return installation.BotToken;
            }

            if (current.Version != stored.Version)
            {
                return current.Installation.BotToken; // refreshed meanwhile
            }

            var grant = await _oauth!.RefreshAsync(installation.BotRefreshToken, cancellationToken);
            var newExpiry = _time.GetUtcNow().AddSeconds(grant.ExpiresInSeconds ?? 43200);
            if (await _installations.UpdateTokenAsync(installation.CommunityKey, stored.Version, grant.AccessToken, grant.RefreshToken ?? installation.BotRefreshToken, newExpiry, cancellationToken))
            {
                LogRefreshed(installation.CommunityKey, newExpiry);
                return grant.AccessToken;
            }

            var winner = await _installations.FindAsync(installation.TeamId, installation.EnterpriseId, cancellationToken);
            return winner?.Installation.BotToken ?? grant.AccessToken;
        }
        catch (SlackApiException ex) when (expiresAt > _time.GetUtcNow())
        {
            // The old token still works for a while: use it and try again on the next call.
            LogRefreshFailed(installation.CommunityKey, ex.Error);
            return installation.BotToken;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshed the rotating Slack bot token of {Community}; the new one expires at {ExpiresAt:O}")]
    private partial void LogRefreshed(string community, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the rotating Slack bot token of {Community} ({Error}); using the current one until it expires")]
    private partial void LogRefreshFailed(string community, string error);
}
