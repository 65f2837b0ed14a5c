using System.Text;

namespace MlMentorBot.Discord.Rendering;

/// <summary>
/// Escapes plain text (titles, headings, field names, user-supplied words) so Discord shows it literally instead of as
/// Markdown. https://support.discord.com/hc/en-us/articles/210298617 lists the syntax; a backslash escapes it.
/// Mentions need no escaping here: every message carries <c>allowed_mentions</c> that pings nobody.
/// </summary>
internal static class DiscordMarkdown
{
    private const string Special = "\\*_~`|>[]";

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
