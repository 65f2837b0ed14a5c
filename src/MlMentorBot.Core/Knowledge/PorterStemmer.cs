namespace MlMentorBot.Core.Knowledge;

/// <summary>
/// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980, with the later "bli" → "ble" and "logi" → "log"
/// rules) as SQLite FTS5's <c>porter</c> tokenizer applies it: words shorter than three or longer than 64 characters are left
/// as they are, and a suffix never takes the whole word. /ask's in-memory index stems exactly as the FTS5 index it replaced
/// did (issue #14), so its bm25 scores are the same; PorterStemmerTests checks every word of the knowledge against FTS5.
/// https://tartarus.org/martin/PorterStemmer/def.txt · https://www.sqlite.org/fts5.html#porter_tokenizer
/// </summary>
internal static class PorterStemmer
{
    private const int MaxLength = 64;

    /// <summary>A rule: a word ending in <c>Suffix</c> (and longer than it) whose stem meets <c>Condition</c> ends in <c>Replacement</c> instead.</summary>
    private readonly record struct Rule(string Suffix, string Replacement, Func<char[], int, bool> Condition);

    // Steps 2–4 try only the first rule whose suffix matches, as the algorithm's longest-match reading does: each list puts a
    // longer suffix before any shorter one that ends it ("ement" before "ment" before "ent").
    private static readonly Rule[] Step2 =
    [
        new("ational", "ate", MeasureAbove0), new("tional", "tion", MeasureAbove0), new("enci", "ence", MeasureAbove0),
        new("anci", "ance", MeasureAbove0), new("izer", "ize", MeasureAbove0), new("logi", "log", MeasureAbove0),
        new("bli", "ble", MeasureAbove0), new("alli", "al", MeasureAbove0), new("entli", "ent", MeasureAbove0),
        new("eli", "e", MeasureAbove0), new("ousli", "ous", MeasureAbove0), new("ization", "ize", MeasureAbove0),
        new("ation", "ate", MeasureAbove0), new("ator", "ate", MeasureAbove0), new("alism", "al", MeasureAbove0),
        new("iveness", "ive", MeasureAbove0), new("fulness", "ful", MeasureAbove0), new("ousness", "ous", MeasureAbove0),
        new("aliti", "al", MeasureAbove0), new("iviti", "ive", MeasureAbove0), new("biliti", "ble", MeasureAbove0),
    ];

    private static readonly Rule[] Step3 =
    [
        new("icate", "ic", MeasureAbove0), new("ative", "", MeasureAbove0), new("alize", "al", MeasureAbove0),
        new("iciti", "ic", MeasureAbove0), new("ical", "ic", MeasureAbove0), new("ful", "", MeasureAbove0), new("ness", "", MeasureAbove0),
    ];

    private static readonly Rule[] Step4 =
    [
        new("al", "", MeasureAbove1), new("ance", "", MeasureAbove1), new("ence", "", MeasureAbove1), new("er", "", MeasureAbove1),
        new("ic", "", MeasureAbove1), new("able", "", MeasureAbove1), new("ible", "", MeasureAbove1), new("ant", "", MeasureAbove1),
        new("ement", "", MeasureAbove1), new("ment", "", MeasureAbove1), new("ent", "", MeasureAbove1),
        new("ion", "", (w, n) => n > 0 && w[n - 1] is 's' or 't' && MeasureAbove1(w, n)), new("ou", "", MeasureAbove1),
        new("ism", "", MeasureAbove1), new("ate", "", MeasureAbove1), new("iti", "", MeasureAbove1), new("ous", "", MeasureAbove1),
        new("ive", "", MeasureAbove1), new("ize", "", MeasureAbove1),
    ];

    /// <summary>The stem of a lowercase word; the word itself when it is shorter than three or longer than 64 characters.</summary>
    public static string Stem(string word) => StemTo(word, inflectionsOnly: false);

    /// <summary>
    /// Step 1 alone (plurals, -ed, -ing, final y): "communities" → communiti, "networking" → network, but "communication"
    /// stays apart from "community" and "experiment" from "experience", which the full algorithm merges. /ask searches with
    /// this: measured on the members' tune split (issue #14) it leads with the right entry more often than full Porter.
    /// </summary>
    public static string StemInflections(string word) => StemTo(word, inflectionsOnly: true);

