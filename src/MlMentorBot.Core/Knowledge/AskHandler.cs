using System.Globalization;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Knowledge;

/// <summary>
/// An <c>/ask</c> question that had no confident answer. Holds the question, the time and the community it was asked in
/// (<see cref="Communities.CommunityKeys"/>; empty when unknown), never who asked.
/// </summary>
internal sealed record AnswerGap(string Question, DateTimeOffset AskedAt)
{
    /// <summary>The community key (<c>slack:T…</c>, <c>discord:…</c>, <c>local:</c>) whose moderators see it; empty when unknown.</summary>
    public string Community { get; init; } = "";
}

/// <summary>Where unanswered questions go (the moderators' <c>/kb gaps</c>). The default discards them.</summary>
internal class AnswerGapRecorder
{
    public virtual Task RecordAsync(AnswerGap gap, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// One passage an answer shows or points to: a section of <paramref name="Entry"/> (<paramref name="Heading"/> null for the
/// text before the first heading), a roadmap <paramref name="Step"/>, or the salary figures put in the order the question asks.
/// </summary>
public sealed record AskPassage(KnowledgeEntry Entry, string? Heading, string Markdown, RoadmapStep? Step = null)
{
    /// <summary>"Entry title — Heading", or the entry title alone.</summary>
    public string Title => Heading is null ? Entry.Title : $"{Entry.Title} — {Heading}";
}

/// <summary>
/// What <c>/ask</c> makes of a question: <paramref name="Lead"/> is the one passage that answers it (null when nothing does
/// confidently), <paramref name="Related"/> up to two other passages worth a pointer.
/// </summary>
public sealed record AskAnswer(SearchQuery Query, AskPassage? Lead, IReadOnlyList<AskPassage> Related);

/// <summary>
/// <c>/ask question</c>: answer first. SQLite FTS5 bm25 finds candidate passages (sections, roadmap steps, figures); they are
/// re-ranked by what the knowledge says about itself (headings and step titles that name the question's words, the kind of
/// question) and the best one leads the reply, cut to <see cref="MaxLeadLength"/> characters around the question's words,
/// with its source. Pay questions lead with the figure they ask about. Up to two related passages follow as one-line pointers.
/// When nothing is relevant enough the reply says so, says what the bot can answer and where to ask people, and records
/// the question as a gap. Every answer carries "Helpful" / "Not helpful" buttons (<c>/feedback</c>).
/// </summary>
internal sealed class AskHandler(IKnowledgeProvider knowledge, AnswerGapRecorder gaps, TimeProvider time) : ICommandHandler
{
    /// <summary>
    /// A best passage scoring above this bm25 value (scores are negative; nearer zero is weaker) is not a confident answer.
    /// Tuned on the question sets in tests/MlMentorBot.Tests/Knowledge/.
    /// </summary>
    public const double ConfidenceThreshold = -2.0;

    /// <summary>Longest lead passage, in characters (issue #14: "at most about 600").</summary>
    public const int MaxLeadLength = 600;

    /// <summary>How many related passages follow the lead as pointers.</summary>
    public const int MaxRelated = 2;

    /// <summary>Longest question carried in a feedback button, in characters (a button is not a transcript).</summary>
    public const int MaxFeedbackQuestionLength = 300;

    public string CommandName => "ask";

    /// <summary>
    /// The passages that answer <paramref name="question"/> confidently, best first; empty when nothing does. The best bm25
    /// score is weighed by <see cref="SearchQuery.Coverage"/>, so one known word in a question of unknown ones is not enough;
    /// and a question that does not name the field (<see cref="SearchQuery.NamesTheField"/>) but has a word the knowledge
    /// never uses ("salary of a nurse", "roadmap for guitar", "bootcamp for the army") is about someone else's topic.
    /// </summary>
    public static IReadOnlyList<SearchHit> Answer(KnowledgeSnapshot snapshot, SearchQuery question)
    {
        // 30 candidates, not a dozen: the re-ranking below can lift a passage bm25 ranked lower, and the in-memory index
        // makes the longer list cost microseconds.
        var hits = snapshot.Search.Search(question, 30);
        if (hits.Count == 0 || hits[0].Score * question.Coverage > ConfidenceThreshold
            || (question.Unknown.Count > 0 && !question.NamesTheField))
        {
            return [];
        }

        var ranked = AnswerRanking.Rerank(snapshot, hits, question);
        return AnswerRanking.IsAboutPayFactors(snapshot, question)
            ? ranked.OrderBy(h => h.Entry.Kind == KnowledgeKinds.Salary && h.Entry.Figures.Count == 0 ? 0 : 1).ToList()
            : ranked;
    }

    /// <summary>Finds the lead passage and the pointers for <paramref name="question"/> on <paramref name="snapshot"/>.</summary>
    public static AskAnswer Compose(KnowledgeSnapshot snapshot, string question)
    {
        var query = snapshot.Search.Interpret(question);
        var hits = Answer(snapshot, query);
        if (hits.Count == 0)
        {
            return new AskAnswer(query, null, []);
        }

        var lead = AnswerRanking.PayPassage(snapshot, query) ?? AnswerRanking.PathPassage(snapshot, query) ?? Passage(hits[0]);
        // The passage that leads must speak about the question's rarest words, not only share its common ones.
        if (AnswerRanking.Covered(snapshot, query, lead.Entry) < AnswerRanking.CoverageFloor)
        {
            return new AskAnswer(query, null, []);
        }

        var related = hits.Select(Passage)
            .Where(p => p.Entry.Id != lead.Entry.Id)
            .DistinctBy(p => p.Entry.Id)
            .Take(MaxRelated)
            .ToList();
        return new AskAnswer(query, lead, related);
    }

    public async Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var question = request.Option("question") ?? "";
        var answer = Compose(knowledge.Current, question);
        if (answer.Lead is null)
        {
            await gaps.RecordAsync(new AnswerGap(question, time.GetUtcNow()) { Community = Communities.CommunityKeys.Of(request.Member) }, cancellationToken);
            return EntryReplies.AimAt(NotInKnowledge(), request);
        }

        return EntryReplies.AimAt(Reply(answer, question, vote: null), request);
    }

    /// <summary>
    /// The reply for a found answer. With <paramref name="vote"/> null it carries the feedback buttons; after a vote
    /// (<c>helpful</c> or <c>not-helpful</c>) they give way to a short thanks and a button to change the vote.
    /// </summary>
    public static BotReply Reply(AskAnswer answer, string question, string? vote)
    {
        var lead = answer.Lead ?? throw new ArgumentException("The answer has no lead passage.", nameof(answer));
        var sections = new List<ReplySection>();
        if (Understood(answer.Query) is { } understood)
        {
            sections.Add(understood);
        }

        var body = AnswerRanking.Excerpt(lead.Markdown, answer.Query, MaxLeadLength);
        sections.Add(new ReplySection(lead.Title, body + (lead.Step is null ? "" : $"\nRoadmap step: `{lead.Step.Id}`")));
        if (answer.Related.Count > 0)
        {
            sections.Add(new ReplySection("Related", string.Join("\n", answer.Related.Select(p => $"- {p.Title}: `{CommandFor(p)}`"))));
        }

        if (vote is not null)
        {
            sections.Add(new ReplySection(null, vote == FeedbackVotes.Helpful
                ? "_Thanks for your feedback: glad it helped._"
                : "_Thanks for your feedback: the moderators will see this question and can improve the answer._"));
        }

        var actions = new List<SuggestedAction>();
        if (lead.Entry.Kind is not (KnowledgeKinds.Role or KnowledgeKinds.Career))
        {
            actions.Add(new SuggestedAction(Shorten("More: " + lead.Entry.Title), EntryReplies.CommandFor(lead.Entry)));
        }

        actions.AddRange(answer.Related.Select(p => new SuggestedAction(Shorten(p.Heading ?? p.Entry.Title), CommandFor(p))));
        if (lead.Step is not null)
        {
            actions.Add(new SuggestedAction("Mark this step done", $"/progress mark {lead.Step.Id} done"));
        }

        var asked = FeedbackQuestion(question);
        actions.AddRange(vote switch
        {
            null =>
            [
                new SuggestedAction("Helpful", FeedbackLine(FeedbackVotes.Helpful, lead.Entry.Id, asked), ActionStyle.Primary),
                new SuggestedAction("Not helpful", FeedbackLine(FeedbackVotes.NotHelpful, lead.Entry.Id, asked)),
            ],
            FeedbackVotes.Helpful => [new SuggestedAction("Change to not helpful", FeedbackLine(FeedbackVotes.NotHelpful, lead.Entry.Id, asked))],
            _ => [new SuggestedAction("Change to helpful", FeedbackLine(FeedbackVotes.Helpful, lead.Entry.Id, asked))],
        });

        return new BotReply
        {
            Title = Truncate(question.Trim().TrimEnd('?', ' ') + "?", 200),
            Sections = sections,
            Sources = EntryReplies.Cite([lead.Entry]),
            EntryId = lead.Entry.Id,
            Actions = actions,
            IsPrivate = true,
        };
    }

    /// <summary>
    /// The honest reply: what the bot can answer (its topics and commands) and where to ask people instead (the community's
    /// own channels, and the communities in <c>/resources communities</c>).
    /// </summary>
    public static BotReply NotInKnowledge() => new()
    {
        Title = "That's not in my knowledge",
        Sections =
        [
            new ReplySection(null,
                "I only answer from my knowledge files about becoming a machine learning engineer, and nothing there answers this, so I won't guess."),
            new ReplySection("What I can answer",
                "- the role and its daily work · `/ask what does an ml engineer do`\n- the roadmap, stage by stage · `/roadmap`\n" +
                "- ML engineer pay, with sources · `/salary`\n- skills to learn · `/skills`\n- where to learn them · `/resources`"),
            new ReplySection("Ask people instead",
                "Post it in this community's channels, where members and mentors can answer, or in the online communities listed in `/resources communities`."),
        ],
        Tone = ReplyTone.Warning,
        IsPrivate = true,
        Actions = [new SuggestedAction("Roadmap", "/roadmap"), new SuggestedAction("Communities", "/resources communities"), new SuggestedAction("Help", "/help")],
    };

    /// <summary><c>/feedback helpful salary.figures how much do juniors earn</c>: the command line a feedback button runs.</summary>
    public static string FeedbackLine(string vote, string entryId, string question) => $"/feedback {vote} {entryId} {question}";

    /// <summary>The question as a feedback button carries it: one line, at most <see cref="MaxFeedbackQuestionLength"/> characters.</summary>
    public static string FeedbackQuestion(string question)
    {
        var oneLine = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('"', '“', '”');
        return oneLine.Length <= MaxFeedbackQuestionLength ? oneLine : oneLine[..MaxFeedbackQuestionLength];
    }

    /// <summary>The command that shows a passage: the entry's topic command, or for the role and career entries an /ask for it.</summary>
    private static string CommandFor(AskPassage passage) => EntryReplies.CommandFor(passage.Entry);

    /// <summary>"Searched for salary (you typed salery)", so a member sees how a typo was read.</summary>
    /// <remarks>A plural read as its singular ("juniors" → junior) is not worth a remark.</remarks>
    private static ReplySection? Understood(SearchQuery query)
    {
        var shown = query.Corrections.Where(c => c.Typed != c.Understood + "s" && c.Typed != c.Understood + "es").ToList();
        return shown.Count == 0
            ? null
            : new ReplySection(null, "_Searched for " + string.Join(", ", shown.Select(c => $"**{c.Understood}** (you typed {c.Typed})")) + "._");
    }

    private static AskPassage Passage(SearchHit hit) => new(hit.Entry, hit.Heading, hit.Markdown, hit.Step);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..39] + "…";

