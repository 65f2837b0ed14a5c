using System.Text;

namespace MlMentorBot.Core.Messaging;

/// <summary>
/// Makes member-typed text safe to put inside a <see cref="Replies.BotReply"/>'s Markdown for a public post: every character
/// CommonMark or a platform gives meaning to (<c>[</c> <c>]</c> <c>(</c> <c>)</c> for links, <c>*</c> <c>_</c> <c>~</c>
/// <c>`</c> for emphasis and code, <c>|</c> for spoilers, <c>&lt;</c> <c>&gt;</c> for mentions and autolinks, <c>#</c> <c>-</c>
/// for headings and lists, the backslash itself) gets a backslash, which each adapter's converter turns back into the plain
/// character (Discord reads the backslash natively; Slack's <c>Mrkdwn</c> honours it). So <c>[click](https://evil.example)</c>
/// stays text, never a link.
/// </summary>
public static class UserText
{
    private const string Special = "\\`*_~|[]()<>#-+!";

    /// <summary>True for a character <see cref="Escape"/> puts a backslash before.</summary>
    public static bool IsEscapable(char c) => Special.Contains(c);

    /// <summary>Returns <paramref name="text"/> with a backslash before each character in the set above.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Special.Contains(c))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
