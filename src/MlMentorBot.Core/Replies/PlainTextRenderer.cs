using System.Text;
using System.Text.RegularExpressions;

namespace MlMentorBot.Core.Replies;

/// <summary>
/// Renders a <see cref="BotReply"/> as readable plain text for the local chat and logs: Markdown emphasis and links are
/// flattened (<c>[text](url)</c> becomes <c>text (url)</c>), fields become <c>name: value</c> lines, sources and suggested
/// actions are listed at the end with the command to type.
/// </summary>
public static partial class PlainTextRenderer
{
    /// <summary>The reply as plain text ending in one newline; the title carries <c>!</c> (warning), <c>✗</c> (error) or <c>✓</c> (success).</summary>
    public static string Render(BotReply reply)
    {
        var sb = new StringBuilder();
        var marker = reply.Tone switch
        {
            ReplyTone.Warning => "! ",
            ReplyTone.Error => "✗ ",
            ReplyTone.Success => "✓ ",
            _ => "",
        };
        sb.Append(marker).Append(reply.Title).Append(reply.IsPrivate ? "  (only you can see this)" : "").AppendLine();
        sb.Append('=', Math.Min(60, reply.Title.Length + marker.Length)).AppendLine();
        if (reply.AimedAtUserId is { } aimed)
        {
            sb.Append("@").Append(aimed).AppendLine(", this one is for you:");
        }

        foreach (var section in reply.Sections)
        {
            sb.AppendLine();
            if (section.Heading is { Length: > 0 } heading)
            {
                sb.AppendLine(heading);
                sb.Append('-', Math.Min(60, heading.Length)).AppendLine();
            }

            sb.AppendLine(Flatten(section.Markdown).TrimEnd());
        }

        if (reply.Fields.Count > 0)
        {
            sb.AppendLine();
            // A field of several lines (a figure and its source) stands apart from the next, as an embed field does.
            var apart = reply.Fields.Any(f => f.Value.Contains('\n', StringComparison.Ordinal));
            for (var i = 0; i < reply.Fields.Count; i++)
            {
                if (apart && i > 0)
                {
                    sb.AppendLine();
                }

                sb.Append(reply.Fields[i].Name).Append(": ").AppendLine(Flatten(reply.Fields[i].Value).Trim());
            }
        }

        if (reply.Modal is { } modal)
        {
            sb.AppendLine().Append("Form \"").Append(modal.Title).AppendLine("\" — answer as text:");
            sb.Append("  ").Append(modal.CommandLine);
            foreach (var f in modal.Fields)
            {
                sb.Append(' ').Append(f.Name).Append(":\"").Append(f.Value ?? "…").Append('"');
            }

            sb.AppendLine();
        }

        if (reply.Sources.Count > 0)
        {
            sb.AppendLine().AppendLine("Sources:");
            foreach (var source in reply.Sources)
            {
                sb.Append("  - ").AppendLine(source.ToString());
            }
        }

        if (reply.Actions.Count > 0)
        {
            sb.AppendLine().AppendLine("Next:");
            foreach (var action in reply.Actions)
            {
                sb.Append("  → ").Append(action.Label).Append(": ").AppendLine(action.CommandLine);
            }
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>
    /// Strips Markdown emphasis and code fences, keeps list markers, turns links into "text (url)", and prints a
    /// backslash-escaped character (member text, <see cref="Messaging.UserText.Escape"/>) as itself; code keeps its backslashes.
    /// </summary>
    public static string Flatten(string markdown)
    {
        var (hidden, escaped, hiddenFrom) = HideEscapes(markdown);
        var text = Link().Replace(hidden, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[1].Value : $"{m.Groups[1].Value} ({m.Groups[2].Value})");
        // A fence's language ("```json") is markup too: keeping it printed a stray "json" line above /progress export.
        text = CodeFence().Replace(text, "");
        text = Bold().Replace(text, "$1");
        text = Italic().Replace(text, "$1");
        text = UnderscoreItalic().Replace(text, "$1");
        text = text.Replace("`", "", StringComparison.Ordinal);
        if (escaped.Count == 0)
        {
            return text;
        }

        var restored = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            restored.Append(c >= hiddenFrom && c < hiddenFrom + escaped.Count ? escaped[c - hiddenFrom] : c);
        }

        return restored.ToString();
    }

    // Escaped characters stand in for themselves as private-use characters while the emphasis and link patterns run, so
    // "\*not bold\*" is never read as emphasis: from the first of these blocks the text itself does not use.
    private static readonly char[] PlaceholderBlocks = ['\uE000', '\uE800', '\uF000'];

    private const int PlaceholderBlockSize = 0x800;

    private static (string Text, List<char> Escaped, char From) HideEscapes(string markdown)
    {
        var escaped = new List<char>();
        var from = Array.Find(PlaceholderBlocks, b => !markdown.Any(c => c >= b && c < b + PlaceholderBlockSize));
        if (!markdown.Contains('\\', StringComparison.Ordinal) || from == default)
        {
            return (markdown, escaped, from);
        }

        var sb = new StringBuilder(markdown.Length);
        var inCode = false;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '`')
            {
                inCode = !inCode; // a fence's three backticks flip it three times: inside, as for one
            }

            if (!inCode && c == '\\' && i + 1 < markdown.Length && Messaging.UserText.IsEscapable(markdown[i + 1]) && escaped.Count < PlaceholderBlockSize)
            {
                sb.Append((char)(from + escaped.Count));
                escaped.Add(markdown[++i]);
                continue;
            }

            sb.Append(c);
        }

        return (sb.ToString(), escaped, from);
    }

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"```[\w+-]*\r?\n?")]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\*\w])\*(?!\s)(.+?)(?<!\s)\*(?!\*)")]
    private static partial Regex Italic();

    /// <summary><c>_source title_</c> (Discord and Slack both read it as italics); <c>snake_case</c> is left alone.</summary>
    [GeneratedRegex(@"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])")]
    private static partial Regex UnderscoreItalic();
}
