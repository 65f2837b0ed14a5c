using BenchmarkDotNet.Attributes;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Slack;
using MlMentorBot.Slack.BlockKit;
using MlMentorBot.Slack.Inbound;
using MlMentorBot.Slack.WebApi;

namespace MlMentorBot.Benchmarks.Adapters;

/// <summary>
/// The pieces of one signed <c>/roadmap</c> slash command (the form bench/slack/load.sh sends), warm: the core dispatch,
/// Block Kit rendering, rendering plus the JSON ack, and <see cref="SlackInbound"/> end to end (parse → dispatch → ack bytes).
/// </summary>
[MemoryDiagnoser]
public class SlackBenchmarks
{
    private BenchHost _host = null!;
    private ICommandDispatcher _dispatcher = null!;
    private SlackInbound _inbound = null!;
    private CommandRequest _request = null!;
    private BotReply _reply = null!;
    private SlashCommand _command = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = new BenchHost();
        _dispatcher = _host.Get<ICommandDispatcher>();
        _inbound = _host.Get<SlackInbound>();
        var member = new MemberKey("slack", "T0BENCH01", "U0BENCH01");
        _dispatcher.DispatchTextAsync("/progress mark roadmap.foundations.math learning", member, null, CancellationToken.None).GetAwaiter().GetResult();
        _request = new CommandRequest("roadmap", null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), member)
        {
            ChannelId = "C0BENCH01",
            DisplayName = "bench",
        };
        _reply = _dispatcher.DispatchAsync(_request, CancellationToken.None).GetAwaiter().GetResult();
        _command = new SlashCommand("T0BENCH01", null, "C0BENCH01", "U0BENCH01", "bench", "/roadmap", "",
            "https://hooks.slack.com/commands/T0BENCH01/1/bench", "1.2.bench");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public Task<BotReply> CoreDispatch() => _dispatcher.DispatchAsync(_request, CancellationToken.None);

    [Benchmark]
    public object Render() => BlockKitRenderer.Render(_reply);

    [Benchmark]
    public int RenderAndSerialize() => SlackAck.Of(MessagePayload.From(BlockKitRenderer.Render(_reply)), SlackJsonContext.Wire.MessagePayload).Json!.Length;

    [Benchmark]
    public async Task<int> Inbound() => (await _inbound.HandleSlashCommandAsync(_command, CancellationToken.None)).Json!.Length;
}