    private static string StemTo(string word, bool inflectionsOnly)
    {
        if (word.Length < 3 || word.Length > MaxLength)
        {
            return word;
        }

        // Room for the longest growth: a stem gains at most one letter ("hop" → "hope") before it shrinks.
        var w = new char[word.Length + 2];
        word.CopyTo(0, w, 0, word.Length);
        var n = word.Length;

        // Step 1a: plurals.
        if (w[n - 1] == 's')
        {
            if (n > 4 && EndsWith(w, n, "sses") || n > 3 && EndsWith(w, n, "ies"))
            {
                n -= 2;
            }
            else if (w[n - 2] != 's')
            {
                n -= 1;
            }
        }

        // Step 1b: -eed, -ed, -ing.
        var removed = false;
        if (n > 3 && EndsWith(w, n, "eed"))
        {
            if (MeasureAbove0(w, n - 3))
            {
                n -= 1;
            }
        }
        else if (n > 2 && EndsWith(w, n, "ed") && HasVowel(w, n - 2))
        {
            (n, removed) = (n - 2, true);
        }
        else if (n > 3 && EndsWith(w, n, "ing") && HasVowel(w, n - 3))
        {
            (n, removed) = (n - 3, true);
        }

        if (removed)
        {
            if (n > 2 && (EndsWith(w, n, "at") || EndsWith(w, n, "bl") || EndsWith(w, n, "iz")))
            {
                w[n++] = 'e';
            }
            else if (n > 1 && w[n - 1] == w[n - 2] && !IsVowel(w[n - 1]) && w[n - 1] is not ('l' or 's' or 'z'))
            {
                n--;
            }
            else if (Measure(w, n) == 1 && EndsConsonantVowelConsonant(w, n))
            {
                w[n++] = 'e';
            }
        }

        // Step 1c: a final y after a vowel somewhere in the stem becomes i.
        if (n > 1 && w[n - 1] == 'y' && HasVowel(w, n - 1))
        {
            w[n - 1] = 'i';
        }

        if (inflectionsOnly)
        {
            return new string(w, 0, n);
        }

        n = Apply(Step2, w, n);
        n = Apply(Step3, w, n);
        n = Apply(Step4, w, n);

        // Step 5a: a final e goes when the rest is long enough.
        if (n > 0 && w[n - 1] == 'e' && (Measure(w, n - 1) > 1 || Measure(w, n - 1) == 1 && !EndsConsonantVowelConsonant(w, n - 1)))
        {
            n--;
        }

        // Step 5b: -ll → -l on long stems.
        if (n > 1 && w[n - 1] == 'l' && w[n - 2] == 'l' && Measure(w, n - 1) > 1)
        {
            n--;
        }

        return new string(w, 0, n);
    }

    private static int Apply(Rule[] rules, char[] w, int n)
    {
        foreach (var rule in rules)
        {
            if (n > rule.Suffix.Length && EndsWith(w, n, rule.Suffix))
            {
                var stem = n - rule.Suffix.Length;
                if (!rule.Condition(w, stem))
                {
                    return n;
                }

                rule.Replacement.CopyTo(0, w, stem, rule.Replacement.Length);
                return stem + rule.Replacement.Length;
            }
        }

        return n;
    }

    private static bool EndsWith(char[] w, int n, string suffix)
    {
        if (n < suffix.Length)
        {
            return false;
        }

        for (var i = 0; i < suffix.Length; i++)
        {
            if (w[n - suffix.Length + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Whether letter <paramref name="i"/> is a consonant: y is one at the start or after a vowel, a vowel after a consonant.</summary>
    private static bool IsConsonant(char[] w, int i) =>
        !IsVowel(w[i]) && (w[i] != 'y' || i == 0 || !IsConsonant(w, i - 1));

    /// <summary>Porter's m: how many vowel-then-consonant runs the first <paramref name="n"/> letters have.</summary>
    private static int Measure(char[] w, int n)
    {
        var m = 0;
        var previousIsConsonant = true;
        for (var i = 0; i < n; i++)
        {
            var isConsonant = !IsVowel(w[i]) && (w[i] != 'y' || i == 0 || !previousIsConsonant);
            if (isConsonant && !previousIsConsonant)
            {
                m++;
            }

            previousIsConsonant = isConsonant;
        }

        return m;
    }

    private static bool MeasureAbove0(char[] w, int n) => Measure(w, n) > 0;

    private static bool MeasureAbove1(char[] w, int n) => Measure(w, n) > 1;

    /// <summary>*v*: the first <paramref name="n"/> letters hold a vowel (FTS5 counts any y but the first letter as one).</summary>
    private static bool HasVowel(char[] w, int n)
    {
        for (var i = 0; i < n; i++)
        {
            if (IsVowel(w[i]) || i > 0 && w[i] == 'y')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>*o: the first <paramref name="n"/> letters end consonant-vowel-consonant, the last not w, x or y.</summary>
    private static bool EndsConsonantVowelConsonant(char[] w, int n) =>
        n >= 3 && w[n - 1] is not ('w' or 'x' or 'y') && IsConsonant(w, n - 1) && !IsConsonant(w, n - 2) && IsConsonant(w, n - 3);
}
