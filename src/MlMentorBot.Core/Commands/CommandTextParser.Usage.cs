using System.Text;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Commands;

// The replies the parser gives when it cannot make a request: the usage with "did you mean", and the hint for a name
// typed as several words.
public static partial class CommandTextParser
{
    private static BotReply UnknownCommand(string name)
    {
        var near = CloseMatches.Find(name, CommandCatalog.All.Select(c => c.Name));
        var sb = new StringBuilder($"I don't know the command `/{name}`.").Append(CloseMatches.DidYouMean(near.Select(n => "/" + n)));

        sb.Append("\n\nCommands: ").Append(string.Join(", ", CommandCatalog.All.Select(c => $"`/{c.Name}`"))).Append(". Type `/help` for more.");
        return BotReply.Problem("Unknown command", sb.ToString(),
            near.Select(n => new SuggestedAction($"/help {n}", $"/help {n}")).Append(new SuggestedAction("Help", "/help")).ToList());
    }

    private static BotReply Usage(CommandDefinition command, SubcommandDefinition? subcommand, string problem, IEnumerable<string> didYouMean)
    {
        var sb = new StringBuilder(problem).Append(CloseMatches.DidYouMean(didYouMean));

        sb.Append("\n\nUsage:\n```\n").Append(CommandUsage.Format(command, subcommand)).Append("\n```");
        if (command.Examples.Count > 0)
        {
            sb.Append("\nFor example: ").Append(string.Join(", ", command.Examples.Select(e => $"`{e}`")));
        }

        return BotReply.Problem($"How to use /{command.Name}", sb.ToString(), [new SuggestedAction($"Help for /{command.Name}", $"/help {command.Name}")]);
    }

    /// <summary>
    /// "/group create ML study buddies" reads "study" as the day, and "/group join ml study" has a word too many: when the
    /// words refused follow a <c>name</c> option's word (<paramref name="run"/>: the name's option and word first, then the words
    /// refused), the member most likely typed a name of several words, so say how to write it (with dashes). Empty otherwise.
    /// </summary>
    private static string SeveralWordsHint(CommandDefinition command, SubcommandDefinition? subcommand, List<(OptionDefinition? Option, string Word)> run)
    {
        if (run is not [({ Name: "name", Type: OptionType.String, Choices.Count: 0, TakesRest: false } name, _), _, ..])
        {
            return "";
        }

        var words = run.Select(p => p.Word.ToLowerInvariant());
        var line = $"/{command.Name}{(subcommand is null ? "" : " " + subcommand.Name)} {string.Join('-', words)}";
        return $" If it is part of the {name.Name}, a {name.Name} is one word: join the words with dashes, as in `{line}`.";
    }
}
