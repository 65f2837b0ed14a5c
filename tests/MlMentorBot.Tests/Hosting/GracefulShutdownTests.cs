using System.Net;
using System.Net.Sockets;
using System.Text;
using MlMentorBot.Tests.Slack;

namespace MlMentorBot.Tests.Hosting;

/// <summary>SIGTERM on a real process: readiness turns 503 first (logged as the planned drain it is, not as a failure), and a request already in flight still gets its answer (issue #11).</summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private const string Secret = "test-signing-secret";
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Live_and_ready_answer_200_when_knowledge_is_loaded_and_the_database_writable()
    {
        using var factory = new BotFactory();
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task On_SIGTERM_readiness_turns_503_while_an_in_flight_command_completes_with_200_and_the_process_exits_0()
    {
        await using var host = await RunningHost.StartAsync(_temp.Path,
            "--Slack:Enabled=true", "--Slack:Mode=Http", $"--Slack:SigningSecret={Secret}", "--Slack:BotToken=xoxb-placeholder-token",
            "--Shutdown:DrainDelaySeconds=3", "--Moderation:IsWatchEnabled=false", "--CheckIns:IsSchedulerEnabled=false");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/ready")).StatusCode);

        // A slash command whose body is still arriving: with Expect: 100-continue, Kestrel's "100 Continue" says the endpoint
        // has started reading it, i.e. the request is in flight in the app.
        var body = SlackFixtures.SlashCommand("/help", "");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, host.Client.BaseAddress!.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /slack/commands HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
            $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nX-Slack-Request-Timestamp: {timestamp}\r\n" +
            $"X-Slack-Signature: {SlackSigner.Sign(Secret, timestamp, body)}\r\nExpect: 100-continue\r\n\r\n"));
        Assert.StartsWith("HTTP/1.1 100", await ReadHeadAsync(stream));

        host.SendTerminate();

        // Readiness goes 503 while the process still answers (the drain delay), then the listener closes.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await PollReadyUntilAsync(host, s => s == HttpStatusCode.ServiceUnavailable));
        Assert.Null(await PollReadyUntilAsync(host, s => s is null));

        await stream.WriteAsync(Encoding.UTF8.GetBytes(body));
        var response = await ReadHeadAsync(stream);
        Assert.StartsWith("HTTP/1.1 200", response);

        var (exitCode, errors) = await host.WaitForExitAsync();
        Assert.True(exitCode == 0, errors);

        // A planned drain is not a fault: nothing is logged at error level ("fail:", on standard error like all logs) while readiness says 503.
        Assert.Contains("/health/ready answers 503", errors);
        Assert.DoesNotContain("fail:", errors);
    }

    /// <summary>Polls <c>/health/ready</c> until <paramref name="wanted"/> holds for its status (null: the connection was refused).</summary>
    private static async Task<HttpStatusCode?> PollReadyUntilAsync(RunningHost host, Func<HttpStatusCode?, bool> wanted)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            HttpStatusCode? status;
            try
            {
                using var fresh = new HttpClient { BaseAddress = host.Client.BaseAddress };
                fresh.DefaultRequestHeaders.ConnectionClose = true;
                status = (await fresh.GetAsync("/health/ready", deadline.Token)).StatusCode;
            }
            catch (HttpRequestException)
            {
                status = null;
            }

            if (wanted(status))
            {
                return status;
            }

            await Task.Delay(50, deadline.Token); // polling for a change that will come, not proving an absence
        }
    }

    /// <summary>Reads a response's status line and headers (up to the blank line).</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, deadline.Token) == 0)
            {
                break;
            }

            head.Append((char)buffer[0]);
        }

        return head.ToString();
    }
}
