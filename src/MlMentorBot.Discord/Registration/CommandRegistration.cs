using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlMentorBot.Core.Commands;

namespace MlMentorBot.Discord.Registration;

/// <summary>
/// Builds the bulk-overwrite body for <c>PUT /applications/{id}[/guilds/{id}]/commands</c> from the core's
/// <see cref="CommandCatalog"/> and checks it against Discord's rules before anything is sent.
/// https://discord.com/developers/docs/interactions/application-commands#application-command-object
/// </summary>
internal static partial class CommandRegistration
{
    /// <summary>MANAGE_GUILD (1 &lt;&lt; 5): moderator-only commands are hidden from other members by default.</summary>
    internal const string ModeratorPermissions = "32";

    private const int MaxCommands = 100;
    private const int MaxOptions = 25;
    private const int MaxChoices = 25;
    private const int MaxCommandCharacters = 8000;

    /// <summary>
    /// The registration JSON. Global commands get <c>contexts: [0, 1]</c> (guilds and the bot's DMs) and
    /// <c>integration_types: [0]</c>; guild commands cannot be used in DMs, so they carry neither.
    /// </summary>
    public static JsonArray Build(IEnumerable<CommandDefinition> commands, bool isGlobal)
    {
        var array = new JsonArray();
        foreach (var command in commands)
        {
            var json = new JsonObject
            {
                ["name"] = command.Name,
                ["type"] = 1,
                ["description"] = command.Description,
            };
            var options = command.Subcommands.Count > 0
                ? new JsonArray(command.Subcommands.Select(s => (JsonNode)new JsonObject
                {
                    ["type"] = 1,
                    ["name"] = s.Name,
                    ["description"] = s.Description,
                    ["options"] = Options(s.Options),
                }).ToArray())
                : Options(command.Options);
            if (options.Count > 0)
            {
                json["options"] = options;
            }

            if (command.IsModeratorOnly)
            {
                json["default_member_permissions"] = ModeratorPermissions;
            }

            if (isGlobal)
            {
                json["contexts"] = new JsonArray(0, 1);
                json["integration_types"] = new JsonArray(0);
            }

            array.Add(json);
        }

        return array;
    }

