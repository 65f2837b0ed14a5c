using MlMentorBot.Core.Replies;
using MlMentorBot.Core.Storage;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Storage;

namespace MlMentorBot.Tests.Discord;

/// <summary>Command lines in <c>custom_id</c>s: verbatim when they fit, hashed and kept in SQLite when they do not.</summary>
public abstract class CustomIdCodecTests : IDisposable
{
    private static readonly string LongLine = "/ask " + string.Join(' ', Enumerable.Repeat("which certifications help an entry level engineer", 3));
    private readonly TestStorage _storage;
    private readonly CoreServices _core;

    protected CustomIdCodecTests(TestStorage storage)
    {
        _storage = storage;
        _core = new CoreServices(storage: storage.Settings);
    }

    public void Dispose()
    {
        _core.Dispose();
        _storage.Dispose();
    }

    [SkippableFact]
    public void A_short_line_travels_verbatim_and_needs_no_storage()
    {
        var codec = new CustomIdCodec();

        var id = codec.EncodeButton("/progress mark roadmap.foundations.math done");

        Assert.Equal("c:/progress mark roadmap.foundations.math done", id);
        Assert.Equal("/progress mark roadmap.foundations.math done", new CustomIdCodec().DecodeButton(id));
    }

    [SkippableFact]
    public async Task A_long_line_is_hashed_within_100_characters_and_still_decodes_after_a_restart()
    {
        var store = _core.Get<ComponentStateStore>();
        var codec = new CustomIdCodec(store);
        await codec.KeepAsync(Reply(LongLine), CancellationToken.None); // what the renderer does before a message is sent
        var id = codec.EncodeButton(LongLine);

        var afterRestart = new CustomIdCodec(_core.Get<ComponentStateStore>()); // nothing in memory, same database file
        Assert.Null(afterRestart.DecodeButton(id)); // not loaded yet
        await afterRestart.RecallAsync(id, CancellationToken.None); // what the interaction handler does before decoding

        Assert.StartsWith("c:h:", id);
        Assert.True(id.Length <= CustomIdCodec.MaxLength);
        Assert.Equal(LongLine, afterRestart.DecodeButton(id));
        Assert.Null(afterRestart.DecodeModal(id)); // a button id is not a modal id
        Assert.Null(new CustomIdCodec().DecodeButton(id)); // without storage, a restart forgets it
    }

    [SkippableFact]
    public async Task The_same_long_line_always_gets_the_same_id()
    {
        var store = _core.Get<ComponentStateStore>();
        await new CustomIdCodec(store).KeepAsync(Reply(LongLine), CancellationToken.None);

        var first = new CustomIdCodec(store).EncodeButton(LongLine);
        var second = new CustomIdCodec(store).EncodeButton(LongLine);

        Assert.Equal(first, second);
        Assert.Equal(LongLine, await store.FindAsync(first, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_store_that_cannot_be_written_still_leaves_a_working_button_until_a_restart()
    {
        var store = _core.Get<ComponentStateStore>();
        var codec = new CustomIdCodec(store);
        await store.FindAsync("warm-up", CancellationToken.None); // migrated
        File.Delete(_core.DatabasePath);

        await codec.KeepAsync(Reply(LongLine), CancellationToken.None); // logged, not thrown

        Assert.Equal(LongLine, codec.DecodeButton(codec.EncodeButton(LongLine)));
    }

    private static BotReply Reply(string line) => new() { Title = "t", Actions = [new SuggestedAction("Ask", line)] };
}

public sealed class CustomIdCodecOnSqliteTests() : CustomIdCodecTests(TestStorage.Sqlite());

[Collection(PostgresCluster.Collection)]
public sealed class CustomIdCodecOnPostgresTests(PostgresCluster cluster) : CustomIdCodecTests(TestStorage.Postgres(cluster));
