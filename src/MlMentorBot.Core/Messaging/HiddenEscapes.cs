using System.Text;

namespace MlMentorBot.Core.Messaging;

/// <summary>
/// Backslash-escaped characters (<see cref="UserText.Escape"/> on member text) hidden behind private-use placeholders while a
/// converter's link and emphasis patterns run over the text, then put back, so "\[click\](url)" or "\*x\*" stays text in
/// every renderer. The placeholders come from a private-use block the text itself does not use; past 2,048 escapes in one
/// text, or when the text uses every block, the rest keep their backslashes.
/// </summary>
public sealed class HiddenEscapes
{
    private static readonly char[] Blocks = ['\uE000', '\uE800', '\uF000'];
    private const int BlockSize = 0x800;

    private readonly IReadOnlyList<char> _escaped;
    private readonly char _from;

    private HiddenEscapes(string text, IReadOnlyList<char> escaped, char from) => (Text, _escaped, _from) = (text, escaped, from);

    /// <summary>The text with each escaped character replaced by its placeholder (the input itself when nothing was escaped).</summary>
    public string Text { get; }

    /// <summary>
    /// Hides every character <paramref name="isEscapable"/> accepts that follows a backslash in <paramref name="text"/>,
    /// backslash included. With <paramref name="outsideCode"/>, text between backticks keeps its backslashes (JSON in a code
    /// block means them).
    /// </summary>
    public static HiddenEscapes Hide(string text, Func<char, bool> isEscapable, bool outsideCode = false)
    {
        var from = text.Contains('\\', StringComparison.Ordinal)
            ? Array.Find(Blocks, b => !text.Any(c => c >= b && c < b + BlockSize))
            : default;
        if (from == default)
        {
            return new HiddenEscapes(text, [], from);
        }

        var escaped = new List<char>();

        var sb = new StringBuilder(text.Length);
        var inCode = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (outsideCode && c == '`')
            {
                inCode = !inCode; // a fence's three backticks flip it three times: inside, as for one
            }

            if (!inCode && c == '\\' && i + 1 < text.Length && isEscapable(text[i + 1]) && escaped.Count < BlockSize)
            {
                sb.Append((char)(from + escaped.Count));
                escaped.Add(text[++i]);
                continue;
            }

            sb.Append(c);
        }

        return new HiddenEscapes(sb.ToString(), escaped, from);
    }

    /// <summary>Puts each hidden character back into <paramref name="converted"/> as itself.</summary>
    public string Restore(string converted) => Restore(converted, static c => c.ToString());

    /// <summary>Puts each hidden character back into <paramref name="converted"/> as <paramref name="literal"/> writes it.</summary>
    public string Restore(string converted, Func<char, string> literal)
    {
        if (_escaped.Count == 0)
        {
            return converted;
        }

        var restored = new StringBuilder(converted.Length);
        foreach (var c in converted)
        {
            if (c >= _from && c < _from + _escaped.Count)
            {
                restored.Append(literal(_escaped[c - _from]));
            }
            else
            {
                restored.Append(c);
            }
        }

        return restored.ToString();
    }
}
