using System.Text;
using System.Text.RegularExpressions;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Commands;

/// <summary>The outcome of parsing typed text: either a request (<see cref="Request"/>) or a usage reply (<see cref="Problem"/>).</summary>
public sealed record CommandParseResult(CommandRequest? Request, BotReply? Problem)
{
    /// <summary>True when <see cref="Request"/> is set; otherwise <see cref="Problem"/> holds the usage reply.</summary>
    public bool IsSuccess => Request is not null;
}

/// <summary>
/// Parses commands the way Slack and the local chat deliver them: <c>/salary entry</c>, <c>/salary level:entry</c>,
/// <c>/progress mark roadmap.foundations.math done</c>, <c>/checkin done:"shipped it" next:'more'</c>.
/// Positional words fill the options in catalog order; <c>name:value</c> sets one by name; double, single and curly quotes
/// group words. Never throws for bad input: unknown commands, subcommands and choices, missing or surplus arguments come back
/// as a <see cref="CommandParseResult.Problem"/> that shows the usage and the closest matches.
/// </summary>
public static partial class CommandTextParser
{
    /// <summary>
    /// Longest option value accepted, in UTF-16 characters: Discord's own cap on a STRING option
    /// (https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-structure,
    /// <c>max_length</c> 1–6000). Longer values are refused before any work, since matching them against the knowledge costs CPU.
    /// </summary>
    public const int MaxOptionLength = 6000;

    /// <summary>Parses a whole line such as <c>/progress mark roadmap.foundations.math done</c>.</summary>
    public static CommandParseResult Parse(string line, MemberKey member) => Parse(new CommandInput(line), member);

    /// <summary>Parses Slack's split form: <paramref name="commandName"/> is <c>/salary</c>, <paramref name="text"/> is <c>entry</c>.</summary>
    public static CommandParseResult Parse(string commandName, string text, MemberKey member) =>
        Parse(commandName, text, EmptyFields, [], member);

