using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Discord.Rendering;

/// <summary>
/// Puts a command line into a component or modal <c>custom_id</c> (1–100 characters, the state a press or submit carries back;
/// https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id).
/// Short lines travel verbatim (<c>c:/progress mark … done</c>); longer ones become a stable hash (<c>h:…</c>) whose line is
/// kept in memory and, when a <see cref="ComponentStateStore"/> is given, in SQLite, so the button still works after a restart.
/// </summary>
internal sealed class CustomIdCodec(ComponentStateStore? store = null, ILogger<CustomIdCodec>? logger = null)
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
            Persist(id, commandLine);
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
            return _byHash.TryGetValue(customId, out var line) ? line : Recall(customId);
        }

        return customId[prefix.Length..];
    }

    private void Persist(string id, string commandLine)
    {
        try
        {
            store?.Remember(id, commandLine);
        }
        catch (SqliteException ex)
        {
            // The button still works until a restart; losing that is better than failing the reply.
            logger?.LogWarning("Could not keep the command line behind {CustomId}: {Error}", id, ex.Message);
        }
    }

    private string? Recall(string id)
    {
        try
        {
            return store?.Find(id);
        }
        catch (SqliteException ex)
        {
            logger?.LogWarning("Could not read the command line behind {CustomId}: {Error}", id, ex.Message);
            return null;
        }
    }
}
