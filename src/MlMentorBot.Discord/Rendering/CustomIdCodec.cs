using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MlMentorBot.Discord.Rendering;

/// <summary>
/// Puts a command line into a component or modal <c>custom_id</c> (1–100 characters, the state a press or submit carries back;
/// https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id).
/// Short lines travel verbatim (<c>c:/progress mark … done</c>, survive restarts); longer ones become a stable hash
/// (<c>h:…</c>) remembered in memory for the life of the process, since Discord gives us nowhere else to keep them.
/// </summary>
internal sealed class CustomIdCodec
{
    public const int MaxLength = 100;
    private const int MaxRemembered = 10_000;
    private const string ButtonPrefix = "c:";
    private const string ModalPrefix = "m:";
    private const string HashedMarker = "h:";

    private readonly ConcurrentDictionary<string, string> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public string EncodeButton(string commandLine) => Encode(ButtonPrefix, commandLine);

    public string EncodeModal(string commandLine) => Encode(ModalPrefix, commandLine);

    /// <summary>The command line of a button's custom id; null when it is not ours or a hashed id was forgotten (restart).</summary>
    public string? DecodeButton(string? customId) => Decode(ButtonPrefix, customId);

    public string? DecodeModal(string? customId) => Decode(ModalPrefix, customId);

    private string Encode(string prefix, string commandLine)
    {
        var plain = prefix + commandLine;
        if (plain.Length <= MaxLength)
        {
            return plain;
        }

        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(commandLine)), 0, 18)
            .Replace('+', '-').Replace('/', '_');
        var id = prefix + HashedMarker + hash;
        if (_byHash.TryAdd(id, commandLine))
        {
            _order.Enqueue(id);
            while (_byHash.Count > MaxRemembered && _order.TryDequeue(out var oldest))
            {
                _byHash.TryRemove(oldest, out _);
            }
        }

        return id;
    }

    private string? Decode(string prefix, string? customId)
    {
        if (customId is null || !customId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (customId.AsSpan(prefix.Length).StartsWith(HashedMarker))
        {
            return _byHash.TryGetValue(customId, out var line) ? line : null;
        }

        return customId[prefix.Length..];
    }
}
