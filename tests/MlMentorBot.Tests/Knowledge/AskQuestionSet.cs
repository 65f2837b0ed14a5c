using System.Globalization;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Replies;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Knowledge;

/// <summary>
/// One question of a set. <paramref name="IsInScope"/>: about the ML engineer career (else off-topic). <paramref name="Entries"/>:
/// the entries whose passage may lead a right answer (any one); empty when the knowledge does not cover it and the honest
/// "not in my knowledge" reply is right. <paramref name="MustContain"/>: for pay questions, texts of which the lead passage
/// must contain one (case-insensitive). <paramref name="Split"/> is <c>tune</c> or <c>holdout</c>.
/// </summary>
public sealed record LabelledQuestion(string Question, bool IsInScope, IReadOnlyList<string> Entries, IReadOnlyList<string> MustContain, string Split = "tune")
{
    public string? ExpectedEntry => Entries.Count > 0 ? Entries[0] : null;
}

/// <summary>How /ask did on a set: answer-first and honest rates, median reply length, and a line per miss.</summary>
public sealed record AskSetResult(int InScope, int AnswerFirst, int OffTopic, int Honest, int MedianReplyLength, List<string> Misses)
{
    public double AnswerFirstRate => InScope == 0 ? 1 : (double)AnswerFirst / InScope;

    public double HonestRate => OffTopic == 0 ? 1 : (double)Honest / OffTopic;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"answer-first {AnswerFirst}/{InScope} = {AnswerFirstRate:P1}; honest {Honest}/{OffTopic} = {HonestRate:P1}; median reply {MedianReplyLength} characters");
}

