using System.Text;
using System.Text.RegularExpressions;
using MlMentorBot.Core.Messaging;

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
    /// backslash-escaped character (member text, <see cref="UserText.Escape"/>) as itself; code keeps its backslashes.
    /// </summary>
    public static string Flatten(string markdown)
    {
        var hidden = HiddenEscapes.Hide(markdown, UserText.IsEscapable, outsideCode: true);
        var text = Link().Replace(hidden.Text, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[1].Value : $"{m.Groups[1].Value} ({m.Groups[2].Value})");
        // A fence's language ("```json") is markup too: keeping it printed a stray "json" line above /progress export.
        text = CodeFence().Replace(text, "");
        text = Bold().Replace(text, "$1");
        text = Italic().Replace(text, "$1");
        text = UnderscoreItalic().Replace(text, "$1");
        return hidden.Restore(text.Replace("`", "", StringComparison.Ordinal));
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
