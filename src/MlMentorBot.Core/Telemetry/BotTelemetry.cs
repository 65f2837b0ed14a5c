using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MlMentorBot.Core.Telemetry;

/// <summary>
/// The bot's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named <see cref="Name"/>, and the instruments
/// recorded at the one place each thing happens. Static because the call sites (dispatcher, signature checks, REST clients,
/// schedulers) would otherwise each take a new constructor parameter; recording costs nothing while no exporter listens.
/// What each metric means, with its Prometheus name, is in docs/operations.md.
/// </summary>
public static class BotTelemetry
{
    /// <summary>Name of the meter and the activity source, as the host's OpenTelemetry setup subscribes to them.</summary>
    public const string Name = "MlMentorBot";

    internal static readonly Meter Meter = new(Name);
    internal static readonly ActivitySource Source = new(Name);

    private static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "mlmentorbot.commands", "{command}", "Commands answered by a handler, by catalog command name and platform.");

    // Explicit buckets in seconds: the SDK's default boundaries are meant for milliseconds (0, 5, 10, … 10000).
    private static readonly Histogram<double> CommandDuration = Meter.CreateHistogram(
        "mlmentorbot.command.duration", "s", "Time a command's handler took, in seconds.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> SignatureFailures = Meter.CreateCounter<long>(
        "mlmentorbot.signature.failures", "{request}", "Inbound platform requests refused with 401 because their signature did not verify.");

    private static readonly Counter<long> KnowledgeReloads = Meter.CreateCounter<long>(
        "mlmentorbot.knowledge.reloads", "{reload}", "Knowledge loads processed, by outcome (applied or rejected).");

    private static readonly Counter<long> ScheduledJobs = Meter.CreateCounter<long>(
        "mlmentorbot.scheduled_jobs", "{job}", "Scheduled jobs run (check-in prompt, reminder, digest; moderators' gap digest).");

    private static readonly Counter<long> RateLimits = Meter.CreateCounter<long>(
        "mlmentorbot.rest.rate_limited", "{response}", "HTTP 429 responses from a platform's REST/Web API, by platform and route.");

    /// <summary>
    /// Starts timing one command's handler and, when tracing is on, an activity around it. Dispose the result when the handler
    /// is done: it counts the command and records its duration. <paramref name="command"/> is the catalog name (bounded set);
    /// <paramref name="platform"/> is <c>discord</c>, <c>slack</c> or <c>local</c>.
    /// </summary>
    public static CommandMeasurement StartCommand(string command, string platform)
    {
        var activity = Source.StartActivity("command");
        if (activity is not null)
        {
            activity.DisplayName = "/" + command;
            activity.SetTag("mlmentorbot.command", command);
            activity.SetTag("mlmentorbot.platform", platform);
        }

        return new CommandMeasurement(command, platform, Stopwatch.GetTimestamp(), activity);
    }

    /// <summary>Counts one request refused because its signature did not verify (<paramref name="platform"/>: <c>discord</c> or <c>slack</c>).</summary>
    public static void SignatureFailed(string platform) => SignatureFailures.Add(1, new KeyValuePair<string, object?>("platform", platform));

    /// <summary>Counts one processed knowledge load: <c>outcome=applied</c> or <c>outcome=rejected</c> (validation failed, last good kept).</summary>
    public static void KnowledgeReloaded(bool isApplied) =>
        KnowledgeReloads.Add(1, new KeyValuePair<string, object?>("outcome", isApplied ? "applied" : "rejected"));

    /// <summary>Counts one run of the scheduled job <paramref name="job"/> (a fixed name such as <c>checkin.prompt</c>).</summary>
    public static void JobRan(string job) => ScheduledJobs.Add(1, new KeyValuePair<string, object?>("job", job));

    /// <summary>
    /// Counts one HTTP 429 from <paramref name="platform"/>'s API. <paramref name="route"/> is a route template or method name
    /// (<c>channels/{channel_id}/messages</c>, <c>chat.postMessage</c>), never a path with ids or tokens.
    /// </summary>
    public static void RateLimited(string platform, string route) =>
        RateLimits.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("route", route));

    /// <summary>
    /// Records a command answered from memory on the caller's stack (<see cref="Commands.ICommandDispatcher.TryAnswerWithoutWaiting"/>):
    /// the counter and the latency histogram (seconds since <paramref name="started"/>, a <see cref="Stopwatch"/> timestamp), as
    /// for any command, but no trace span: a span per attempt would also be left behind by every attempt that falls back.
    /// </summary>
    public static void CommandAnswered(string command, string platform, long started)
    {
        var tags = new TagList { { "command", command }, { "platform", platform } };
        Commands.Add(1, tags);
        CommandDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    /// <summary>One command being handled; see <see cref="StartCommand"/>.</summary>
    public readonly struct CommandMeasurement : IDisposable
    {
        private readonly string _command;
        private readonly string _platform;
        private readonly long _started;
        private readonly Activity? _activity;

        internal CommandMeasurement(string command, string platform, long started, Activity? activity)
        {
            _command = command;
            _platform = platform;
            _started = started;
            _activity = activity;
        }

        /// <summary>Records the command (counter and latency histogram, in seconds) and ends its trace span.</summary>
        public void Dispose()
        {
            CommandAnswered(_command, _platform, _started);
            _activity?.Dispose();
        }
    }
}