    private static JsonArray Options(IEnumerable<OptionDefinition> options) => new(options.Select(o =>
    {
        var json = new JsonObject
        {
            ["type"] = (int)o.Type,
            ["name"] = o.Name,
            ["description"] = o.Description,
            ["required"] = o.IsRequired,
        };
        if (o.Choices.Count > 0)
        {
            json["choices"] = new JsonArray(o.Choices.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["value"] = c.Value }).ToArray());
        }

        if (o.Autocomplete != AutocompleteSource.None)
        {
            json["autocomplete"] = true;
        }

        if (o.MinValue is { } min)
        {
            json["min_value"] = min;
        }

        if (o.MaxValue is { } max)
        {
            json["max_value"] = max;
        }

        return (JsonNode)json;
    }).ToArray());

    /// <summary>Every rule the registration breaks, as "command.option: problem" lines; empty when Discord will accept it.</summary>
    public static IReadOnlyList<string> Validate(JsonArray commands)
    {
        var problems = new List<string>();
        if (commands.Count > MaxCommands)
        {
            problems.Add($"{commands.Count} chat commands; Discord allows {MaxCommands}.");
        }

        Unique(commands, "commands", problems);
        foreach (var command in commands.OfType<JsonObject>())
        {
            var name = (string?)command["name"] ?? "";
            CheckNameAndDescription(command, name, problems);
            CheckOptions(command["options"] as JsonArray, name, depth: 0, problems);
            var size = CountCharacters(command);
            if (size > MaxCommandCharacters)
            {
                problems.Add($"{name}: {size} characters of names, descriptions and values; Discord allows {MaxCommandCharacters}.");
            }
        }

        return problems;
    }

    private static void CheckOptions(JsonArray? options, string path, int depth, List<string> problems)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > MaxOptions)
        {
            problems.Add($"{path}: {options.Count} options; Discord allows {MaxOptions}.");
        }

        Unique(options, path, problems);
        var types = options.OfType<JsonObject>().Select(o => (int?)o["type"] ?? 0).ToList();
        if (types.Any(t => t is 1 or 2) && types.Any(t => t is not (1 or 2)))
        {
            problems.Add($"{path}: subcommands cannot sit beside plain options.");
        }

        var seenOptional = false;
        foreach (var option in options.OfType<JsonObject>())
        {
            var name = (string?)option["name"] ?? "";
            var at = $"{path}.{name}";
            CheckNameAndDescription(option, at, problems);
            var type = (int?)option["type"] ?? 0;
            if (type is 1 or 2)
            {
                if (type == 2 && depth > 0 || type == 1 && depth > 1)
                {
                    problems.Add($"{at}: nested too deep (command → group → subcommand at most).");
                }

                CheckOptions(option["options"] as JsonArray, at, depth + 1, problems);
                continue;
            }

            var isRequired = (bool?)option["required"] ?? false;
            if (isRequired && seenOptional)
            {
                problems.Add($"{at}: required options must come before optional ones.");
            }

            seenOptional |= !isRequired;
            if (option["choices"] is JsonArray choices)
            {
                if (choices.Count > MaxChoices)
                {
                    problems.Add($"{at}: {choices.Count} choices; Discord allows {MaxChoices}.");
                }

                if ((bool?)option["autocomplete"] == true)
                {
                    problems.Add($"{at}: autocomplete cannot be combined with choices.");
                }

                if (type is not (3 or 4 or 10))
                {
                    problems.Add($"{at}: only string, integer and number options may have choices.");
                }

                foreach (var choice in choices.OfType<JsonObject>())
                {
                    var choiceName = (string?)choice["name"] ?? "";
                    if (choiceName.Length is < 1 or > 100 || choice["value"]?.ToString() is not { Length: <= 100 })
                    {
                        problems.Add($"{at}: choice '{choiceName}' must have a 1–100 character name and a value of at most 100.");
                    }
                }
            }
        }
    }

    private static void CheckNameAndDescription(JsonObject node, string path, List<string> problems)
    {
        var name = (string?)node["name"] ?? "";
        if (!NamePattern().IsMatch(name) || name != name.ToLowerInvariant())
        {
            problems.Add($"{path}: name '{name}' must be 1–32 lowercase letters, digits, '-', '_' or '\\''.");
        }

        var description = (string?)node["description"] ?? "";
        if (description.Length is < 1 or > 100)
        {
            problems.Add($"{path}: description must be 1–100 characters (it is {description.Length}).");
        }
    }

    private static void Unique(JsonArray nodes, string path, List<string> problems)
    {
        foreach (var duplicate in nodes.OfType<JsonObject>().GroupBy(n => (string?)n["name"]).Where(g => g.Count() > 1))
        {
            problems.Add($"{path}: '{duplicate.Key}' appears {duplicate.Count()} times.");
        }
    }

    /// <summary>Name, description and choice names/values summed over the command and all of its options.</summary>
    internal static int CountCharacters(JsonObject node)
    {
        var total = ((string?)node["name"])?.Length ?? 0;
        total += ((string?)node["description"])?.Length ?? 0;
        if (node["choices"] is JsonArray choices)
        {
            total += choices.OfType<JsonObject>().Sum(c => (((string?)c["name"])?.Length ?? 0) + (c["value"]?.ToString().Length ?? 0));
        }

        if (node["options"] is JsonArray options)
        {
            total += options.OfType<JsonObject>().Sum(CountCharacters);
        }

        return total;
    }

    /// <summary>SHA-256 of the JSON as sent, hex; equal hashes mean an unchanged command set.</summary>
    public static string Hash(JsonArray commands) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(commands.ToJsonString(new JsonSerializerOptions { WriteIndented = false }))));

    // Discord's pattern also allows Devanagari and Thai scripts, which .NET's regex cannot name; the catalog is ASCII.
    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