    internal static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOfAny(['\n', '.', ' '], max - 2);
        return text[..(cut > max / 2 ? cut : max - 2)].TrimEnd() + " …";
    }
}

/// <summary>The two feedback votes, as <c>/feedback</c> takes them and the store keeps them.</summary>
internal static class FeedbackVotes
{
    public const string Helpful = "helpful";
    public const string NotHelpful = "not-helpful";
}

/// <summary>
/// How /ask orders candidate passages beyond shared words, using what the knowledge says about itself: section headings and
/// step titles that name the question's words, the kind of question (why / how do I / what is), and, for pay questions, the
/// salary figures in the order the question asks for them.
/// </summary>
internal static class AnswerRanking
{
    /// <summary>Words that ask for causes: "why", "what affects". A pay question with one is about what moves pay, not the figures.</summary>
    private static readonly HashSet<string> CauseWords = new(StringComparer.Ordinal)
    {
        "why", "affect", "affects", "affected", "depend", "depends", "determine", "determines", "factor", "factors", "vary", "varies",
        "differ", "differs", "difference", "influence", "influences", "impact", "impacts",
    };

    /// <summary>
    /// What the ranking needs from a snapshot, worked out once per snapshot rather than on every question (#14: /ask under
    /// 1 ms): the stems of every heading and step title, of the pay factors' headings, of other entries' names, and of the
    /// roadmap's own words. Snapshots are immutable, so a weak table keyed by the snapshot never goes stale.
    /// </summary>
    private sealed class SnapshotFacts
    {
        public SnapshotFacts(KnowledgeSnapshot snapshot)
        {
            foreach (var entry in snapshot.Entries)
            {
                foreach (var heading in entry.Sections.Select(s => s.Heading).Concat(entry.Steps.Select(s => s.Title)))
                {
                    if (heading is not null)
                    {
                        HeadingStems.TryAdd(heading, Words(heading).Select(Stem).ToArray());
                    }
                }

                var words = new HashSet<string>(StringComparer.Ordinal);
                var texts = entry.Aliases.Concat(entry.Tags).Append(entry.Title).Append(entry.Key.Replace('-', ' ')).Append(entry.Summary)
                    .Concat(entry.Sections.SelectMany(s => new[] { s.Heading ?? "", s.Markdown }))
                    .Concat(entry.Steps.SelectMany(s => new[] { s.Title, s.Detail }))
                    .Concat(entry.Figures.Select(f => f.Label + " " + f.Describe()));
                foreach (var text in texts)
                {
                    foreach (var word in Words(text))
                    {
                        words.Add(PorterStemmer.StemInflections(word));
                    }
                }

                EntryWords[entry.Id] = words;
                foreach (var word in words)
                {
                    EntriesUsing[word] = EntriesUsing.GetValueOrDefault(word) + 1;
                }

                TitleStems[entry.Id] = Words(entry.Title + " " + entry.Key.Replace('-', ' ')).Select(Stem).Where(w => w.Length >= 3).ToHashSet(StringComparer.Ordinal);
            }

            // The factors entry's own headings (Location, Industry demand, Company size…) name what moves pay; "experience"
            // is left out because "experienced" is also a figure level.
            var levels = snapshot.SalaryFigures.Select(f => Stem(f.Level)).ToHashSet(StringComparer.Ordinal);
            FactorStems = snapshot.OfKind(KnowledgeKinds.Salary).Where(e => e.Figures.Count == 0)
                .SelectMany(e => e.Sections).SelectMany(s => Words(s.Heading ?? "")).Select(Stem)
                .Where(w => w.Length >= 4 && !levels.Contains(w)).ToHashSet(StringComparer.Ordinal);
            TopicNameStems = snapshot.Entries.Where(e => e.Kind is not (KnowledgeKinds.Salary or KnowledgeKinds.Synonyms or KnowledgeKinds.Role))
                .SelectMany(e => e.Aliases.Append(e.Key)).Select(Stem).ToHashSet(StringComparer.Ordinal);
            PayStems = levels.Append(Stem("salary")).ToHashSet(StringComparer.Ordinal);
            RoadmapStems = snapshot.Synonyms.Where(kv => kv.Value == "roadmap").Select(kv => kv.Key).Append("roadmap")
                .Select(Stem).ToHashSet(StringComparer.Ordinal);
        }

