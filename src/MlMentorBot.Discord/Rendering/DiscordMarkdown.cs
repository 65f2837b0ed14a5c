using System.Text;

namespace MlMentorBot.Discord.Rendering;

/// <summary>
/// Escapes plain text (titles, headings, field names, user-supplied words) so Discord shows it literally instead of as
/// Markdown. https://support.discord.com/hc/en-us/articles/210298617 lists the syntax; a backslash escapes it.
/// Nobody is pinged whatever the text says (every message carries <c>allowed_mentions</c> that pings nobody), but
/// <c>&lt;@id&gt;</c>, <c>&lt;@&amp;id&gt;</c> and <c>&lt;#id&gt;</c> would still render as pills in a heading, so <c>&lt;</c>
/// is escaped too (<c>\&lt;@id&gt;</c> shows the raw text).
/// </summary>
internal static class DiscordMarkdown
{
    private const string Special = "\\*_~`|<>[]";

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
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
