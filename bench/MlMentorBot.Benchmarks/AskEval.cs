using System.Globalization;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Tests.Hosting;
using MlMentorBot.Tests.Knowledge;

namespace MlMentorBot.Benchmarks;

/// <summary>
/// The question sets of issue #14 scored from the command line, for tuning /ask between test runs:
/// <code>
/// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- ask-eval why "what do mles earn" …   (lead, pointers, words, top hits)
/// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- ask-eval sets [--misses]             (the committed sets' summaries)
/// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- ask-eval blind                       (the newest blind sets' summaries)
/// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- ask-eval batches [--misses]          (bench/ask-batches/*.tsv)
/// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- ask-eval file PATH [SECOND-LABELS] [--misses]
/// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- ask-eval leads                      (every tuning question's lead, to diff)
/// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- ask-eval time N QUESTION…             (rough mean time and bytes per compose, not a benchmark)
/// dotnet run -c Release --project bench/MlMentorBot.Benchmarks -- ask-eval readings                   (the costliest readings over the tuning questions)
/// </code>
/// Misses are printed only for the sets a round tunes on (members' tune split, first, fresh, helpers, the batches); the
/// holdout split and the blind sets print their summary lines alone, so they keep measuring whether rules carry over.
/// </summary>
internal static class AskEval
{
    /// <summary>Committed sets whose misses a round may read.</summary>
    private static readonly string[] TuningSets = ["fresh", "helpers"];

    /// <summary>Committed sets read through their summary lines only, in the order they were written.</summary>
    private static readonly string[] SummaryOnlySets =
    [
        "fourth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first",
    ];

    /// <summary>
    /// The newest blind sets, whose summary a round reads once on its base and once at its end (ask-eval blind), so that
    /// trying rules against them does not fit the rules to them.
    /// </summary>
    private static readonly string[] BlindSets = ["twenty-second", "twenty-third", "twenty-fourth"];

    /// <summary>Tuning batches, each <c>NAME.tsv</c> (question, in|off, entry ids) with <c>NAME-labels-second.tsv</c> beside it.</summary>
    private static string BatchFolder => Path.Combine(RepoPaths.Root, "bench", "ask-batches");