        public Dictionary<string, string[]> HeadingStems { get; } = new(StringComparer.Ordinal);

        /// <summary>Entry id → the stems of its title and key: the words that name what the entry is about.</summary>
        public Dictionary<string, HashSet<string>> TitleStems { get; } = new(StringComparer.Ordinal);

        public HashSet<string> FactorStems { get; }

        /// <summary>Entry id → the inflection stems of every word it holds: title, aliases, key, tags, summary, body, steps.</summary>
        public Dictionary<string, HashSet<string>> EntryWords { get; } = new(StringComparer.Ordinal);

        /// <summary>Inflection stem → how many entries use it.</summary>
        public Dictionary<string, int> EntriesUsing { get; } = new(StringComparer.Ordinal);

        public HashSet<string> TopicNameStems { get; }

        public HashSet<string> PayStems { get; }

        public HashSet<string> RoadmapStems { get; }

        public string[] StemsOf(string? heading) =>
            heading is null ? [] : HeadingStems.TryGetValue(heading, out var stems) ? stems : Words(heading).Select(Stem).ToArray();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeSnapshot, SnapshotFacts> Facts = new();

    private static SnapshotFacts FactsOf(KnowledgeSnapshot snapshot) => Facts.GetValue(snapshot, s => new SnapshotFacts(s));