    /// <summary>
    /// Parses <see cref="CommandInput.CommandLine"/>, then applies <see cref="CommandInput.Fields"/> as named options and
    /// <see cref="CommandInput.MentionedUserIds"/> to the command's user options, both without going through the tokenizer.
    /// </summary>
    public static CommandParseResult Parse(CommandInput input, MemberKey member)
    {
        var trimmed = input.CommandLine.Trim();
        var space = trimmed.IndexOfAny([' ', '\t']);
        var name = space < 0 ? trimmed : trimmed[..space];
        var text = space < 0 ? "" : trimmed[(space + 1)..];
        return Parse(name, text, input.Fields, input.MentionedUserIds, member);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyFields = new Dictionary<string, string>();

    private static CommandParseResult Parse(
        string commandName,
        string text,
        IReadOnlyDictionary<string, string> fields,
        IReadOnlyList<string> mentions,
        MemberKey member)
    {
        var name = commandName.Trim().TrimStart('/');
        var command = CommandCatalog.Find(name);
        if (command is null)
        {
            return Fail(UnknownCommand(name.Length > 64 ? name[..64] : name));
        }

        if (text.Length > MaxOptionLength || fields.Values.Any(v => v.Length > MaxOptionLength))
        {
            return Fail(Usage(command, null, $"That is longer than the {MaxOptionLength} characters a command takes.", []));
        }

        var tokens = Tokenize(text);
        SubcommandDefinition? subcommand = null;
        if (command.Subcommands.Count > 0)
        {
            if (tokens.Count == 0)
            {
                // A bare "/progress" means its first subcommand ("show"), as members expect.
                subcommand = command.Subcommands[0];
            }
            else
            {
                subcommand = command.FindSubcommand(tokens[0].Value);
                if (subcommand is null)
                {
                    var near = CloseMatches.Find(tokens[0].Value, command.Subcommands.Select(s => s.Name));
                    return Fail(Usage(command, null, $"`/{command.Name}` has no subcommand `{tokens[0].Value}`.", near.Select(n => $"/{command.Name} {n}")));
                }

                tokens.RemoveAt(0);
            }
        }

        var options = subcommand?.Options ?? command.Options;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = 0;
        OptionDefinition? openName = null;
        // Options filled by position, in order, for the "a name of several words?" hint below; none for a bare "/roadmap".
        List<(OptionDefinition Option, string Word)>? byPosition = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var named = token.IsQuoted ? null : NamedOption().Match(token.Value);
            if (named is { Success: true } && options.FirstOrDefault(o => o.Name.Equals(named.Groups[1].Value, StringComparison.OrdinalIgnoreCase)) is { } byName)
            {
                var value = named.Groups[2].Value;
                if (value.Length == 0 && i + 1 < tokens.Count && tokens[i + 1].IsQuoted)
                {
                    value = tokens[++i].Value; // name: "quoted value" with a space after the colon
                }

                values[byName.Name] = value;
                openName = null;
                continue;
            }

            while (positional < options.Count && values.ContainsKey(options[positional].Name))
            {
                positional++;
            }

            if (openName is not null && !token.IsQuoted && !IsMention(token.Value)
                && (positional >= options.Count || options[positional].Type == OptionType.User))
            {
                // "/resources online courses", "/salary entry level", "/roadmap core skills @bob": Slack and the chat deliver a
                // topic's name of several words unquoted, so a word no other option takes is the name's next word.
                values[openName.Name] += " " + token.Value;
                continue;
            }

            openName = null;
            if (positional >= options.Count)
            {
                // "/group join ml study": the stray words may be the rest of a name.
                var run = byPosition is [.., var last] && !token.IsQuoted && !IsMention(token.Value)
                    ? [last, .. tokens.Skip(i).TakeWhile(t => !t.IsQuoted && !IsMention(t.Value)).Select(t => ((OptionDefinition?)null, t.Value))]
                    : new List<(OptionDefinition? Option, string Word)>();
                return Fail(Usage(command, subcommand, $"I did not expect `{token.Value}` there." + SeveralWordsHint(command, subcommand, run), []));
            }

            var option = options[positional];
            if (option.Type != OptionType.User && !option.TakesRest && !token.IsQuoted && IsMention(token.Value)
                && options.FirstOrDefault(o => o.Type == OptionType.User && !values.ContainsKey(o.Name)) is { } aimAt)
            {
                // "/roadmap @bob": a bare mention names the member to aim at, never the stage.
                values[aimAt.Name] = token.Value;
                continue;
            }

            if (option.TakesRest)
            {
                var end = text.Length;
                // "/ask how much do they earn @bob": a trailing mention aims the answer rather than being part of the question.
                var userOption = options.FirstOrDefault(o => o.Type == OptionType.User && !values.ContainsKey(o.Name));
                if (userOption is not null && tokens.Count > i + 1 && IsMention(tokens[^1].Value))
                {
                    values[userOption.Name] = tokens[^1].Value;
                    end = tokens[^1].Start;
                }

                values[option.Name] = text[token.Start..end].Trim().Trim('"', '“', '”');
                break;
            }

            if (option.Type == OptionType.User && !IsMention(token.Value))
            {
                // A stray word must not silently become "aim this at a member called <word>".
                return Fail(Usage(command, subcommand, $"I did not expect `{token.Value}` there (to aim the answer at someone, mention them: `@name`).", []));
            }

            values[option.Name] = token.Value;
            (byPosition ??= []).Add((option, token.Value));
            openName = !token.IsQuoted && NamesAnEntry(option) ? option : null;
        }

        foreach (var (field, value) in fields)
        {
            if (options.FirstOrDefault(o => o.Name.Equals(field, StringComparison.OrdinalIgnoreCase)) is { } byName)
            {
                values[byName.Name] = value;
            }
        }

        foreach (var userId in mentions)
        {
            // "user:<@U1|bob>" arrives as "user:" plus the mention, so an empty user option is still free.
            if (options.FirstOrDefault(o => o.Type == OptionType.User && string.IsNullOrWhiteSpace(values.GetValueOrDefault(o.Name))) is not { } userOption)
            {
                return Fail(Usage(command, subcommand, "That command does not take a member to aim at.", []));
            }

            values[userOption.Name] = userId;
        }

        foreach (var option in options)
        {
            if (!values.TryGetValue(option.Name, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                if (option.IsRequired)
                {
                    var missing = Usage(command, subcommand, $"`{option.Name}` is missing: {option.Description}.", []);
                    // "/progress mark sql": everything but a choice was typed, so each choice is a button that completes it.
                    var typed = $"/{command.Name} {text.Trim()}";
                    return Fail(option.Choices.Count == 0 || text.Trim().Length == 0 || fields.Count > 0 || mentions.Count > 0 ? missing : missing with
                    {
                        Actions = [.. option.Choices.Select(c => new SuggestedAction(c.Name, $"{typed} {c.Value}")), .. missing.Actions],
                    });
                }

                values.Remove(option.Name);
                continue;
            }

            var (normalized, problem) = Normalize(option, raw.Trim());
            if (problem is not null)
            {
                var near = option.Choices.Count > 0 ? CloseMatches.Find(raw, option.Choices.Select(c => c.Value)) : [];
                var at = byPosition?.FindIndex(p => p.Option == option) ?? -1;
                var run = at < 1 ? [] : byPosition!.Skip(at - 1).Select(p => ((OptionDefinition?)p.Option, p.Word)).ToList();
                return Fail(Usage(command, subcommand, problem + SeveralWordsHint(command, subcommand, run), near.Select(n => $"{option.Name}:{n}")));
            }

            values[option.Name] = normalized!;
        }

        return new CommandParseResult(new CommandRequest(command.Name, subcommand?.Name, values, member), null);
    }

    private static (string? Value, string? Problem) Normalize(OptionDefinition option, string raw)
    {
        if (option.Choices.Count > 0)
        {
            var choice = option.Choices.FirstOrDefault(c =>
                c.Value.Equals(raw, StringComparison.OrdinalIgnoreCase) || c.Name.Equals(raw, StringComparison.OrdinalIgnoreCase));
            return choice is null
                ? (null, $"`{raw}` is not a valid {option.Name}; choose one of {string.Join(", ", option.Choices.Select(c => $"`{c.Value}`"))}.")
                : (choice.Value, null);
        }

        switch (option.Type)
        {
            case OptionType.Integer:
                if (!long.TryParse(raw, out var n)
                    || (option.MinValue is { } min && n < min)
                    || (option.MaxValue is { } max && n > max))
                {
                    var range = option.MinValue is not null || option.MaxValue is not null
                        ? $" from {option.MinValue?.ToString() ?? "any"} to {option.MaxValue?.ToString() ?? "any"}"
                        : "";
                    return (null, $"`{option.Name}` must be a whole number{range}.");
                }

                return (n.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            case OptionType.Boolean:
                return raw.ToLowerInvariant() switch
                {
                    "true" or "yes" or "on" or "1" => ("true", null),
                    "false" or "no" or "off" or "0" => ("false", null),
                    _ => (null, $"`{option.Name}` must be yes or no."),
                };
            case OptionType.User:
                // Slack escapes mentions as <@U123|name>, Discord as <@123> or <@!123>; the local chat takes a plain name.
                var mention = UserMention().Match(raw);
                return (mention.Success ? mention.Groups[1].Value : raw.TrimStart('@'), null);
            default:
                return (raw, null);
        }
    }

    private static CommandParseResult Fail(BotReply reply) => new(null, reply);

    private readonly record struct Token(string Value, int Start, bool IsQuoted);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            var sb = new StringBuilder();
            var quoted = false;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                var c = text[i];
                // A quote opens a group only at the start of a word or right after "name:", so "what's" stays one word.
                if (IsOpeningQuote(c) && (sb.Length == 0 || sb[^1] == ':'))
                {
                    var close = ClosingQuote(c);
                    var end = text.IndexOfAny(close, i + 1);
                    if (end > i)
                    {
                        sb.Append(text, i + 1, end - i - 1);
                        quoted |= sb.Length == end - i - 1;
                        i = end + 1;
                        continue;
                    }
                }

                sb.Append(c);
                i++;
            }

            tokens.Add(new Token(sb.ToString(), start, quoted));
        }

        return tokens;
    }

    /// <summary>True for a free-text option that names a knowledge entry (a topic, stage or salary level), whose names may be several words.</summary>
    private static bool NamesAnEntry(OptionDefinition option) =>
        option.Type == OptionType.String && option.Choices.Count == 0
        && (option.Autocomplete.Kind is not null || option.Autocomplete == AutocompleteSource.RoadmapStage || option.Autocomplete == AutocompleteSource.SalaryLevel);

    private static bool IsMention(string token) => token.StartsWith('@') || UserMention().IsMatch(token);

    private static bool IsOpeningQuote(char c) => c is '"' or '\'' or '“' or '‘';

    private static char[] ClosingQuote(char c) => c switch
    {
        '"' or '“' => ['"', '”'],
        _ => ['\'', '’'],
    };

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_-]*):(.*)$", RegexOptions.Singleline)]
    private static partial Regex NamedOption();

    [GeneratedRegex(@"^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$")]
    private static partial Regex UserMention();
}
