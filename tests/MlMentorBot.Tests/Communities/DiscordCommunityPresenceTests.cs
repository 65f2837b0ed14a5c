using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core;
using MlMentorBot.Core.CheckIns;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Communities;
using MlMentorBot.Core.Messaging;
using MlMentorBot.Core.Moderation;
using MlMentorBot.Discord;
using MlMentorBot.Discord.Gateway;
using MlMentorBot.Discord.Interactions;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Discord.Rest;
using MlMentorBot.Tests.Discord;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Communities;

/// <summary>
/// A Discord guild the bot can no longer reach stops getting scheduled posts (issue #12), through the real pieces: the
/// Gateway shard receiving <c>GUILD_DELETE</c> from an in-process Gateway, and the REST messenger reading Discord's JSON error
/// codes from a fake REST API. The scheduler runs on a <see cref="FakeTimeProvider"/>; the database is a temporary SQLite file.
/// </summary>
public sealed class DiscordCommunityPresenceTests : IAsyncLifetime
{
    // Monday 23 November 2026, 09:30 UTC: the default schedule's prompts (Mondays 09:00 UTC) are due.
    private static readonly DateTimeOffset PromptsDue = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeDiscordApi _api = new();
    private readonly TestStorage _storage = TestStorage.Sqlite();
    private readonly TempDir _root = new();
    private readonly ServiceProvider _services;
    private FakeGateway _gateway = null!;

    public DiscordCommunityPresenceTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_storage.With(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["Moderation:IsWatchEnabled"] = "false",
        })).Build();
        var rest = FakeRest.Client(_api);
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(new ContentRoot(_root.Path))
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(rest)
            // The adapter's real messenger; its pacer on the real clock with no spacing, so posts never wait on the test's clock.
            .AddSingleton<IChannelMessenger>(new DiscordChannelMessenger(rest, new MessageRenderer(new CustomIdCodec()), new ChannelPacer(TimeProvider.System, TimeSpan.Zero)));
        services.AddKnowledge(configuration).AddProgressStore(configuration).AddCommands().AddCheckIns(configuration).AddModeration(configuration);
        _services = services.BuildServiceProvider();
    }

    public async Task InitializeAsync() => _gateway = await FakeGateway.StartAsync();

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _services.DisposeAsync();
        _root.Dispose();
        _storage.Dispose();
    }

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    private async Task<StudyGroup> CreateGroupAsync(string guildId, string channelId, string name)
    {
        var owner = new MemberKey("discord", guildId, "5" + channelId);
        await Get<ICommandDispatcher>().DispatchTextAsync($"/group create {name}", owner, r => r with { ChannelId = channelId }, CancellationToken.None);
        return (await Get<StudyGroupStore>().FindByNameAsync(owner, name, CancellationToken.None))!;
    }

    private static string DiscordError(int code, string message) => $$"""{"message":"{{message}}","code":{{code}}}""";

    private bool PostedTo(string channelId) => _api.To($"channels/{channelId}/messages").Count > 0;

    [Fact]
    public async Task GUILD_DELETE_from_the_gateway_stops_that_guilds_scheduled_posts_and_GUILD_CREATE_resumes_them()
    {
        await CreateGroupAsync("1111111111111111111", "9000000000000000001", "left-guild");
        await CreateGroupAsync("2222222222222222222", "9000000000000000002", "staying-guild");
        var options = FakeRest.Options();
        for (var i = 0; i < 5; i++)
        {
            _api.Respond("gateway/bot", HttpStatusCode.OK, DiscordFixtures.Text("gateway_bot.json").Replace("GATEWAY_URL", _gateway.GatewayUrl));
        }

        var codec = new CustomIdCodec();
        var handler = new InteractionHandler(Get<ICommandDispatcher>(), new MessageRenderer(codec), codec, Get<DiscordRestClient>(), Options.Create(options),
            TimeProvider.System, NullLogger<InteractionHandler>.Instance);
        var presence = new GuildPresence(Get<CommunityStore>(), NullLogger<GuildPresence>.Instance);
        using var service = new DiscordGatewayService(Options.Create(options), Get<DiscordRestClient>(), handler, GatewayTestDatabase.Create(_root),
            TimeProvider.System, NullLogger<DiscordGatewayService>.Instance, new GatewayTimings { IdentifySpacing = TimeSpan.Zero, IdentifyMargin = TimeSpan.Zero }, presence);
        await service.StartAsync(CancellationToken.None);
        try
        {
            var connection = await _gateway.NextConnectionAsync();
            await connection.HelloAsync();
            await connection.ReceiveAsync(2);
            await connection.ReadyAsync(_gateway.ResumeUrl);

            await connection.DispatchAsync("GUILD_DELETE", """{"id":"1111111111111111111"}""");
            await WaitUntilAsync(async () => (await Get<CommunityStore>().LeftAsync(CancellationToken.None)).Contains("discord:1111111111111111111"));
            _time.SetUtcNow(PromptsDue);
            await Get<CheckInScheduler>().RunDueAsync(CancellationToken.None);

            Assert.False(PostedTo("9000000000000000001"));
            Assert.True(PostedTo("9000000000000000002"));

            await connection.DispatchAsync("GUILD_CREATE", """{"id":"1111111111111111111","name":"Back again","unavailable":false}""");
            await WaitUntilAsync(async () => (await Get<CommunityStore>().LeftAsync(CancellationToken.None)).Count == 0);
            Assert.Contains(await Get<StudyGroupStore>().ListActiveAsync(CancellationToken.None), g => g.Name == "left-guild");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Missing_access_and_unknown_guild_mark_the_guild_left_while_unknown_channel_pauses_only_its_group()
    {
        await CreateGroupAsync("1111111111111111111", "9000000000000000001", "no-access");
        await CreateGroupAsync("3333333333333333333", "9000000000000000003", "guild-gone");
        var deletedChannel = await CreateGroupAsync("2222222222222222222", "9000000000000000002", "channel-gone");
        var sameGuild = await CreateGroupAsync("2222222222222222222", "9000000000000000004", "still-here");
        // Discord's JSON error bodies (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes).
        _api.Respond("channels/9000000000000000001/messages", HttpStatusCode.Forbidden, DiscordError(50001, "Missing Access"));
        _api.Respond("channels/9000000000000000003/messages", HttpStatusCode.NotFound, DiscordError(10004, "Unknown Guild"));
        _api.Respond("channels/9000000000000000002/messages", HttpStatusCode.NotFound, DiscordError(10003, "Unknown Channel"));
        _api.Respond("channels/9000000000000000004/messages", HttpStatusCode.OK, """{"id":"8000000000000000004","channel_id":"9000000000000000004"}""");
        _time.SetUtcNow(PromptsDue);

        await Get<CheckInScheduler>().RunDueAsync(CancellationToken.None);

        var left = await Get<CommunityStore>().LeftAsync(CancellationToken.None);
        Assert.Equal(["discord:1111111111111111111", "discord:3333333333333333333"], left.Order());
        Assert.True((await Get<StudyGroupStore>().GetAsync(deletedChannel.Id, CancellationToken.None))!.IsPaused);
        Assert.False((await Get<StudyGroupStore>().GetAsync(sameGuild.Id, CancellationToken.None))!.IsPaused);
        Assert.Equal(["still-here"], (await Get<StudyGroupStore>().ListActiveAsync(CancellationToken.None)).Select(g => g.Name));

        // A week later nothing is tried where the bot cannot post.
        var before = _api.Requests.Count;
        _api.Respond("channels/9000000000000000004/messages", HttpStatusCode.OK, """{"id":"8000000000000000005","channel_id":"9000000000000000004"}""");
        _time.Advance(TimeSpan.FromDays(7));
        await Get<CheckInScheduler>().RunDueAsync(CancellationToken.None);
        Assert.All(_api.Requests.Skip(before), r => Assert.Contains("9000000000000000004", r.Path));
    }

    [Fact]
    public async Task In_HTTP_mode_a_guild_invited_back_is_found_by_listing_the_bots_guilds_page_by_page_and_its_posts_resume()
    {
        await CreateGroupAsync("1111111111111111111", "9000000000000000001", "came-back");
        var communities = Get<CommunityStore>();
        await communities.MarkLeftAsync("discord:1111111111111111111", "Missing Access (50001) on a scheduled post", CancellationToken.None);
        await communities.MarkLeftAsync("discord:3333333333333333333", "Unknown Guild (10004) on a scheduled post", CancellationToken.None);
        // GET /users/@me/guilds pages by ascending id: a full first page of other guilds, then the rest.
        var firstPage = "[" + string.Join(",", Enumerable.Range(0, GuildReturnCheck.PageSize).Select(i => $$"""{"id":"{{1000000000000000000L + i}}","name":"g{{i}}"}""")) + "]";
        _api.Respond("users/@me/guilds", HttpStatusCode.OK, firstPage)
            .Respond("users/@me/guilds", HttpStatusCode.OK, """[{"id":"1111111111111111111","name":"Back again"},{"id":"2222222222222222222","name":"Other"}]""");

        var check = NewCheck();
        Assert.Equal(1, await check.CheckOnceAsync(CancellationToken.None));

        Assert.Equal(["discord:3333333333333333333"], await communities.LeftAsync(CancellationToken.None));
        var calls = _api.To("users/@me/guilds");
        Assert.Equal(["?limit=200", $"?limit=200&after={1000000000000000000L + GuildReturnCheck.PageSize - 1}"], calls.Select(c => c.Query));
        Assert.All(calls, c => Assert.Equal("Bot test-bot-token", c.Authorization));
        _api.Respond("channels/9000000000000000001/messages", HttpStatusCode.OK, """{"id":"8000000000000000001","channel_id":"9000000000000000001"}""");
        _time.SetUtcNow(PromptsDue);
        await Get<CheckInScheduler>().RunDueAsync(CancellationToken.None);
        Assert.True(PostedTo("9000000000000000001"));
    }

    [Fact]
    public async Task With_no_guild_marked_left_the_HTTP_mode_guild_check_asks_Discord_nothing()
    {
        Assert.Equal(0, await NewCheck().CheckOnceAsync(CancellationToken.None));
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task The_HTTP_mode_guild_check_runs_at_start_and_again_every_interval()
    {
        var communities = Get<CommunityStore>();
        await communities.MarkLeftAsync("discord:1111111111111111111", "Missing Access (50001) on a scheduled post", CancellationToken.None);
        _api.Respond("users/@me/guilds", HttpStatusCode.OK, "[]").Respond("users/@me/guilds", HttpStatusCode.OK, """[{"id":"1111111111111111111"}]""");
        using var check = NewCheck();
        await check.StartAsync(CancellationToken.None);
        try
        {
            await _api.WaitForAsync("users/@me/guilds"); // at start: not invited back yet
            Assert.Equal(["discord:1111111111111111111"], await communities.LeftAsync(CancellationToken.None));

            _time.Advance(TimeSpan.FromMinutes(15)); // Discord:GuildCheckInterval's default
            await WaitUntilAsync(async () => (await communities.LeftAsync(CancellationToken.None)).Count == 0);
            Assert.Equal(2, _api.To("users/@me/guilds").Count);
        }
        finally
        {
            await check.StopAsync(CancellationToken.None);
        }
    }

    private GuildReturnCheck NewCheck() => new(Options.Create(FakeRest.Options(o => o.Mode = DiscordMode.Http)), Get<DiscordRestClient>(),
        Get<CommunityStore>(), _time, NullLogger<GuildReturnCheck>.Instance);

    /// <summary>Waits for something to happen (never to prove that something did not).</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
