using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Core.Moderation;

/// <summary>
/// Reloads knowledge when its files change, on this background thread and never on a request. A <see cref="FileSystemWatcher"/>
/// signals changes; after <see cref="ModerationOptions.ReloadDebounceMilliseconds"/> without further events the folder's
/// fingerprint (each file's path, size and write time) is compared with the last one and, when it differs,
/// <see cref="KnowledgeService.Reload"/> runs. The same check also runs every <see cref="ModerationOptions.PollSeconds"/>,
/// which covers file systems without change events, an overflowing watcher, and a watcher that could not start. Each poll
/// also picks up a <c>/kb reload</c> run on another replica (<see cref="KnowledgeReloadRequests"/>), watching or not.
/// </summary>
internal sealed class KnowledgeWatcher(
    KnowledgeService knowledge,
    KnowledgeReloadRequests reloadRequests,
    IOptions<ModerationOptions> options,
    TimeProvider time,
    ILogger<KnowledgeWatcher> logger) : BackgroundService
{
    public const string FileChangeTrigger = "file change";

    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private string _lastSeen = "";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Taken while the host starts, right after the start-up load, so an edit made once the host is up is never
        // mistaken for the state that was loaded; likewise where the other replicas' reload requests stand.
        _lastSeen = Fingerprint();
        await ReloadRequestedElsewhereAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var watcher = settings.IsWatchEnabled ? TryWatch() : null;
        var debounce = TimeSpan.FromMilliseconds(settings.ReloadDebounceMilliseconds);
        var poll = TimeSpan.FromSeconds(settings.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await WaitForSignalAsync(poll, stoppingToken))
            {
                // Editors and git write several files in a burst: wait until the folder is quiet.
                while (await WaitForSignalAsync(debounce, stoppingToken))
                {
                }
            }

            var trigger = await ReloadRequestedElsewhereAsync(stoppingToken);
            var now = settings.IsWatchEnabled || trigger is not null ? Fingerprint() : _lastSeen;
            if (now == _lastSeen && trigger is null)
            {
                continue;
            }

            _lastSeen = now;
            try
            {
                knowledge.Reload(trigger ?? FileChangeTrigger);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Reload reports bad files as problems; anything thrown here is unexpected, so keep watching.
                logger.LogError(ex, "Knowledge reload after a file change failed");
            }
        }
    }

    /// <summary>The trigger for a <c>/kb reload</c> made on another replica since the last poll, or null.</summary>
    private async Task<string?> ReloadRequestedElsewhereAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await reloadRequests.TakeNewAsync(stoppingToken) is { } requestedBy ? $"{requestedBy} (on another replica)" : null;
        }
        catch (Exception ex) when (ex is StorageUnavailableException or System.Data.Common.DbException)
        {
            logger.LogWarning("Could not look for /kb reload requests of other replicas: {Problem}", ex.Message);
            return null;
        }
    }

    private FileSystemWatcher? TryWatch()
    {
        try
        {
            var watcher = new FileSystemWatcher(knowledge.Directory)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.Error += (_, e) =>
            {
                logger.LogWarning(e.GetException(), "Knowledge folder watcher lost events; checking the folder now");
                Signal();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // inotify limits, a missing folder or an unsupported file system: polling still picks up changes.
            logger.LogWarning(ex, "Cannot watch {Directory} for changes; polling it every {Seconds} s instead", knowledge.Directory, options.Value.PollSeconds);
            return null;
        }
    }

    private void Signal() => _signals.Writer.TryWrite(true);

    /// <summary>True when a change was signalled within <paramref name="timeout"/>, false when the time ran out.</summary>
    private async Task<bool> WaitForSignalAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var expiry = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, expiry.Token);
        try
        {
            await _signals.Reader.ReadAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Path, size and last write time of every knowledge file, as one string; empty when the folder is unreadable.</summary>
    private string Fingerprint()
    {
        try
        {
            return string.Join("\n", KnowledgeLoader.Files(knowledge.Directory).Select(f =>
            {
                var info = new FileInfo(f.Full);
                return $"{f.Relative}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
            }));
        }
        catch (IOException)
        {
            return "";
        }
    }
}
