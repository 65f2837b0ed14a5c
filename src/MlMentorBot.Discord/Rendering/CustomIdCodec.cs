using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using MlMentorBot.Core.Replies;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Discord.Rendering;

/// <summary>
/// Puts a command line into a component or modal <c>custom_id</c> (1–100 characters, the state a press or submit carries back;
/// https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id).
/// Short lines travel verbatim (<c>c:/progress mark … done</c>); longer ones become a stable hash (<c>h:…</c>) whose line is
/// kept in memory and, when a <see cref="ComponentStateStore"/> is given, in the database, so the button still works after a
/// restart. Encoding and decoding are synchronous (the renderer needs them so); the database is written by
/// <see cref="KeepAsync"/> before a message is sent and read by <see cref="RecallAsync"/> before an interaction is decoded.
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

    /// <summary>
    /// The command line of a button's custom id; null when it is not ours or a hashed id is not in memory (after a restart,
    /// <see cref="RecallAsync"/> loads it first).
    /// </summary>
    public string? DecodeButton(string? customId) => Decode(ButtonPrefix, customId);

    public string? DecodeModal(string? customId) => Decode(ModalPrefix, customId);

    /// <summary>
    /// Stores the command lines behind the hashed ids of <paramref name="reply"/>'s buttons and form, so they still decode after
    /// a restart. Call before rendering a reply that will be sent; a database fault is logged and the ids work until a restart.
    /// </summary>
    public async Task KeepAsync(BotReply reply, CancellationToken cancellationToken)
    {
        foreach (var action in reply.Actions)
        {
            await KeepLineAsync(ButtonPrefix, action.CommandLine, cancellationToken);
        }

        if (reply.Modal is { } form)
        {
            await KeepLineAsync(ModalPrefix, form.CommandLine, cancellationToken);
        }
    }

    /// <summary>Loads the command line behind a hashed <paramref name="customId"/> from the database when memory lost it (a restart).</summary>
    public async Task RecallAsync(string? customId, CancellationToken cancellationToken)
    {
        if (store is null || customId is null || _byHash.ContainsKey(customId) || !IsHashed(customId))
        {
            return;
        }

        try
        {
            if (await store.FindAsync(customId, cancellationToken) is { } line)
            {
                Add(customId, line);
            }
        }
        catch (StorageUnavailableException ex)
        {
            logger?.LogWarning("Could not read the command line behind {CustomId}: {Error}", customId, ex.Message);
        }
    }

    private async Task KeepLineAsync(string prefix, string commandLine, CancellationToken cancellationToken)
    {
        if (store is null || Hashed(prefix, commandLine) is not { } id || _byHash.ContainsKey(id))
        {
            return;
        }

        try
        {
            await store.RememberAsync(id, commandLine, cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            // The button still works until a restart; losing that is better than failing the reply.
            logger?.LogWarning("Could not keep the command line behind {CustomId}: {Error}", id, ex.Message);
        }

        Add(id, commandLine);
    }

    private string Encode(string prefix, string commandLine)
    {
        if (Hashed(prefix, commandLine) is not { } id)
        {
            return prefix + commandLine;
        }

        Add(id, commandLine);
        return id;
    }

    /// <summary>The hashed id for a line too long to travel verbatim; null when it fits.</summary>
    private static string? Hashed(string prefix, string commandLine)
    {
        if (prefix.Length + commandLine.Length <= MaxLength)
        {
            return null;
        }

        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(commandLine)), 0, 18)
            .Replace('+', '-').Replace('/', '_');
        return prefix + HashedMarker + hash;
    }

    private static bool IsHashed(string customId) =>
        (customId.StartsWith(ButtonPrefix, StringComparison.Ordinal) || customId.StartsWith(ModalPrefix, StringComparison.Ordinal))
        && customId.AsSpan(ButtonPrefix.Length).StartsWith(HashedMarker);

    private void Add(string id, string commandLine)
    {
        if (_byHash.TryAdd(id, commandLine))
        {
            _order.Enqueue(id);
            while (_byHash.Count > MaxRemembered && _order.TryDequeue(out var oldest))
            {
                _byHash.TryRemove(oldest, out _);
            }
        }
    }

    private string? Decode(string prefix, string? customId)
    {
        if (customId is null || !customId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (customId.AsSpan(prefix.Length).StartsWith(HashedMarker))
        {
            return _byHash.GetValueOrDefault(customId);
        }

        return customId[prefix.Length..];
    }
}
