using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using MlMentorBot.Core.Messaging;

namespace MlMentorBot.Slack.BlockKit;

/// <summary>
/// Slack's <c>mrkdwn</c> (https://docs.slack.dev/messaging/formatting-message-text): only <c>&amp;</c>, <c>&lt;</c> and
/// <c>&gt;</c> are escaped; <c>*bold*</c>, <c>_italic_</c>, <c>`code`</c>, <c>&lt;url|text&gt;</c>. Because every
/// <c>&lt;</c> in the source text is escaped before anything else, user text can never form a control sequence such as
/// <c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>, <c>&lt;!everyone&gt;</c> or <c>&lt;@U…&gt;</c>; the only angle-bracket
/// sequences in the output are the links this converter writes itself.
/// </summary>
internal static partial class Mrkdwn
{
    /// <summary>Escapes the three characters Slack reserves. Nothing else is entity-encoded.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>
    /// Text shown as it is inside mrkdwn (a heading, a field name, a title): <see cref="Escape"/>, plus a word joiner (U+2060)
    /// after each emphasis character (<c>*</c> <c>_</c> <c>~</c> <c>`</c>), for which mrkdwn has no escape, so a member named
    /// <c>_it_</c> is not shown in italics. Used for strings the core hands over as plain text, never Markdown.
    /// </summary>
    public static string Literal(string text)
    {
        var escaped = Escape(text);
        if (escaped.AsSpan().IndexOfAny("*_~`") < 0)
        {
            return escaped;
        }

        var sb = new StringBuilder(escaped.Length + 8);
        foreach (var c in escaped)
        {
            sb.Append(c);
            if (c is '*' or '_' or '~' or '`')
            {
                sb.Append('\u2060');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Converts the core's CommonMark-ish Markdown (see <c>BotReply</c>) to escaped mrkdwn: <c>**b**</c> → <c>*b*</c>,
    /// <c>*i*</c>/<c>_i_</c> → <c>_i_</c>, <c>[t](url)</c> → <c>&lt;url|t&gt;</c> (http/https/mailto only), <c># Heading</c>
    /// → <c>*Heading*</c>, <c>- item</c> → <c>• item</c>. Code spans and fences are escaped but otherwise left alone.
    /// </summary>
    public static string FromMarkdown(string markdown)
    {
        // A pure function of its input, so memoising it is always correct; replies repeat most of their text between members
        // and requests (the hot path of every command). Bounded: the whole memo is dropped when it fills up.
        if (Converted.TryGetValue(markdown, out var known))
        {
            return known;
        }

        var converted = Convert(markdown);
        if (Converted.Count >= MaxMemoized)
        {
            Converted.Clear();
        }

        Converted.TryAdd(markdown, converted);
        return converted;
    }

    private const int MaxMemoized = 4096;
    private static readonly ConcurrentDictionary<string, string> Converted = new(StringComparer.Ordinal);

    private static string Convert(string markdown)
    {
        var sb = new StringBuilder(markdown.Length + 32);
        var inFence = false;
        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            if (rawLine.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                sb.Append(Escape(rawLine.TrimStart()));
                continue;
            }

            if (inFence)
            {
                sb.Append(Escape(rawLine));
                continue;
            }

            var line = rawLine;
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                sb.Append('*').Append(ConvertInline(heading.Groups[1].Value.Replace("**", "", StringComparison.Ordinal))).Append('*');
                continue;
            }

            var bullet = Bullet().Match(line);
            if (bullet.Success)
            {
                sb.Append(bullet.Groups[1].Value).Append("• ");
                line = line[bullet.Length..];
            }

            sb.Append(ConvertInline(line));
        }

        return sb.ToString();
    }

    /// <summary>Converts one line outside code fences; code spans are kept verbatim (escaped only).</summary>
    private static string ConvertInline(string line)
    {
        var sb = new StringBuilder(line.Length + 16);
        var parts = SplitAtCode(line);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('`');
            }

            // Odd parts sit between backticks: code. An unmatched trailing backtick leaves the last part as text.
            var isCode = i % 2 == 1 && i < parts.Length - (parts.Length % 2 == 0 ? 1 : 0);
            sb.Append(isCode ? Escape(parts[i]) : ConvertText(parts[i]));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Splits a line at its backticks, except backslash-escaped ones: a <c>\`</c> from <see cref="Core.Messaging.UserText"/> is a
    /// literal backtick in member text, which must not open or close a code span around what follows.
    /// </summary>
    private static string[] SplitAtCode(string line)
    {
        if (!line.Contains('\\'))
        {
            return line.Split('`');
        }

        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '`')
            {
                parts.Add(line[start..i]);
                start = i + 1;
            }
        }

        parts.Add(line[start..]);
        return [.. parts];
    }

    private static string ConvertText(string text)
    {
        // A backslash-escaped character (the core's UserText.Escape on member text) is literal: hide it from the link and
        // emphasis rules behind a placeholder, then put the plain character back. This is what keeps
        // "[click](https://evil.example)" in a check-in answer from becoming a live link.
        var hidden = HiddenEscapes.Hide(text, IsEscapable);
        // mrkdwn has no escape for its emphasis characters; a word joiner (U+2060) after one keeps it from pairing up.
        return hidden.Restore(ConvertLinks(hidden.Text), static literal =>
            Escape(literal.ToString()) + (literal is '*' or '_' or '~' or '`' ? "\u2060" : ""));
    }

    private static bool IsEscapable(char c) => char.IsAsciiLetterOrDigit(c) ? false : char.IsAscii(c) && !char.IsWhiteSpace(c) && !char.IsControl(c);

    private static string ConvertLinks(string text)
    {
        // Links first, on the raw text, so their URLs are escaped once and their labels get emphasis like any text.
        var result = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match link in Link().Matches(text))
        {
            result.Append(Emphasis(Escape(text[last..link.Index])));
            var label = Emphasis(Escape(link.Groups[1].Value)).Replace("|", "¦", StringComparison.Ordinal);
            result.Append('<').Append(Escape(link.Groups[2].Value)).Append('|').Append(label).Append('>');
            last = link.Index + link.Length;
        }

        result.Append(Emphasis(Escape(text[last..])));
        return result.ToString();
    }

    private static string Emphasis(string text)
    {
        if (text.IndexOf('*') < 0)
        {
            return text;
        }

        // **bold** → \u0001bold\u0001, then *italic* → _italic_, then the placeholder → *.
        var bolded = Bold().Replace(text, "\u0001$1\u0001");
        var italics = Italic().Replace(bolded, "_$1_");
        return italics.Replace('\u0001', '*');
    }

    [GeneratedRegex(@"\[([^\]]+)\]\(((?:https?://|mailto:)[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![\*\w])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\s*)[-*+]\s+")]
    private static partial Regex Bullet();
}
