using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Storage;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rest;
using Polly;
using Polly.Retry;

namespace MlMentorBot.Discord.Gateway;

/// <summary>
/// The Gateway connections of <see cref="DiscordMode.Gateway"/> mode (intents 0: interactions need no intent). Reads
/// <c>GET /gateway/bot</c> once for the recommended shard count (<c>Discord:ShardCount</c> <c>auto</c>) and
/// <c>max_concurrency</c>, then runs one <see cref="GatewayShard"/> per id in <c>Discord:ShardIds</c> (default: every shard),
/// each with its own session, heartbeats and resume. Shards start through one <see cref="IdentifyGate"/>, which lets one
/// IDENTIFY per rate-limit bucket through every 5 s across every replica on the database. All shards hand
/// <c>INTERACTION_CREATE</c> to the same <see cref="InteractionRelay"/>. A fatal close (or a rejected token) on any shard
/// stops them all: it needs the operator. https://discord.com/developers/docs/events/gateway#sharding
/// </summary>
internal sealed class DiscordGatewayService : BackgroundService
{
    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly IDatabase _database;
    private readonly InteractionRelay _interactions;
    private readonly TimeProvider _time;
    private readonly GatewayTimings _timings;
    private readonly ILogger<DiscordGatewayService> _logger;
    private readonly GuildPresence? _guilds;
    private volatile IReadOnlyList<GatewayShard> _shards = [];

    public DiscordGatewayService(
        IOptions<DiscordOptions> options,
        DiscordRestClient rest,
        InteractionHandler handler,
        IDatabase database,
        TimeProvider time,
        ILogger<DiscordGatewayService> logger,
        GatewayTimings? timings = null,
        GuildPresence? guilds = null)
    {
        _guilds = guilds;
        _options = options.Value;
        _rest = rest;
        _database = database;
        _time = time;
        _logger = logger;
        _timings = timings ?? new GatewayTimings();
        _interactions = new InteractionRelay(rest, handler, time, logger);
    }

    /// <summary>This process's shards, ascending by id; empty until <c>/gateway/bot</c> has answered.</summary>
    internal IReadOnlyList<GatewayShard> Shards => _shards;

    /// <summary>Set when a fatal close code stopped the client: the code and what to fix.</summary>
    internal (int Code, string Fix)? FatalClose { get; private set; }

    public override void Dispose()
    {
        _interactions.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || _options.Mode != DiscordMode.Gateway)
        {
            return;
        }

        try
        {
            var settings = ShardSettings.From(_options.ShardCount, _options.ShardIds);
            var info = await StartupRetries().ExecuteAsync(ct => new ValueTask<GatewayBotInfo>(IdentifyGate.FetchGatewayBotAsync(_rest, ct)), stoppingToken);
            var (count, ids) = settings.Resolve(info.Shards);
            var maxConcurrency = Math.Max(1, info.SessionStartLimit.MaxConcurrency);
            if (count < info.Shards)
            {
                _logger.LogWarning("Discord recommends {Recommended} shards but Discord:ShardCount is {Count}; a shard over 2,500 guilds is closed with 4011", info.Shards, count);
            }

            _logger.LogInformation("Discord Gateway: running shards {ShardIds} of {ShardCount} (max_concurrency {MaxConcurrency})",
                string.Join(",", ids), count, maxConcurrency);
            var gate = new IdentifyGate(_database, _rest, _options.ApplicationId!, maxConcurrency, _time, _timings, _logger);
            using var shardsStopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _shards = [.. ids.Select(id => new GatewayShard(id, count, _options.BotToken!, gate, _interactions, _time, _timings, _logger, _guilds))];
            await Task.WhenAll(_shards.Select(async shard =>
            {
                await shard.RunAsync(shardsStopping.Token);
                if (shard.FatalClose is { } fatal)
                {
                    FatalClose ??= fatal;
                    await shardsStopping.CancelAsync();
                }
            }));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (DiscordApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            FatalClose = (4004, "Discord rejected Discord:BotToken (401). Copy a fresh token from Developer Portal → Bot → Reset Token.");
            _logger.LogCritical("Discord Gateway stopped: {Fix}", FatalClose.Value.Fix);
        }
    }

    /// <summary>The first <c>/gateway/bot</c> is retried like a failed connection: with backoff, until stopped.</summary>
    private ResiliencePipeline<GatewayBotInfo> StartupRetries() =>
        new ResiliencePipelineBuilder<GatewayBotInfo> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<GatewayBotInfo>
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = _timings.InitialBackoff,
                MaxDelay = _timings.MaxBackoff,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && GatewayShard.IsTransient(ex, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    _logger.LogWarning("Discord GET /gateway/bot failed: {Error}; retrying in {Seconds:0.0} s", args.Outcome.Exception?.Message, args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