    public static int Run(string[] args)
    {
        var misses = args.Contains("--misses");
        var rest = args.Where(a => a != "--misses").ToArray();
        var snapshot = RepoPaths.KnowledgeSnapshot;
        switch (rest.FirstOrDefault())
        {
            case "why":
                foreach (var question in rest.Skip(1))
                {
                    Why(snapshot, question);
                }

                return 0;
            case "sets":
                Print(snapshot, "members tune", AskQuestionSet.Members("tune"), AskQuestionSet.SecondLabels(), misses);
                Print(snapshot, "members holdout", AskQuestionSet.Members("holdout"), AskQuestionSet.SecondLabels(), false);
                Print(snapshot, "first", AskQuestionSet.First(), null, misses);
                foreach (var name in TuningSets)
                {
                    Print(snapshot, name, AskQuestionSet.Labelled($"ask-questions-{name}.tsv", name), null, misses);
                }

                PrintSummaries(snapshot, SummaryOnlySets);
                return 0;
            case "blind":
                PrintSummaries(snapshot, BlindSets);
                return 0;
            case "batches":
                foreach (var file in BatchFiles())
                {
                    var second = Path.ChangeExtension(file, null) + "-labels-second.tsv";
                    Print(snapshot, Path.GetFileNameWithoutExtension(file), AskQuestionSet.Labelled(file, "batch"),
                        File.Exists(second) ? AskQuestionSet.SecondLabels(second) : null, misses);
                }

                return 0;
            case "leads":
                // One line per tuning question, "set \t question \t lead \t right|wrong", to diff two builds' answers.
                foreach (var (name, questions) in TuningQuestions())
                {
                    foreach (var q in questions)
                    {
                        var result = AskQuestionSet.Evaluate(snapshot, [q]);
                        var lead = AskHandler.Compose(snapshot, q.Question).Lead is { } l ? l.Entry.Id + (l.Heading is null ? "" : " # " + l.Heading) : "-";
                        Console.WriteLine($"{name}\t{q.Question}\t{lead}\t{(result.AnswerFirst + result.Honest == 1 ? "right" : "wrong")}");
                    }
                }

                return 0;
            case "readings":
                Readings(TuningQuestions().SelectMany(t => t.Questions).Select(q => q.Question).ToList());
                return 0;
            case "time" when rest.Length >= 3 && int.TryParse(rest[1], out var times):
                // A rough look, not a benchmark: mean microseconds per compose of each question, after a warm-up, in one
                // process; BenchmarkDotNet (AskBenchmarks) is what the speed targets are measured with.
                foreach (var question in rest.Skip(2))
                {
                    for (var i = 0; i < 50; i++)
                    {
                        AskHandler.Compose(snapshot, question);
                    }

                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    for (var i = 0; i < times; i++)
                    {
                        AskHandler.Compose(snapshot, question);
                    }

                    var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / times;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalMicroseconds / times,10:F1} µs {bytes / 1024.0,8:F1} KB  {question}"));
                }

                return 0;
            case "file" when rest.Length is 2 or 3:
                Print(snapshot, Path.GetFileNameWithoutExtension(rest[1]), AskQuestionSet.Labelled(Path.GetFullPath(rest[1]), "file"),
                    rest.Length == 3 ? AskQuestionSet.SecondLabels(Path.GetFullPath(rest[2])) : null, misses);
                return 0;
            default:
                Console.Error.WriteLine("usage: ask-eval why QUESTION… | sets [--misses] | blind | batches [--misses] | file PATH [SECOND-LABELS] [--misses] | leads | time N QUESTION… | readings");
                return 2;
        }
    }

    /// <summary>
    /// A rough look at where reading a question costs most: each of the search's readings (KnowledgeSearchIndex.Readings),
    /// applied in order to every question as the search does, timed over a few passes; the fifteen costliest are printed
    /// with their share of the whole, in microseconds per question.
    /// </summary>
    private static void Readings(IReadOnlyList<string> questions)
    {
        var readings = KnowledgeSearchIndex.Readings;
        var ticks = new long[readings.Length];
        const int passes = 5;
        for (var pass = 0; pass <= passes; pass++)
        {
            foreach (var question in questions)
            {
                var text = question.ToLowerInvariant().Replace('’', '\'');
                for (var i = 0; i < readings.Length; i++)
                {
                    var start = System.Diagnostics.Stopwatch.GetTimestamp();
                    text = readings[i].Apply(text);
                    // The first pass warms up and is not counted.
                    ticks[i] += pass == 0 ? 0 : System.Diagnostics.Stopwatch.GetTimestamp() - start;
                }
            }
        }

        double PerQuestion(long t) => t * 1e6 / System.Diagnostics.Stopwatch.Frequency / passes / questions.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{questions.Count} questions, {readings.Length} readings: {PerQuestion(ticks.Sum()):F1} µs per question"));
        foreach (var i in Enumerable.Range(0, readings.Length).OrderByDescending(i => ticks[i]).Take(15))
        {
            var name = readings[i].Pattern.GetType().Name;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{PerQuestion(ticks[i]),8:F2} µs  {name[(name.LastIndexOf("__", StringComparison.Ordinal) + 2)..]}{(readings[i].Needs is null ? "" : " (guarded)")}"));
        }
    }

    /// <summary>The summary lines of committed sets with second labels, by name.</summary>
    private static void PrintSummaries(KnowledgeSnapshot snapshot, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            Print(snapshot, name, AskQuestionSet.Labelled($"ask-questions-{name}.tsv", name),
                AskQuestionSet.SecondLabels($"ask-questions-{name}-labels-second.tsv"), false);
        }
    }

    /// <summary>The sets whose misses a round may read: the members' tune split, first, fresh, helpers and the batches.</summary>
    private static IEnumerable<(string Name, IReadOnlyList<LabelledQuestion> Questions)> TuningQuestions()
    {
        yield return ("members tune", AskQuestionSet.Members("tune"));
        yield return ("first", AskQuestionSet.First());
        foreach (var name in TuningSets)
        {
            yield return (name, AskQuestionSet.Labelled($"ask-questions-{name}.tsv", name));
        }

        foreach (var file in BatchFiles())
        {
            yield return (Path.GetFileNameWithoutExtension(file), AskQuestionSet.Labelled(file, "batch"));
        }
    }

    private static IEnumerable<string> BatchFiles() =>
        Directory.EnumerateFiles(BatchFolder, "*.tsv").Where(f => !f.EndsWith("-labels-second.tsv", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>One summary line (and the misses, when asked); with second labels, how many leads match either labeller.</summary>
    private static void Print(KnowledgeSnapshot snapshot, string name, IReadOnlyList<LabelledQuestion> questions,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? second, bool misses)
    {
        var result = AskQuestionSet.Evaluate(snapshot, questions);
        if (misses)
        {
            result.Misses.ForEach(Console.WriteLine);
        }

        var either = "";
        if (second is not null)
        {
            var inScope = questions.Where(q => q.IsInScope && second.ContainsKey(q.Question)).ToList();
            bool Right(string? lead, IReadOnlyList<string> label) => lead is null ? label.Count == 0 : label.Contains(lead);
            var right = inScope.Count(q => AskHandler.Compose(snapshot, q.Question).Lead?.Entry.Id is var lead
                && (Right(lead, q.Entries) || Right(lead, second[q.Question])));
            either = string.Create(CultureInfo.InvariantCulture, $"; either label {right}/{inScope.Count}");
        }

        Console.WriteLine($"{name}: {result}{either}");
    }

    /// <summary>What /ask makes of one question: its lead, pointers and words, and the best hits before and after re-ranking.</summary>
    private static void Why(KnowledgeSnapshot snapshot, string question)
    {
        var answer = AskHandler.Compose(snapshot, question);
        static string Name(AskPassage p) => p.Entry.Id + (p.Heading is null ? "" : " # " + p.Heading);
        Console.WriteLine($"Q: {question}");
        Console.WriteLine($"  lead: {(answer.Lead is { } lead ? Name(lead) : "(none)")}; not covered: {answer.NotCovered ?? "-"}; unranked: {(answer.Unranked is { } u ? string.Join(" / ", u.Options) : "-")}");
        Console.WriteLine($"  pointers: {string.Join(" | ", answer.Related.Select(Name))}");
        if (answer.SecondUnanswered is not null)
        {
            Console.WriteLine($"  second unanswered: {answer.SecondUnanswered} (not covered: {answer.SecondNotCovered ?? "-"})");
        }

        var query = answer.Query;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  words: {string.Join(" ", query.Terms)}; unknown: {string.Join(" ", query.Unknown)}; coverage {query.Coverage:F2}; names the field: {query.NamesTheField}"));
        foreach (var hit in snapshot.Search.Search(query, 5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    bm25 {hit.Score,8:F2}  {hit.Entry.Id} # {hit.Heading}"));
        }

        foreach (var hit in AskHandler.Answer(snapshot, query).Take(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    ranked {hit.Score,8:F2}  {hit.Entry.Id} # {hit.Heading}"));
        }
    }
}