    /// <summary>
    /// The share (0–1) of the question's information that <paramref name="entry"/> speaks about: each content word
    /// (<see cref="SearchQuery.Concepts"/>, as typed or as its synonym's canonical word) weighs its rarity across entries,
    /// ln(entries / entries using it) + 0.1, so a word no entry uses weighs the most (as if half an entry did); each alias the
    /// question names weighs as much as the rarest word and counts when it is one of the entry's own ("what does mle mean").
    /// </summary>
    public static double Covered(KnowledgeSnapshot snapshot, SearchQuery query, KnowledgeEntry entry)
    {
        var facts = FactsOf(snapshot);
        // A question of names alone ("how do i become an ml engineer") has nothing rarer to miss.
        if (query.Concepts.Count == 0 || !facts.EntryWords.TryGetValue(entry.Id, out var words))
        {
            return 1;
        }

        var rarest = Math.Log(facts.EntryWords.Count / 0.5) + 0.1;
        double total = 0, covered = 0;
        foreach (var concept in query.Concepts)
        {
            var stems = new List<string>(2);
            foreach (var word in concept)
            {
                foreach (var part in Words(word))
                {
                    stems.Add(PorterStemmer.StemInflections(part));
                }
            }

            // A word and its synonym's canonical word are one thing asked: its rarity is over the entries that use either.
            var df = stems.Count == 1 ? facts.EntriesUsing.GetValueOrDefault(stems[0]) : facts.EntryWords.Values.Count(w => stems.Exists(w.Contains));
            var found = stems.Exists(words.Contains);
            var weight = Math.Log(facts.EntryWords.Count / Math.Max(0.5, df)) + 0.1;
            total += weight;
            covered += found ? weight : 0;
        }

        foreach (var alias in query.Aliases)
        {
            total += rarest;
            covered += entry.Aliases.Contains(alias, StringComparer.OrdinalIgnoreCase) ? rarest : 0;
        }

        return covered / total;
    }

