using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Discord.Rest;
using MlMentorBot.Slack.WebApi;
using MlMentorBot.Tests.Discord;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Slack;
using FakeClock = Microsoft.Extensions.Time.Testing.FakeTimeProvider;

namespace MlMentorBot.Tests.Messaging;

/// <summary>Issue 13 item 7: one bounded per-channel queue for both adapters, drained when the host stops.</summary>
public sealed class ChannelPacerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FakeClock _time = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Posts_to_one_channel_are_spaced_by_the_interval_and_other_channels_are_not_held_up()
    {
        var pacer = new ChannelPacer(_time, Second);
        var sent = new List<string>();

        var first = pacer.RunAsync("C1", _ => Record(sent, "C1 a"), CancellationToken.None);
        var second = pacer.RunAsync("C1", _ => Record(sent, "C1 b"), CancellationToken.None);
        await first;
        await pacer.RunAsync("C2", _ => Record(sent, "C2 a"), CancellationToken.None);

        Assert.False(second.IsCompleted); // its turn is a second after the first: nothing has advanced the clock
        _time.Advance(Second);
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["C1 a", "C2 a", "C1 b"], sent);
    }

    [Fact]
    public async Task A_post_right_after_the_queue_ran_dry_still_waits_its_turn()
    {
        var pacer = new ChannelPacer(_time, Second);
        await pacer.RunAsync("C1", _ => Task.FromResult(1), CancellationToken.None);

        var again = pacer.RunAsync("C1", _ => Task.FromResult(2), CancellationToken.None);

        Assert.False(again.IsCompleted);
        _time.Advance(Second);
        Assert.Equal(2, await again.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_full_channel_refuses_at_once_without_touching_other_channels()
    {
        var pacer = new ChannelPacer(_time, Second, capacity: 3);
        var gate = new TaskCompletionSource<int>();
        var started = new TaskCompletionSource();
        var inFlight = pacer.RunAsync("C1", _ =>
        {
            started.SetResult();
            return gate.Task;
        }, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = Enumerable.Range(0, 3).Select(i => pacer.RunAsync("C1", _ => Task.FromResult(i), CancellationToken.None)).ToList();

        // Refused on the spot (a synchronous throw), not after waiting in line.
        var full = Assert.Throws<ChannelBusyException>(() => { _ = pacer.RunAsync("C1", _ => Task.FromResult(99), CancellationToken.None); });
        var other = await pacer.RunAsync("C2", _ => Task.FromResult(7), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("C1", full.ChannelId);
        Assert.Equal(7, other);
        Assert.All(queued, q => Assert.False(q.IsCompleted));
    }

    [Fact]
    public async Task A_caller_that_gives_up_is_cancelled_at_once_and_its_post_never_runs()
    {
        var pacer = new ChannelPacer(_time, Second);
        await pacer.RunAsync("C1", _ => Task.FromResult(0), CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var hasRun = false;
        var waiting = pacer.RunAsync("C1", _ =>
        {
            hasRun = true;
            return Task.FromResult(1);
        }, giveUp.Token);

        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _time.Advance(Second);
        await pacer.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(hasRun);
    }

    [Fact]
    public async Task Draining_sends_everything_queued_without_waiting_for_the_clock()
    {
        var pacer = new ChannelPacer(_time, Second);
        var sent = new List<string>();
        var posts = Enumerable.Range(0, 5).Select(i => pacer.RunAsync("C1", _ => Record(sent, $"#{i}"), CancellationToken.None)).ToList();

        var left = await pacer.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, left);
        Assert.All(posts, p => Assert.True(p.IsCompletedSuccessfully));
        Assert.Equal(["#0", "#1", "#2", "#3", "#4"], sent);
        Assert.Equal(DateTimeOffset.UnixEpoch, _time.GetUtcNow());
    }

    [Fact]
    public async Task Draining_gives_up_when_the_shutdown_timeout_fires_and_says_how_many_were_left()
    {
        var pacer = new ChannelPacer(_time, Second);
        var stuck = new TaskCompletionSource<int>();
        var started = new TaskCompletionSource();
        _ = pacer.RunAsync("C1", _ =>
        {
            started.SetResult();
            return stuck.Task;
        }, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = Enumerable.Range(0, 2).Select(i => pacer.RunAsync("C1", _ => Task.FromResult(i), CancellationToken.None)).ToList();
        using var shutdownTimeout = new CancellationTokenSource();

        var draining = pacer.DrainAsync(shutdownTimeout.Token);
        Assert.False(draining.IsCompleted); // a post is still in flight
        await shutdownTimeout.CancelAsync();

        Assert.Equal(2, await draining.WaitAsync(TimeSpan.FromSeconds(10)));
        stuck.SetResult(0);
        await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_discord_messenger_queues_per_channel_refuses_past_the_bound_and_stopping_waits_for_the_queue()
    {
        var api = new GatedDiscordApi();
        var pacer = new ChannelPacer(_time, TimeSpan.Zero, capacity: 2);
        var messenger = new DiscordChannelMessenger(FakeRest.Client(api), new MessageRenderer(new CustomIdCodec()), pacer);
        var drain = new ChannelPacerDrain(pacer, "discord", NullLogger<ChannelPacerDrain>.Instance);
        var reply = new BotReply { Title = "Weekly digest" };

        var posts = new List<Task<string>> { messenger.PostAsync("2222222222222222222", reply, null, CancellationToken.None) };
        await api.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        posts.AddRange(Enumerable.Range(0, 2).Select(_ => messenger.PostAsync("2222222222222222222", reply, null, CancellationToken.None)));
        var busy = await Assert.ThrowsAsync<ChannelBusyException>(() =>
            messenger.PostAsync("2222222222222222222", reply, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        var stopping = drain.StopAsync(CancellationToken.None);

        Assert.Equal("2222222222222222222", busy.ChannelId);
        Assert.Single(api.Fake.Requests); // one in flight, two queued behind it
        Assert.False(stopping.IsCompleted);
        api.Open();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(posts, p => Assert.True(p.IsCompletedSuccessfully));
        Assert.Equal(3, api.Fake.Requests.Count);
    }

    [Fact]
    public async Task Stopping_the_host_sends_the_slack_posts_still_queued_instead_of_dropping_them()
    {
        var slack = new FakeSlackHandler();
        var factory = new BotFactory(
            new Dictionary<string, string?>
            {
                ["Slack:Enabled"] = "true",
                ["Slack:Mode"] = "Http",
                ["Slack:SigningSecret"] = "test-signing-secret",
                ["Slack:BotToken"] = "xoxb-placeholder-token",
            },
            s =>
            {
                s.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => slack);
                s.AddSingleton<TimeProvider>(_time);
            });
        var messenger = factory.Services.GetServices<IChannelMessenger>().Single(m => m.Platform == "slack");
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is ChannelPacerDrain { Platform: "slack" });
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is ChannelPacerDrain { Platform: "discord" });

        // One a second and the clock never moves: without the drain, all but the first would wait for ever.
        var posts = Enumerable.Range(0, 5).Select(i => messenger.PostAsync("C1", new BotReply { Title = $"Post {i}" }, null, CancellationToken.None)).ToList();
        await factory.DisposeAsync();

        Assert.All(posts, p => Assert.True(p.IsCompletedSuccessfully));
        Assert.Equal(5, slack.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/chat.postMessage", StringComparison.Ordinal)));
    }

    private static Task<string> Record(List<string> sent, string what)
    {
        lock (sent)
        {
            sent.Add(what);
        }

        return Task.FromResult(what);
    }

    /// <summary>A Discord API whose answers wait until <see cref="Open"/>, so posts can be caught in flight.</summary>
    private sealed class GatedDiscordApi : DelegatingHandler
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GatedDiscordApi()
        {
            InnerHandler = Fake;
            Fake.Respond("/messages", HttpStatusCode.OK, """{"id":"8888888888888888881"}""")
                .Respond("/messages", HttpStatusCode.OK, """{"id":"8888888888888888882"}""")
                .Respond("/messages", HttpStatusCode.OK, """{"id":"8888888888888888883"}""");
        }

        public FakeDiscordApi Fake { get; } = new();

        public Task Arrived => _arrived.Task;

        public void Open() => _open.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            _arrived.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
            return response;
        }
    }
}
