using System.Text;

namespace MlMentorBot.Core.Commands;

/// <summary>Usage lines built from the catalog: <c>/progress mark &lt;step&gt; &lt;status&gt;</c>, optional options in brackets.</summary>
public static class CommandUsage
{
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