/// <summary>Reads the question sets and scores /ask on them.</summary>
public static class AskQuestionSet
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "MlMentorBot.Tests", "Knowledge");

    /// <summary>ask-questions.tsv: <c>question \t entry-id</c>, "-" for off-topic.</summary>
    public static IReadOnlyList<LabelledQuestion> First() =>
        Rows(Path.Combine(Folder, "ask-questions.tsv"))
            .Select(p => new LabelledQuestion(p[0], p[1] != "-", p[1] == "-" ? [] : [p[1]], []))
            .ToList();

    /// <summary>
    /// ask-questions-members.tsv (<c>question \t in|off \t tune|holdout</c>) joined with ask-questions-members-labels.tsv
    /// (<c>question \t entry ids, comma-separated, or - \t alternatives separated by | that the lead must contain, or -</c>).
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Members(string split)
    {
        var labels = Rows(Path.Combine(Folder, "ask-questions-members-labels.tsv")).ToDictionary(p => p[0], StringComparer.Ordinal);
        return Rows(Path.Combine(Folder, "ask-questions-members.tsv"))
            .Where(p => p[2] == split)
            .Select(p =>
            {
                if (p[1] != "in")
                {
                    return new LabelledQuestion(p[0], false, [], [], split);
                }

                var label = labels[p[0]];
                return new LabelledQuestion(p[0], true,
                    EntryIds(label[1]),
                    label.Length < 3 || label[2] == "-" ? [] : label[2].Split('|', StringSplitOptions.TrimEntries), split);
            })
            .ToList();
    }

    /// <summary>
    /// ask-questions-fresh.tsv (<c>question \t in|off \t entry ids, comma-separated, or -</c>): a third set, written and labelled
    /// after the sixth round by two more helpers, neither of whom saw the other sets.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Fresh() => Labelled("ask-questions-fresh.tsv", "fresh");

    /// <summary>
    /// ask-questions-fourth.tsv, in the fresh set's columns: a fourth set, written and labelled in round 18 the same way (one
    /// helper from the seed articles alone, another from the knowledge alone). Only its summary line is read: it measures
    /// whether a round's rules carry over to questions none of them was fitted to.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Fourth() => Labelled("ask-questions-fourth.tsv", "fourth");

    /// <summary>
    /// ask-questions-helpers.tsv, in the fresh set's columns: the questions helpers wrote from the seed articles alone in rounds
    /// 14–19 to find wrong answers, labelled in round 20 by four more helpers from the knowledge alone. Their answers were read
    /// while tuning, so this is a tuning set: the largest one, and the strictest labels ("-" unless a passage says what is asked).
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Helpers() => Labelled("ask-questions-helpers.tsv", "helpers");

    /// <summary>
    /// ask-questions-sixth.tsv, in the fresh set's columns: a sixth set, written and labelled in round 20 the same way as the
    /// fourth, after round 20's rules were made; only its summary line is read, so no rule is fitted to it.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Sixth() => Labelled("ask-questions-sixth.tsv", "sixth");

    /// <summary>
    /// ask-questions-seventh.tsv, in the fresh set's columns: a seventh set, written in round 22 by a helper who read the two
    /// seed articles and nothing else, and labelled by another from the knowledge alone; only its summary line is read, so
    /// no rule is fitted to it. Nine of its questions happen to match, word for word, a question of an earlier set.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Seventh() => Labelled("ask-questions-seventh.tsv", "seventh");

    /// <summary>
    /// ask-questions-eighth.tsv, in the fresh set's columns: an eighth set, written at the start of round 23 by a helper who
    /// read the two seed articles and nothing else, and labelled by another from the knowledge alone; only its summary line
    /// is read, so no rule is fitted to it. Six of its questions happen to match, word for word, a question of an earlier set.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Eighth() => Labelled("ask-questions-eighth.tsv", "eighth");

    /// <summary>
    /// ask-questions-ninth.tsv, in the fresh set's columns: a ninth set, written at the start of round 24 by a helper who
    /// read the two seed articles and nothing else, and labelled by another from the knowledge alone; only its summary line
    /// is read, so no rule is fitted to it. Four of its questions happen to match, word for word, a question of an earlier set.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Ninth() => Labelled("ask-questions-ninth.tsv", "ninth");

    /// <summary>
    /// ask-questions-tenth.tsv, in the fresh set's columns: a tenth set, written at the start of round 25 by a helper who
    /// read the two seed articles and nothing else, and labelled by another from the knowledge alone; only its summary line
    /// is read, so no rule is fitted to it.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Tenth() => Labelled("ask-questions-tenth.tsv", "tenth");

    /// <summary>
    /// ask-questions-eleventh.tsv, in the fresh set's columns: an eleventh set, written in round 26 after that round's
    /// changes by a helper who read the two seed articles and nothing else, and labelled by another from the knowledge
    /// alone; measured through its summary line only, on the round-25 code and on the round-26 code.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Eleventh() => Labelled("ask-questions-eleventh.tsv", "eleventh");

    /// <summary>
    /// ask-questions-twelfth.tsv, in the fresh set's columns: a twelfth set, written at the start of round 27 by a helper
    /// who read the two seed articles and nothing else, and labelled by another from the knowledge alone; read through its
    /// summary line until mid-round, then its misses were read, so from there on it is a tuning set.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Twelfth() => Labelled("ask-questions-twelfth.tsv", "twelfth");

    /// <summary>
    /// ask-questions-thirteenth.tsv, in the fresh set's columns: a thirteenth set, written mid-round 27 the same way as the
    /// twelfth, and measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Thirteenth() => Labelled("ask-questions-thirteenth.tsv", "thirteenth");

    /// <summary>
    /// ask-questions-fourteenth.tsv, in the fresh set's columns: a fourteenth set, written at the start of round 28 by a
    /// helper who read the two seed articles and nothing else, and labelled by another from the knowledge alone; measured
    /// through its summary line only. Three of its questions happen to match, word for word, a question of an earlier set.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Fourteenth() => Labelled("ask-questions-fourteenth.tsv", "fourteenth");

    /// <summary>
    /// ask-questions-fifteenth.tsv, in the fresh set's columns: a fifteenth set, written mid-round 28 the same way, read
    /// through its summary line until its misses were read late in the round; from there it is a tuning set.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Fifteenth() => Labelled("ask-questions-fifteenth.tsv", "fifteenth");

    /// <summary>
    /// ask-questions-sixteenth.tsv, in the fresh set's columns: a sixteenth set (70 in scope, 30 off-topic), written at the
    /// start of round 29 by a helper who read the two seed articles and nothing else, and labelled by another from the
    /// knowledge alone; measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Sixteenth() => Labelled("ask-questions-sixteenth.tsv", "sixteenth");

    /// <summary>
    /// ask-questions-seventeenth.tsv, in the fresh set's columns: a seventeenth set (70 in scope, 30 off-topic), written
    /// mid-round 29 the same way; measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Seventeenth() => Labelled("ask-questions-seventeenth.tsv", "seventeenth");

    /// <summary>
    /// ask-questions-eighteenth.tsv, in the fresh set's columns: an eighteenth set (70 in scope, 30 off-topic), written at the start of round 30 the same way; measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Eighteenth() => Labelled("ask-questions-eighteenth.tsv", "eighteenth");

    /// <summary>
    /// ask-questions-nineteenth.tsv, in the fresh set's columns: a nineteenth set (70 in scope, 30 off-topic), written mid-round 30 the same way; measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Nineteenth() => Labelled("ask-questions-nineteenth.tsv", "nineteenth");

    /// <summary>
    /// ask-questions-twentieth.tsv, in the fresh set's columns: a twentieth set (70 in scope, 30 off-topic), written in round
    /// 31 the same way; measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> Twentieth() => Labelled("ask-questions-twentieth.tsv", "twentieth");

    /// <summary>
    /// ask-questions-twenty-first.tsv, in the fresh set's columns: a twenty-first set (70 in scope, 30 off-topic), written
    /// at the end of round 31 the same way; measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> TwentyFirst() => Labelled("ask-questions-twenty-first.tsv", "twenty-first");

    /// <summary>
    /// ask-questions-twenty-second.tsv, in the fresh set's columns: a twenty-second set (70 in scope, 30 off-topic), written
    /// in round 32 the same way; measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> TwentySecond() => Labelled("ask-questions-twenty-second.tsv", "twenty-second");

    /// <summary>
    /// ask-questions-twenty-third.tsv, in the fresh set's columns: a twenty-third set (70 in scope, 30 off-topic), written
    /// in round 33 the same way; measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> TwentyThird() => Labelled("ask-questions-twenty-third.tsv", "twenty-third");

    /// <summary>
    /// ask-questions-twenty-fourth.tsv, in the fresh set's columns: a twenty-fourth set (70 in scope, 30 off-topic), written
    /// in round 34 the same way; measured through its summary line only.
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> TwentyFourth() => Labelled("ask-questions-twenty-fourth.tsv", "twenty-fourth");

    /// <summary>
    /// A set whose rows are <c>question \t in|off \t entry ids, comma-separated, or -</c>; <paramref name="file"/> is relative
    /// to this folder, or absolute.
    /// </summary>
    internal static List<LabelledQuestion> Labelled(string file, string split) =>
        Rows(Path.Combine(Folder, file))
            .Select(p => new LabelledQuestion(p[0], p[1] == "in", p[1] == "in" ? EntryIds(p[2]) : [], [], split))
            .ToList();

    /// <summary>
    /// ask-questions-members-labels-second.tsv: the in-scope members' questions labelled a second time, by someone who saw
    /// neither the first labels nor the bot's answers (<c>question \t entry ids, comma-separated, or -</c>). Question → entries
    /// (empty: not covered).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SecondLabels() => SecondLabels("ask-questions-members-labels-second.tsv");

    /// <summary>ask-questions-fourth-labels-second.tsv: the fourth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FourthSecondLabels() => SecondLabels("ask-questions-fourth-labels-second.tsv");

    /// <summary>ask-questions-sixth-labels-second.tsv: the sixth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SixthSecondLabels() => SecondLabels("ask-questions-sixth-labels-second.tsv");

    /// <summary>ask-questions-seventh-labels-second.tsv: the seventh set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SeventhSecondLabels() => SecondLabels("ask-questions-seventh-labels-second.tsv");

    /// <summary>ask-questions-eighth-labels-second.tsv: the eighth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> EighthSecondLabels() => SecondLabels("ask-questions-eighth-labels-second.tsv");

    /// <summary>ask-questions-ninth-labels-second.tsv: the ninth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> NinthSecondLabels() => SecondLabels("ask-questions-ninth-labels-second.tsv");

    /// <summary>ask-questions-tenth-labels-second.tsv: the tenth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TenthSecondLabels() => SecondLabels("ask-questions-tenth-labels-second.tsv");

    /// <summary>ask-questions-eleventh-labels-second.tsv: the eleventh set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> EleventhSecondLabels() => SecondLabels("ask-questions-eleventh-labels-second.tsv");

    /// <summary>ask-questions-twelfth-labels-second.tsv: the twelfth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TwelfthSecondLabels() => SecondLabels("ask-questions-twelfth-labels-second.tsv");

    /// <summary>ask-questions-thirteenth-labels-second.tsv: the thirteenth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ThirteenthSecondLabels() => SecondLabels("ask-questions-thirteenth-labels-second.tsv");

    /// <summary>ask-questions-fourteenth-labels-second.tsv: the fourteenth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FourteenthSecondLabels() => SecondLabels("ask-questions-fourteenth-labels-second.tsv");

    /// <summary>ask-questions-fifteenth-labels-second.tsv: the fifteenth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> FifteenthSecondLabels() => SecondLabels("ask-questions-fifteenth-labels-second.tsv");

    /// <summary>ask-questions-sixteenth-labels-second.tsv: the sixteenth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SixteenthSecondLabels() => SecondLabels("ask-questions-sixteenth-labels-second.tsv");

    /// <summary>ask-questions-seventeenth-labels-second.tsv: the seventeenth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SeventeenthSecondLabels() => SecondLabels("ask-questions-seventeenth-labels-second.tsv");

    /// <summary>ask-questions-eighteenth-labels-second.tsv: the eighteenth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> EighteenthSecondLabels() => SecondLabels("ask-questions-eighteenth-labels-second.tsv");

    /// <summary>ask-questions-nineteenth-labels-second.tsv: the nineteenth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> NineteenthSecondLabels() => SecondLabels("ask-questions-nineteenth-labels-second.tsv");

    /// <summary>ask-questions-twentieth-labels-second.tsv: the twentieth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TwentiethSecondLabels() => SecondLabels("ask-questions-twentieth-labels-second.tsv");

    /// <summary>ask-questions-twenty-first-labels-second.tsv: the twenty-first set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TwentyFirstSecondLabels() => SecondLabels("ask-questions-twenty-first-labels-second.tsv");

    /// <summary>ask-questions-twenty-second-labels-second.tsv: the twenty-second set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TwentySecondSecondLabels() => SecondLabels("ask-questions-twenty-second-labels-second.tsv");

    /// <summary>ask-questions-twenty-third-labels-second.tsv: the twenty-third set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TwentyThirdSecondLabels() => SecondLabels("ask-questions-twenty-third-labels-second.tsv");

    /// <summary>ask-questions-twenty-fourth-labels-second.tsv: the twenty-fourth set's in-scope questions labelled a second time, the same way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TwentyFourthSecondLabels() => SecondLabels("ask-questions-twenty-fourth-labels-second.tsv");

    /// <summary>Second labels (<c>question \t entry ids or -</c>); <paramref name="file"/> is relative to this folder, or absolute.</summary>
    internal static Dictionary<string, IReadOnlyList<string>> SecondLabels(string file) =>
        Rows(Path.Combine(Folder, file)).ToDictionary(p => p[0], p => EntryIds(p[1]), StringComparer.Ordinal);

    /// <summary>
    /// Whether two labels of one question agree: both say "not covered", or they share an entry (either lists every entry
    /// that answers equally well, so one in common is the same answer).
    /// </summary>
    public static bool Agree(IReadOnlyList<string> first, IReadOnlyList<string> second) =>
        first.Count == 0 || second.Count == 0 ? first.Count == second.Count : first.Intersect(second, StringComparer.Ordinal).Any();

    /// <summary>A labels column: entry ids separated by commas, or "-" (not covered) for none.</summary>
    private static IReadOnlyList<string> EntryIds(string column) =>
        column.Trim() == "-" ? [] : column.Split(',', StringSplitOptions.TrimEntries);

    /// <summary>Tab-separated rows, skipping blank lines and # comments.</summary>
    public static IEnumerable<string[]> Rows(string path) =>
        File.ReadAllLines(path).Where(line => line.Trim().Length > 0 && !line.StartsWith('#')).Select(line => line.Split('\t'));

    /// <summary>
    /// Runs each question through <see cref="AskHandler.Compose"/> and the reply builder. In scope, the answer is first-correct
    /// when its lead passage comes from the expected entry (and section, when one is labelled); off-topic, when there is no lead.
    /// A reply's length is its title plus its sections' headings and text: what a member reads, without sources and buttons.
    /// </summary>
    public static AskSetResult Evaluate(KnowledgeSnapshot snapshot, IReadOnlyList<LabelledQuestion> questions)
    {
        int inScope = 0, first = 0, offTopic = 0, honest = 0;
        var lengths = new List<int>();
        var misses = new List<string>();
        foreach (var q in questions)
        {
            var answer = AskHandler.Compose(snapshot, q.Question);
            var reply = answer.Lead is null ? AskHandler.NotInKnowledge(answer.NotCovered, answer.Unranked) : AskHandler.Reply(answer, q.Question, vote: null);
            lengths.Add(Length(reply));
            var lead = answer.Lead is null ? "(not in my knowledge)" : answer.Lead.Entry.Id + (answer.Lead.Heading is null ? "" : " # " + answer.Lead.Heading);
            if (q.IsInScope)
            {
                inScope++;
                var ok = answer.Lead is not { } l
                    ? q.Entries.Count == 0
                    : q.Entries.Contains(l.Entry.Id) && (q.MustContain.Count == 0
                        || q.MustContain.Any(m => reply.Sections.Any(s => s.Heading == l.Title && s.Markdown.Contains(m, StringComparison.OrdinalIgnoreCase))));
                first += ok ? 1 : 0;
                if (!ok)
                {
                    misses.Add($"MISS [{q.Split}] {q.Question} → {lead}; expected {(q.Entries.Count == 0 ? "not in my knowledge" : string.Join(", ", q.Entries))}{(q.MustContain.Count == 0 ? "" : " containing " + string.Join(" | ", q.MustContain))}");
                }
            }
            else
            {
                offTopic++;
                honest += answer.Lead is null ? 1 : 0;
                if (answer.Lead is not null)
                {
                    misses.Add($"ANSWERED OFF-TOPIC [{q.Split}] {q.Question} → {lead} (words: {string.Join(" ", answer.Query.Terms)}; unknown: {string.Join(" ", answer.Query.Unknown)})");
                }
            }
        }

        lengths.Sort();
        var median = lengths.Count == 0 ? 0 : lengths[lengths.Count / 2];
        return new AskSetResult(inScope, first, offTopic, honest, median, misses);
    }

    /// <summary>Title plus every section's heading and text.</summary>
    public static int Length(BotReply reply) =>
        reply.Title.Length + reply.Sections.Sum(s => (s.Heading?.Length ?? 0) + s.Markdown.Length);
}
