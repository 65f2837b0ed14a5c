using System.Text;
using MlMentorBot.Core.Commands;

namespace MlMentorBot.Discord.Interactions;

/// <summary>
/// Writes command lines that <see cref="CommandTextParser"/> reads back: <c>/progress mark step:roadmap.x status:done</c>,
/// quoting values with spaces. Used for modal submissions (form command + each field as a named option) and for the
/// "open the form" button when a modal could not be the first response.
/// </summary>
internal static class CommandLines
{
    /// <summary>Appends <c>name:value</c> pairs; returns null when a value holds both kinds of quote and cannot be written safely.</summary>
    public static string? WithOptions(string commandLine, IEnumerable<KeyValuePair<string, string>> options)
    {
        var sb = new StringBuilder(commandLine.TrimEnd());
        foreach (var (name, value) in options)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var quoted = Quote(value);
            if (quoted is null)
            {
                return null;
            }

            sb.Append(' ').Append(name).Append(':').Append(quoted);
        }

        return sb.ToString();
    }

    /// <summary>The line a member would type for <paramref name="request"/>.</summary>
    public static string? Format(CommandRequest request) =>
        WithOptions(request.Subcommand is null ? "/" + request.Command : $"/{request.Command} {request.Subcommand}", request.Options);

    private static string? Quote(string value)
    {
        if (value.AsSpan().IndexOfAny(" \t\r\n\"'“”‘’") < 0)
        {
            return value;
        }

        if (value.AsSpan().IndexOfAny("\"”") < 0)
        {
            return $"\"{value}\"";
        }

        return value.AsSpan().IndexOfAny("'’") < 0 ? $"'{value}'" : null;
    }
}
