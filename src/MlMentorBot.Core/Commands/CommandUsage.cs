using System.Text;

namespace MlMentorBot.Core.Commands;

/// <summary>Usage lines built from the catalog: <c>/progress mark &lt;step&gt; &lt;status&gt;</c>, optional options in brackets.</summary>
public static class CommandUsage
{
    /// <summary>
    /// One usage line, e.g. <c>/progress mark &lt;step&gt; &lt;status&gt; [note]</c>: required options in angle brackets, optional
    /// ones in square brackets; without <paramref name="subcommand"/>, the command's own options.
    /// </summary>
    public static string Format(CommandDefinition command, SubcommandDefinition? subcommand = null)
    {
        if (subcommand is null && command.Subcommands.Count > 0)
        {
            return string.Join("\n", command.Subcommands.Select(s => Format(command, s)));
        }

        var sb = new StringBuilder("/").Append(command.Name);
        if (subcommand is not null)
        {
            sb.Append(' ').Append(subcommand.Name);
        }

        foreach (var option in subcommand?.Options ?? command.Options)
        {
            var shown = option.Choices.Count is > 0 and <= 4
                ? string.Join("|", option.Choices.Select(c => c.Value))
                : option.Name;
            sb.Append(' ').Append(option.IsRequired ? $"<{shown}>" : $"[{shown}]");
        }

        return sb.ToString();
    }
}
