using MlMentorBot.Discord;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Discord;

/// <summary><c>Discord:ShardCount</c> and <c>Discord:ShardIds</c> as the start-up validation reads them (issue #11).</summary>
public sealed class GatewayShardSettingsTests
{
    private static List<string> Failures(string? shardCount, string? shardIds, DiscordMode mode = DiscordMode.Gateway) =>
        [.. new DiscordOptionsValidator().Validate(null, FakeRest.Options(o =>
        {
            o.Mode = mode;
            o.PublicKey = new string('a', 64);
            o.ShardCount = shardCount!;
            o.ShardIds = shardIds;
        })).Failures ?? []];

    [Theory]
    [InlineData("1", null)]
    [InlineData("1", "")]
    [InlineData("auto", null)]
    [InlineData("AUTO", "")]
    [InlineData("4", "0,1")]
    [InlineData("4", "2-3")]
    [InlineData("16", "0-3, 8, 10-11")]
    [InlineData(" 2 ", " 1 ")]
    [InlineData("", null)] // unset in a configuration source that binds empty strings: one shard
    public void Usable_shard_settings_pass(string shardCount, string? shardIds) => Assert.Empty(Failures(shardCount, shardIds));

    [Theory]
    [InlineData("0", null, "Discord:ShardCount is '0', which is neither a whole number from 1 to 65536 nor auto.")]
    [InlineData("two", null, "Discord:ShardCount is 'two', which is neither a whole number from 1 to 65536 nor auto.")]
    [InlineData("-1", null, "Discord:ShardCount is '-1'")]
    [InlineData("4", "4", "Discord:ShardIds has shard 4, outside 0–3 for Discord:ShardCount 4 (shard ids start at 0).")]
    [InlineData("4", "2-5", "Discord:ShardIds has shard 4, outside 0–3 for Discord:ShardCount 4")]
    [InlineData("auto", "0,1", "Discord:ShardIds cannot be used with Discord:ShardCount auto: auto only works when this process runs every shard.")]
    [InlineData("4", "a,b", "Discord:ShardIds is 'a,b': give shard ids separated by commas (0,1) or a range (0-3).")]
    [InlineData("4", "0;1", "Discord:ShardIds is '0;1'")]
    [InlineData("4", "0,", "Discord:ShardIds is '0,'")]
    [InlineData("4", "3-1", "Discord:ShardIds has the range '3-1', which is empty")]
    [InlineData("4", "0,0-1", "Discord:ShardIds lists shard 0 twice.")]
    public void Unusable_shard_settings_are_named_in_one_line(string shardCount, string? shardIds, string expected)
    {
        var failure = Assert.Single(Failures(shardCount, shardIds));

        Assert.StartsWith(expected, failure);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void Http_mode_is_stateless_and_ignores_shard_settings() =>
        Assert.Empty(Failures("auto", "0-3", DiscordMode.Http));

    [Fact]
    public async Task The_host_refuses_to_start_with_auto_and_a_partial_set_of_shards()
    {
        using var temp = new TempDir();

        var (exit, _, errors) = await HostProcess.RunAsync(temp.Path, HostProcess.ServerArgs(temp.Path,
            "--Discord:Enabled=true", "--Discord:ApplicationId=1143372838210596935", "--Discord:BotToken=test-token",
            "--Discord:ShardCount=auto", "--Discord:ShardIds=0-1"));

        Assert.Equal(1, exit);
        Assert.StartsWith("Configuration error: Discord:ShardIds cannot be used with Discord:ShardCount auto", errors.Trim());
        Assert.DoesNotContain("   at ", errors);
    }
}
