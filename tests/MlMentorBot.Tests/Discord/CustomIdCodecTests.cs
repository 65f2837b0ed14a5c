using MlMentorBot.Core.Storage;
using MlMentorBot.Discord.Rendering;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Discord;

/// <summary>Command lines in <c>custom_id</c>s: verbatim when they fit, hashed and kept in SQLite when they do not.</summary>
public sealed class CustomIdCodecTests : IDisposable
{
    private static readonly string LongLine = "/ask " + string.Join(' ', Enumerable.Repeat("which certifications help an entry level engineer", 3));
    private readonly CoreServices _core = new();

    public void Dispose() => _core.Dispose();

    [Fact]
    public void A_short_line_travels_verbatim_and_needs_no_storage()
    {
        var codec = new CustomIdCodec();

        var id = codec.EncodeButton("/progress mark roadmap.foundations.math done");

        Assert.Equal("c:/progress mark roadmap.foundations.math done", id);
        Assert.Equal("/progress mark roadmap.foundations.math done", new CustomIdCodec().DecodeButton(id));
    }

    [Fact]
    public void A_long_line_is_hashed_within_100_characters_and_still_decodes_after_a_restart()
    {
        var store = _core.Get<ComponentStateStore>();
        var id = new CustomIdCodec(store).EncodeButton(LongLine);

        var afterRestart = new CustomIdCodec(_core.Get<ComponentStateStore>()); // nothing in memory, same database file

        Assert.StartsWith("c:h:", id);
        Assert.True(id.Length <= CustomIdCodec.MaxLength);
        Assert.Equal(LongLine, afterRestart.DecodeButton(id));
        Assert.Null(afterRestart.DecodeModal(id)); // a button id is not a modal id
        Assert.Null(new CustomIdCodec().DecodeButton(id)); // without storage, a restart forgets it
    }

    [Fact]
    public void The_same_long_line_always_gets_the_same_id()
    {
        var store = _core.Get<ComponentStateStore>();

        var first = new CustomIdCodec(store).EncodeButton(LongLine);
        var second = new CustomIdCodec(store).EncodeButton(LongLine);

        Assert.Equal(first, second);
        Assert.Equal(LongLine, store.Find(first));
    }
}
