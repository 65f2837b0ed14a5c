using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Commands;
using MlMentorBot.Discord.Rest;

namespace MlMentorBot.Discord.Registration;

/// <summary>
/// Registers the catalog's commands with one bulk-overwrite <c>PUT</c>, but only when the JSON differs from what this
/// machine last registered for the same scope: Discord allows 200 command creates a day, and re-registering on every start
/// is the classic way to hit error 30034. The last hash per scope lives in <see cref="DiscordOptions.RegistrationStateFile"/>.
/// https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
/// </summary>
internal sealed class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options)
{
    public enum Outcome { Registered, Unchanged }

    /// <summary>Validates and PUTs; throws <see cref="InvalidOperationException"/> for rule violations and <see cref="DiscordApiException"/> when Discord refuses.</summary>
    public async Task<Outcome> RegisterAsync(ulong? guildId, bool isForced, CancellationToken cancellationToken)
    {
        var applicationId = ulong.Parse(options.Value.ApplicationId ?? "", CultureInfo.InvariantCulture);
        var commands = CommandRegistration.Build(CommandCatalog.All, isGlobal: guildId is null);
        var problems = CommandRegistration.Validate(commands);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The command catalog breaks Discord's rules:\n  " + string.Join("\n  ", problems));
        }

        var scope = guildId is { } g ? $"guild:{applicationId}:{g}" : $"global:{applicationId}";
        var hash = CommandRegistration.Hash(commands);
        var state = await ReadStateAsync(cancellationToken);
        if (!isForced && state.TryGetValue(scope, out var last) && last == hash)
        {
            return Outcome.Unchanged;
        }

        await rest.SendAsync(DiscordRoute.OverwriteCommands(applicationId, guildId), Encoding.UTF8.GetBytes(commands.ToJsonString()), cancellationToken);
        state[scope] = hash;
        await WriteStateAsync(state, cancellationToken);
        return Outcome.Registered;
    }

    private async Task<Dictionary<string, string>> ReadStateAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.RegistrationStateFile;
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            var node = JsonNode.Parse(await File.ReadAllTextAsync(path, cancellationToken)) as JsonObject;
            return node?.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal) ?? new(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal); // a damaged file only costs one extra PUT
        }
    }

    private async Task WriteStateAsync(Dictionary<string, string> state, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.RegistrationStateFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var json = new JsonObject(state.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        await File.WriteAllTextAsync(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
    }
}