    /// <summary>Re-ranks bm25 hits (negative scores) by heading and question-kind bonuses; best first.</summary>
    public static IReadOnlyList<SearchHit> Rerank(KnowledgeSnapshot snapshot, IReadOnlyList<SearchHit> hits, SearchQuery query)
    {
        var facts = FactsOf(snapshot);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in query.Terms)
        {
            stems.Add(Stem(term));
        }

        var kind = KindOf(query.Words);
        var asksRole = AsksWhatTheRoleIs(snapshot, query);
        var asksPay = stems.Overlaps(facts.PayStems) || query.Terms.Contains("money");
        var scored = new (SearchHit Hit, int Index, double Score)[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var titled = facts.TitleStems.TryGetValue(hits[i].Entry.Id, out var title) && title.Overlaps(stems) ? TitleBonus : 0;
            // A pay entry answers questions about pay: "what industries hire the most" or "is ml in demand" share its
            // words (industry, demand, company) but ask about the role.
            var offPay = !asksPay && hits[i].Entry.Kind == KnowledgeKinds.Salary ? -PayOnlyPenalty : 0;
            var role = asksRole && hits[i].Entry.Kind == KnowledgeKinds.Role ? RolePrior : 0;
            scored[i] = (hits[i], i, hits[i].Score * (1 + titled + offPay + role + Bonus(hits[i], facts.StemsOf(hits[i].Heading), stems, kind)));
        }

