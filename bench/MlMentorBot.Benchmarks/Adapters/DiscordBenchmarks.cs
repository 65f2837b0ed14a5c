using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;

namespace MlMentorBot.Benchmarks.Adapters;

/// <summary>
/// The pieces of one signed guild <c>/roadmap stage:foundations</c> over HTTP (the body bench/discord/load.sh sends), warm:
/// verification, parsing, the core dispatch, rendering to embeds and writing the JSON, and the whole endpoint without Kestrel.
/// Their sum against <c>host_cpu_us_per_request</c> from the load script shows what the server itself costs.
/// </summary>
[MemoryDiagnoser]
public class DiscordBenchmarks
{
    /// <summary>Signed at set-up: the endpoint refuses timestamps more than 5 minutes off, so each run must finish within that.</summary>
    private string _timestamp = null!;

    private BenchHost _host = null!;
    private byte[] _body = null!;
    private string _signature = null!;
    private Interaction _interaction = null!;
    private SignatureVerifier _verifier = null!;
    private InteractionHandler _handler = null!;
    private InteractionEndpoint _endpoint = null!;
    private MessageRenderer _renderer = null!;
    private ICommandDispatcher _dispatcher = null!;
    private CommandRequest _request = null!;
    private BotReply _reply = null!;
    private InteractionResponse _response = null!;
    private readonly MemoryStream _output = new();

    [GlobalSetup]
    public void Setup()
    {
        _host = new BenchHost();
        var fixture = File.ReadAllText(BenchFiles.InRepository("tests/MlMentorBot.Tests/Fixtures/Discord/command_roadmap_guild.json"));
        _body = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(fixture).RootElement); // minified, as Discord sends it
        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _signature = _host.SignDiscord(_timestamp, _body);
        _interaction = JsonSerializer.Deserialize(_body, DiscordJson.Default.Interaction)!;
        _verifier = new SignatureVerifier(_host.DiscordPublicKeyHex, TimeProvider.System);
        _handler = _host.Get<InteractionHandler>();
        _endpoint = _host.Get<InteractionEndpoint>();
        _renderer = _host.Get<MessageRenderer>();
        _dispatcher = _host.Get<ICommandDispatcher>();

        var member = new MemberKey("discord", "1111111111111111111", "4444444444444444444");
        _dispatcher.DispatchTextAsync("/progress mark roadmap.foundations.math learning", member, null, CancellationToken.None).GetAwaiter().GetResult();
        _request = new CommandRequest("roadmap", null, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["stage"] = "foundations" }, member)
        {
            ChannelId = "2222222222222222222",
            DisplayName = "Ada",
        };
        _reply = _dispatcher.DispatchAsync(_request, CancellationToken.None).GetAwaiter().GetResult();
        _response = new InteractionResponse(CallbackType.ChannelMessageWithSource, _renderer.Render(_reply));
        if (Endpoint().GetAwaiter().GetResult() != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException("The signed interaction was not answered with 200.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public bool Verify() => _verifier.IsValid(_signature, _timestamp, _body);

    [Benchmark]
    public object? Parse() => JsonSerializer.Deserialize(_body, DiscordJson.Default.Interaction);

    [Benchmark]
    public Task<BotReply> CoreDispatch() => _dispatcher.DispatchAsync(_request, CancellationToken.None);

    [Benchmark]
    public object Render() => _renderer.Render(_reply);

    [Benchmark]
    public long Serialize()
    {
        _output.Position = 0;
        JsonSerializer.Serialize(_output, _response, DiscordJson.Relaxed.InteractionResponse);
        return _output.Position;
    }

    /// <summary>Parsed interaction → dispatch → render → the response handed to the caller (not yet serialised).</summary>
    [Benchmark]
    public async Task<object?> Handle()
    {
        InteractionResponse? sent = null;
        await _handler.HandleAsync(_interaction, TimeProvider.System.GetTimestamp(), response =>
        {
            sent = response;
            return Task.CompletedTask;
        }, CancellationToken.None);
        return sent;
    }

    /// <summary>Raw body and headers in, JSON out: everything but Kestrel and routing.</summary>
    [Benchmark]
    public async Task<int> Endpoint()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(_body, writable: false);
        context.Request.Headers["X-Signature-Ed25519"] = _signature;
        context.Request.Headers["X-Signature-Timestamp"] = _timestamp;
        _output.Position = 0;
        context.Response.Body = _output;
        await _endpoint.HandleAsync(context);
        return context.Response.StatusCode;
    }
}