        // A stable sort by score, earlier bm25 rank breaking ties.
        Array.Sort(scored, (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.Index.CompareTo(b.Index));
        var ranked = new List<SearchHit>(scored.Length);
        foreach (var (hit, _, score) in scored)
        {
            ranked.Add(hit with { Score = score });
        }

        return ranked;
    }

    /// <summary>
    /// Extra weight (a share of the bm25 score) for a passage whose entry's title or key names a word of the question: in
    /// "what algorithms should i learn first as a beginner" the rare words (beginner, first) outscore the topic word every
    /// skill page shares. Measured on the members' tune split: 0.3 beat 0, 0.15 and 0.6.
    /// </summary>
    private const double TitleBonus = 0.3;

    /// <summary>
    /// Extra weight (a share of the bm25 score) for a role entry's passage when the question asks what the role is
    /// (<see cref="AsksWhatTheRoleIs"/>): in "wat even is a machine learning engineer, my uncle keeps asking" the asker's
    /// own words ("keeps") outscore the role's name, which every entry shares. Measured on the members' tune split: 0.2 to
    /// 0.7 all gain that one question and lose none; 0.3 sits low in that range.
    /// </summary>
    private const double RolePrior = 0.3;

    /// <summary>
    /// "What is an ML engineer", "what does an mle do", "who are ml engineers": a what/who question about the role itself,
    /// naming no other entry by its aliases (<c>what is mlops</c> asks about deployment) and not asking what one needs or must
    /// know (<c>what does an ml engineer need to know</c> asks about skills). The question-kind prior for the role
    /// entries. Priors for other kinds were measured in the same round (issue #14) and did not carry their weight on the tune
    /// split: "how do I start / what next / switch / too late" → roadmap lost one ("what algorithms should I learn first"
    /// wants the skill page), "do I need / understand" → skills and "recommend / worth" → resources moved nothing.
    /// </summary>
    private static bool AsksWhatTheRoleIs(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var words = query.Words;
        if (words.Count == 0 || words[0] is not ("what" or "whats" or "wat" or "who")
            || !words.Any(w => w is "is" or "does" or "do" or "are") || !words.Any(w => w is "engineer" or "engineers" or "mle" or "mles")
            || words.Any(w => w is "need" or "needs" or "know" or "understand" or "require" or "required" or "requirements"))
        {
            return false;
        }

        foreach (var alias in query.Aliases)
        {
            if (!snapshot.OfKind(KnowledgeKinds.Role).Any(e => e.Aliases.Contains(alias, StringComparer.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Weight taken off (a share of the bm25 score) a pay entry's passage when the question names no pay word. Measured on the
    /// members' tune split: 0.2 to 0.8 all gain two questions ("what industries hire…", "…in demand…") and lose none; 0.4 sits mid-way.
    /// </summary>
    private const double PayOnlyPenalty = 0.4;


    /// <summary>
    /// A lead passage whose entry speaks about less than this share of the question's information (<see cref="Covered"/>) is
    /// not an answer: "how much do ml engineers at google make" shares the pay words with the figures but not the company, which
    /// carries most of what is asked. Measured on the members' tune split together with the off-topic questions: 0.06–0.16
    /// all gain, 0.08 the most (two "not covered" questions answered honestly, none of the right answers lost); 0.2 loses.
    /// </summary>
    public const double CoverageFloor = 0.08;

    private static double Bonus(SearchHit hit, string[] headingStems, HashSet<string> stems, QuestionKind kind)
    {
        var heading = hit.Heading ?? "";
        var named = 0;
        foreach (var stem in headingStems)
        {
            named += stems.Contains(stem) ? 1 : 0;
        }

        var bonus = 0.35 * Math.Min(named, 2);
        if (kind == QuestionKind.Why && heading.StartsWith("Why", StringComparison.OrdinalIgnoreCase))
        {
            bonus += 0.5;
        }

        // A mentor's note is advice around a topic, not what the question asks; a roadmap step is a to-do line that answers
        // "how do I" questions, while "do I need X" wants the topic's own entry.
        if (heading.StartsWith("Mentor", StringComparison.OrdinalIgnoreCase))
        {
            bonus -= 0.3;
        }

        if (hit.Step is not null)
        {
            bonus -= kind == QuestionKind.HowDo ? 0.2 : 0.45;
        }

        return bonus;
    }

    /// <summary>
    /// For a question about pay that does not ask what moves it: the salary figures with the one asked about first (a level
    /// named through its synonyms, "junior" → entry; otherwise the average), its source and year, then the others in one line.
    /// Null for any other question, or when the knowledge has no figures.
    /// </summary>
    public static AskPassage? PayPassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var isPay = query.Terms.Contains("salary") || (Phrase(query.Words, "how", "much") && query.Words.Any(w => w is "make" or "makes" or "making"));
        var figuresEntry = snapshot.OfKind(KnowledgeKinds.Salary).FirstOrDefault(e => e.Figures.Count > 0);
        if (!isPay || figuresEntry is null || query.Words.Any(CauseWords.Contains) || NamesAFactor(snapshot, query)
            || NamesAnotherTopic(snapshot, query))
        {
            return null;
        }

        var figures = figuresEntry.Figures;
        var asked = figures.FirstOrDefault(f => query.Terms.Contains(f.Level, StringComparer.OrdinalIgnoreCase))
            ?? figures.FirstOrDefault(f => f.Amount is not null) ?? figures[0];
        var others = figures.Where(f => f != asked).Select(f => $"{f.Label.ToLowerInvariant()} {Figure(f)}");
        var factors = snapshot.OfKind(KnowledgeKinds.Salary).FirstOrDefault(e => e.Figures.Count == 0);
        var text = $"**{asked.Label}: {Figure(asked)}**{(asked.Region is null ? "" : $" in the {asked.Region}")}. " +
            $"Source: {SourceOf(asked)}.\n\nThe other figures: {string.Join("; ", others)}." +
            (factors is null ? "" : $"\nWhat moves pay: {factors.Sections.Where(s => s.Heading is not null).Select(s => s.Heading!.ToLowerInvariant()).JoinAnd()} (`/salary`).");
        return new AskPassage(figuresEntry, asked.Label, text);
    }

    /// <summary>
    /// "How do I become an ML engineer", "step by step plan to become one": a question about becoming one that names nothing but
    /// the roadmap is answered by the whole path, the first stage's section named after the roadmap's own words (its synonyms:
    /// path, plan, steps…). Null for any other question.
    /// </summary>
    public static AskPassage? PathPassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var stems = FactsOf(snapshot).RoadmapStems;
        if (!query.Words.Any(w => w is "become" or "becoming") || !query.Terms.All(t => stems.Contains(Stem(t)))
            || snapshot.Stages.FirstOrDefault() is not { } first)
        {
            return null;
        }

        var section = first.Sections.FirstOrDefault(s => FactsOf(snapshot).StemsOf(s.Heading).Any(stems.Contains)) ?? first.Sections.FirstOrDefault();
        return section is null ? null : new AskPassage(first, section.Heading, section.Markdown);
    }

    /// <summary>
    /// Cuts a passage to <paramref name="max"/> characters: whole when it fits, else the run of consecutive paragraphs or list
    /// items that holds most of the question's words (the earliest such run), ending with " …" where text was left out.
    /// </summary>
    public static string Excerpt(string markdown, SearchQuery query, int max)
    {
        if (markdown.Length <= max)
        {
            return markdown;
        }

        // Blocks: a line that does not start with a space begins one; indented lines continue a list item.
        var blocks = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            if (blocks.Count > 0 && (line.StartsWith(' ') || line.Length == 0 && blocks[^1].Length == 0))
            {
                blocks[^1] += "\n" + line;
            }
            else
            {
                blocks.Add(line);
            }
        }

        var stems = query.Terms.Select(Stem).ToHashSet(StringComparer.Ordinal);
        var hits = blocks.Select(b => Words(b).Select(Stem).Count(stems.Contains)).ToList();
        int bestStart = 0, bestEnd = 0, bestHits = -1;
        for (var start = 0; start < blocks.Count; start++)
        {
            int length = 0, count = 0, end = start;
            while (end < blocks.Count && length + blocks[end].Length + 1 <= max - 2)
            {
                length += blocks[end].Length + 1;
                count += hits[end];
                end++;
            }

            if (count > bestHits && end > start)
            {
                (bestStart, bestEnd, bestHits) = (start, end, count);
            }
        }

        if (bestHits < 0)
        {
            return AskHandler.Truncate(markdown, max);
        }

        var text = string.Join("\n", blocks.Skip(bestStart).Take(bestEnd - bestStart)).Trim();
        return (bestStart > 0 ? "… " : "") + text + (bestEnd < blocks.Count ? " …" : "");
    }

    private static bool NamesAFactor(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var factors = FactsOf(snapshot).FactorStems;
        foreach (var word in query.Words)
        {
            if (factors.Contains(Stem(word)))
            {
                return true;
            }
        }

        foreach (var term in query.Terms)
        {
            if (factors.Contains(Stem(term)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Are bootcamps worth the $$": the question names another entry by its key or an alias, so it is about that.</summary>
    private static bool NamesAnotherTopic(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var facts = FactsOf(snapshot);
        foreach (var term in query.Terms)
        {
            var stem = Stem(term);
            if (!facts.PayStems.Contains(stem) && facts.TopicNameStems.Contains(stem))
            {
                return true;
            }
        }

        return false;
    }

    private static string Figure(SalaryFigure figure) =>
        figure.Amount is not null ? $"about {figure.Describe()}" : figure.Describe();

    private static string SourceOf(SalaryFigure figure)
    {
        var note = figure.Source.Note is { } n && n.StartsWith("citing", StringComparison.Ordinal) ? ", " + n.Split(';')[0] : "";
        var year = figure.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "no year given";
        return $"{EntryReplies.ShortName(figure.Source)}{note} ({year})";
    }

    private static string JoinAnd(this IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }

    private static bool Phrase(IReadOnlyList<string> words, string first, string second)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == first && words[i + 1] == second)
            {
                return true;
            }
        }

        return false;
    }

    private enum QuestionKind { Other, Why, HowDo }

    private static QuestionKind KindOf(IReadOnlyList<string> words) =>
        words.Count == 0 ? QuestionKind.Other
        : words[0] == "why" ? QuestionKind.Why
        : words[0] == "how" && words.Count > 1 && words[1] is "do" or "to" or "can" or "should" ? QuestionKind.HowDo
        : QuestionKind.Other;

    /// <summary>A pay question that asks what moves pay ("why", "does location affect", "do bigger companies pay more").</summary>
    public static bool IsAboutPayFactors(KnowledgeSnapshot snapshot, SearchQuery query) =>
        query.Terms.Contains("salary") && (query.Words.Any(CauseWords.Contains) || NamesAFactor(snapshot, query));

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', '\n', ',', '.', ':', ';', '(', ')', '*', '-', '/', '`', '"', '\'', '?', '!'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A crude stem for comparing words with headings: the first five letters ("companies" ~ "company").</summary>
    private static string Stem(string word)
    {
        // Question words and headings' words are mostly lowercase already: skip the copy when they are.
        var lower = word.Any(char.IsUpper) ? word.ToLowerInvariant() : word;
        return lower.Length <= 5 ? lower.TrimEnd('s') : lower[..5];
    }
}
