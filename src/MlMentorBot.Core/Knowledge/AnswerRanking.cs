using System.Text.RegularExpressions;

namespace MlMentorBot.Core.Knowledge;

/// <summary>
/// How /ask orders candidate passages beyond shared words, using what the knowledge says about itself: section headings and
/// step titles that name the question's words, the kind of question (why / how do I / what is), and, for pay questions, the
/// salary figures in the order the question asks for them.
/// </summary>
internal static partial class AnswerRanking
{
    /// <summary>Words that ask for causes: "why", "what affects". A pay question with one is about what moves pay, not the figures.</summary>
    private static readonly HashSet<string> CauseWords = new(StringComparer.Ordinal)
    {
        "why", "affect", "affects", "affected", "depend", "depends", "determine", "determines", "factor", "factors", "vary", "varies",
        "differ", "differs", "difference", "influence", "influences", "impact", "impacts", "matter", "matters", "decide", "decides",
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
                        HeadingWordForms.TryAdd(heading, WordForms(heading));
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

                // A roadmap stage's title opens with what to do ("Understand the role", "Choose your education path"): the verb
                // names no topic ("I not understand the k-fold part" had led with stage 1).
                TitleStems[entry.Id] = Words(entry.Title + " " + entry.Key.Replace('-', ' ')).Select(Stem)
                    .Where(w => w.Length >= 3 && !TitleVerbs.Contains(w)).ToHashSet(StringComparer.Ordinal);
            }

            var levels = snapshot.SalaryFigures.Select(f => Stem(f.Level)).ToHashSet(StringComparer.Ordinal);
            PayStems = levels.Append(Stem("salary")).ToHashSet(StringComparer.Ordinal);
            // The factors entry's own headings (Location, Industry demand, Company size…) and tags ("finance", "healthcare":
            // the industries said to pay a premium) name what moves pay; "experience" is left out because "experienced" is
            // also a figure level, and "salary" because every pay question says it.
            FactorStems = snapshot.OfKind(KnowledgeKinds.Salary).Where(e => e.Figures.Count == 0)
                .SelectMany(e => e.Sections.Select(s => s.Heading ?? "").Concat(e.Tags)).SelectMany(Words).Select(Stem)
                .Where(w => w.Length >= 4 && !PayStems.Contains(w)).ToHashSet(StringComparer.Ordinal);
            TopicNameStems = snapshot.Entries.Where(e => e.Kind is not (KnowledgeKinds.Salary or KnowledgeKinds.Synonyms or KnowledgeKinds.Role))
                .SelectMany(e => e.Aliases.Append(e.Key)).Select(Stem).ToHashSet(StringComparer.Ordinal);
            RoadmapStems = snapshot.Synonyms.Where(kv => kv.Value == "roadmap").Select(kv => kv.Key).Append("roadmap")
                .Select(Stem).ToHashSet(StringComparer.Ordinal);
            PayWordStems = snapshot.Synonyms.Where(kv => kv.Value == "salary").Select(kv => kv.Key).Where(k => !k.Contains(' '))
                .Append("salary").Append("usd").Select(Stem).ToHashSet(StringComparer.Ordinal);
            // "learn" (and its variants: study, self teach…) and "entry" (beginner, noob…), as the synonyms map them.
            FromNothingStems = snapshot.Synonyms.Where(kv => kv.Value == "entry").Select(kv => kv.Key)
                .Concat(["entry", "zero", "scratch", "total", "complete", "absolute"])
                .Select(Stem).ToHashSet(StringComparer.Ordinal);
            StartStems = snapshot.Synonyms.Where(kv => kv.Value == "resources").Select(kv => kv.Key)
                .Concat(["resources", "first", "1st", "focus", "concentrate"]).Select(Stem).Concat(FromNothingStems).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in snapshot.Entries.Where(e => e.Kind != KnowledgeKinds.RoadmapStage))
            {
                foreach (var alias in entry.Aliases)
                {
                    AliasOwners.TryAdd(alias, entry);
                }
            }

            RoleAliases = snapshot.OfKind(KnowledgeKinds.Role).SelectMany(e => e.Aliases).ToHashSet(StringComparer.OrdinalIgnoreCase);
            SynonymTargets = snapshot.Synonyms.Values.Where(v => !v.Contains(' ')).ToHashSet(StringComparer.Ordinal);
            SkillAreasByKey = snapshot.OfKind(KnowledgeKinds.SkillArea).ToDictionary(e => e.Key, StringComparer.Ordinal);
            StepTitleStems = snapshot.Steps
                .Select(step => Words(step.Title).Where(w => w.Length >= 3 && w != "and").Select(Stem).ToArray()).ToArray();
            FirstStudyStage = snapshot.Stages.FirstOrDefault(stage =>
                stage.Related.Any(id => snapshot.FindById(id)?.Kind == KnowledgeKinds.SkillArea));
        }

        public Dictionary<string, string[]> HeadingStems { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Heading → for each of its words, its crude stem and the crude stem of its inflection stem ("writing" → writi,
        /// write), so a heading word meets the question's word in either form ("write" meets "Writing your own").
        /// </summary>
        public Dictionary<string, string[][]> HeadingWordForms { get; } = new(StringComparer.Ordinal);

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

        /// <summary>Stems of "salary", its synonyms (pay, earn, compensation…) and "usd".</summary>
        public HashSet<string> PayWordStems { get; }

        /// <summary>
        /// Stems of the words that only say a member starts from nothing: "entry" and its variants (beginner, noob…), "zero",
        /// "scratch", "complete"…
        /// </summary>
        public HashSet<string> FromNothingStems { get; }

        /// <summary>Stems of the words that ask where to begin studying without naming a topic: learn, first, beginner…</summary>
        public HashSet<string> StartStems { get; }

        /// <summary>The role entries' aliases ("ml engineer", "mle"), case-insensitive: names that say whose path or pay it is.</summary>
        public HashSet<string> RoleAliases { get; }

        /// <summary>The one-word topics the synonyms map members' words to ("algorithms", "certifications", "salary").</summary>
        public HashSet<string> SynonymTargets { get; }

        /// <summary>Skill-area entries by key ("programming" → skills.programming).</summary>
        public Dictionary<string, KnowledgeEntry> SkillAreasByKey { get; }

        /// <summary>Alias → the entry (not a roadmap stage) that declares it, case-insensitive.</summary>
        public Dictionary<string, KnowledgeEntry> AliasOwners { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The stems of each roadmap step's title words of three letters or more, "and" aside, in
        /// <see cref="KnowledgeSnapshot.Steps"/> order: what a member names when saying which step they finished.
        /// </summary>
        public string[][] StepTitleStems { get; }

        /// <summary>The first roadmap stage related to a skill area: where studying starts (the foundations).</summary>
        public KnowledgeEntry? FirstStudyStage { get; }

        public string[][] WordFormsOf(string? heading) =>
            heading is null ? [] : HeadingWordForms.TryGetValue(heading, out var forms) ? forms : WordForms(heading);

        /// <summary>For each word of <paramref name="heading"/>, its crude stem and its inflection stem's crude stem.</summary>
        private static string[][] WordForms(string heading) => Words(heading)
            .Select(w => new[] { Stem(w), Stem(PorterStemmer.StemInflections(w)) }.Distinct(StringComparer.Ordinal).ToArray())
            .ToArray();

        public string[] StemsOf(string? heading) =>
            heading is null ? [] : HeadingStems.TryGetValue(heading, out var stems) ? stems : Words(heading).Select(Stem).ToArray();

        /// <summary>
        /// The crude stems of a passage's words (a heading, a section's Markdown, a step's detail), worked out the first time a
        /// question needs them and kept with the snapshot: a pay question asks of up to 30 candidate passages whether they name
        /// a factor it names, which had split and stemmed every passage's text on every question (round 31). Only the
        /// knowledge's own texts are passed in, so the table holds at most one set per passage.
        /// </summary>
        public HashSet<string> PassageStems(string text) =>
            _passageStems.GetOrAdd(text, static t => Words(t).Select(Stem).ToHashSet(StringComparer.Ordinal));

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> _passageStems = new(StringComparer.Ordinal);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeSnapshot, SnapshotFacts> Facts = new();

    /// <summary>
    /// True when <paramref name="query"/> names a topic of the knowledge by a word the synonyms map, either way: "algos" or
    /// "algorithms", "certs" or "certifications".
    /// </summary>
    public static bool NamesASynonymTopic(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var targets = FactsOf(snapshot).SynonymTargets;
        return query.Concepts.Any(c => c.Count > 1 || targets.Contains(c[0]));
    }

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
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in query.Terms)
        {
            stems.Add(Stem(term));
            forms.Add(Stem(term));
            forms.Add(Stem(PorterStemmer.StemInflections(term)));
        }

        var kind = KindOf(query.Words);
        var asksRole = AsksWhatTheRoleIs(snapshot, query);
        // A level is a pay question's word ("juniors?" asks the entry band), but not in a question about what the role is:
        // "what does a junior mle do in their first year" had led with the pay figures.
        // Nor is "experience" a level ("is my research experience enough or do companies want deployment skills" had led
        // with company size, round 29), though it stems as "experienced" does.
        var asksPay = (asksRole ? facts.PayWordStems : facts.PayStems).Any(p => stems.Contains(p) && !(p == ExperienceStem && query.Terms.Contains("experience")))
            || query.Terms.Contains("money");
        var scored = new (SearchHit Hit, int Index, double Score)[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var titled = facts.TitleStems.TryGetValue(hits[i].Entry.Id, out var title) && title.Overlaps(stems) ? TitleBonus : 0;
            // A pay entry answers questions about pay: "what industries hire the most" or "is ml in demand" share its
            // words (industry, demand, company) but ask about the role.
            var offPay = !asksPay && hits[i].Entry.Kind == KnowledgeKinds.Salary ? -PayOnlyPenalty : 0;
            var role = asksRole && hits[i].Entry.Kind == KnowledgeKinds.Role ? RolePrior : 0;
            var spoken = SaysTheSubtopic(hits[i], query) ? AliasInPassageBonus : 0;
            scored[i] = (hits[i], i, hits[i].Score * (1 + titled + offPay + role + spoken + Bonus(hits[i], facts.WordFormsOf(hits[i].Heading), forms, kind)));
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

    private static readonly string ExperienceStem = Stem("experience");

    /// <summary>
    /// Extra weight (a share of the bm25 score) for a passage whose entry's title or key names a word of the question: in
    /// "what algorithms should i learn first as a beginner" the rare words (beginner, first) outscore the topic word every
    /// skill page shares. Measured on the members' tune split: 0.3 beat 0, 0.15 and 0.6.
    /// </summary>
    private const double TitleBonus = 0.3;

    /// <summary>
    /// Extra weight (a share of the bm25 score) for a passage that says, word for word, a subtopic the question names through
    /// its entry's aliases: "what is deep learning" names skills.algorithms by its alias "deep learning", and every passage of
    /// that entry matches the alias, so without this the section on evaluating models led rather than the one on learning
    /// families. The sets score the lead entry, not the section, so they cannot move: tune, fresh and the first set are
    /// unchanged at 0.1–0.4, and on the 460 questions of the sets and a member's twenty the same six leads change section at
    /// every value in that range, each to the section that answers (deep and reinforcement learning to the learning
    /// families, "decision tree vs linear regression" to the common algorithms, "career paths after" to growing as an engineer).
    /// Round 22 let an alias of one word count too, said as a whole word: "how important is sql" and "python or java" had
    /// led with why programming matters, which names no language, and "how do i find a mentor" with what networking gets
    /// you. 50 of the 995 tuning questions changed lead, about 40 of them to a section that says what was asked; five changed
    /// entry (four to a labelled one; a resume question went from evaluating models to online courses, a miss either way).
    /// Tune 126 → 127 of 146, helpers 371 → 373 of 499, fresh and the first set unchanged.
    /// A one-word alias that is a synonym of another word ("libraries" of frameworks, "degree" of degrees) names the whole
    /// entry and lifts nothing: "which ml libraries should i learn" gets the tools again rather than why they matter (and a
    /// mechanical engineer's "my degree is in…" the master's section again rather than the bachelor's).
    /// </summary>
    private const double AliasInPassageBonus = 0.2;

    /// <summary>
    /// True when <paramref name="hit"/>'s text says an alias the question names (one word as a whole word, several as a
    /// phrase) that is not its entry's own name (an entry's title, "online courses", is said all over it and tells its passages apart by nothing).
    /// </summary>
    private static bool SaysTheSubtopic(SearchHit hit, SearchQuery query)
    {
        foreach (var alias in query.Aliases)
        {
            if ((alias.Contains(' ', StringComparison.Ordinal) ? hit.Markdown.Contains(alias, StringComparison.OrdinalIgnoreCase) : SaysWord(hit.Markdown, alias) && !IsASynonym(query, alias))
                && !alias.Equals(hit.Entry.Title, StringComparison.OrdinalIgnoreCase)
                && !alias.Equals(hit.Entry.Key.Replace('-', ' '), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the question's <paramref name="word"/> is a synonym of another word ("libraries" of frameworks): it names
    /// the entry's topic as a whole, not a subtopic one section says ("what libraries do i need to learn first" had led with
    /// why frameworks matter, which says "Libraries", rather than the mentor's note on which to learn first).
    /// </summary>
    private static bool IsASynonym(SearchQuery query, string word) =>
        query.Concepts.Any(concept => concept.Count > 1 && concept[0].Equals(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// "Coursera or edX, which is better", "nlp vs computer vision, which has a better future", "aws ml specialty vs azure ai
    /// engineer associate, which cert is worth more": a question that asks which of two or more options joined by "vs",
    /// "versus" or "or" to choose (it says which, better, best, more, easier, prefer or same), when <paramref name="lead"/>
    /// names them all side by side and ranks none: no sentence of it that names one option and not another says it is
    /// preferred, better or first, and no sentence that names them together chooses or orders them ("rather than", "pick
    /// one", "first, then"). Then the honest answer is that the sources do not say: a passage that lists the options does
    /// not say which to choose. Returns the options as the passage names them in bold ("Coursera", "edX"), or as the
    /// question words them where it does not.
    /// Null for any other question: one that asks nothing of a choice ("supervised vs unsupervised learning" asks how they
    /// differ; "how do you evaluate a model, accuracy vs precision"), that asks about order ("pytorch or tensorflow, which
    /// first"), about pay ("company size vs salary"), that rules the options out together ("not matplotlib or seaborn"),
    /// that the lead ranks ("python vs r": Python is the preferred language), or whose lead is itself a comparison (a
    /// heading with "vs"). Null too when another section of the lead's entry names the options together and chooses or
    /// orders them ("pick one deep-learning framework (TensorFlow with Keras, or PyTorch)", "start with Scikit-learn"):
    /// that section, which answers instead, is then <c>chooser</c> (else null), whether or not the question asks which
    /// ("keras vs pytorch for a beginner", "pytorch or tensorflow, which first").
    /// </summary>
    public static IReadOnlyList<string>? UnrankedChoice(SearchQuery query, AskPassage lead, out AskPassage? chooser)
    {
        chooser = null;
        var words = query.Words;
        // Most questions offer no options: they leave before the lead is split into sentences.
        if (words.Count < 3 || !words.Any(w => w is "vs" or "versus" or "or") || (lead.Heading is { } heading && SaysWord(heading, "vs")))
        {
            return null;
        }

        // Only a question of which to choose, not of which comes first, may be told the sources do not choose; any "x or
        // y" may be answered by a section that chooses ("scikit-learn or pytorch for a first project").
        var mayBeUnranked = words.Any(ChoiceWords.Contains) && !words.Any(OrderWords.Contains);
        var units = ((lead.Heading ?? "") + "\n" + lead.Markdown).Split(["\n", ". "], StringSplitOptions.RemoveEmptyEntries);
        bool Says(string word) => query.Terms.Contains(word) && !query.Concepts.Any(c => c[^1] == "salary" && c[0] == word)
            && units.Any(u => SaysWord(u, word));
        for (var i = 1; i + 1 < words.Count; i++)
        {
            // A synonym the passage does not say may end the first option ("tensorflow developer cert vs aws ml specialty":
            // "cert" of certifications, round 31).
            var end = i > 1 && !Says(words[i - 1]) && IsASynonym(query, words[i - 1]) ? i - 2 : i - 1;
            if (words[i] is not ("vs" or "versus" or "or") || !Says(words[end]))
            {
                continue;
            }

            // The options: runs of words the passage says, each ended by "vs" or "or" ("supervised vs unsupervised vs
            // reinforcement learning"), the first run widened leftwards.
            var from = end;
            while (from > 0 && Says(words[from - 1]))
            {
                from--;
            }

            // "i know tableau but not matplotlib or seaborn": options ruled out together, not set against each other.
            if (from > 0 && words[from - 1] is "not" or "no" or "nor" or "neither")
            {
                continue;
            }

            var options = new List<(int From, int To)> { (from, end) };
            for (var at = i + 1; at < words.Count && Says(words[at]);)
            {
                var to = at;
                while (to + 1 < words.Count && Says(words[to + 1]))
                {
                    to++;
                }

                options.Add((at, to));
                if (to + 2 >= words.Count || words[to + 1] is not ("vs" or "versus" or "or"))
                {
                    break;
                }

                at = to + 2;
            }

            var named = options.Select(o => words.Skip(o.From).Take(o.To - o.From + 1).ToList()).ToList();
            bool Names(string unit, List<string> option) => option.Any(w => SaysWord(unit, w));
            bool Chooses(string unit) => named.Count(o => Names(unit, o)) > 1 && ChoosingWords.Any(r => SaysWord(unit, r));
            if (named.Count < 2 || named.DistinctBy(o => string.Join(' ', o)).Count() < named.Count
                || units.Any(u => Chooses(u) || (named.Count(o => Names(u, o)) == 1 && RankingWords.Any(r => SaysWord(u, r)))))
            {
                return null;
            }

            if (lead.Step is null && lead.Entry.Sections.FirstOrDefault(s => s.Heading != lead.Heading
                && s.Markdown.Split(["\n", ". "], StringSplitOptions.RemoveEmptyEntries).Any(Chooses)) is { } section)
            {
                chooser = new AskPassage(lead.Entry, section.Heading, section.Markdown);
                return null;
            }

            // "do finance or healthcare jobs pay better than regular tech": the options are set together against a third,
            // not against each other. So are they in "which industry pay more for ml engineer, finance or healthcare or
            // something else", which the passage answers by naming them as the ones that pay more (round 36).
            var after = words.Skip(options[^1].To + 1).ToList();
            if (!mayBeUnranked || after.Contains("than")
                || (after.Count >= 3 && after[0] == "or" && after[1] is "something" or "anything" or "somewhere" && after[2] == "else"))
            {
                return null;
            }

            // Named as the passage names them, in bold ("AWS's Machine Learning Specialty", "edX"), else as asked.
            var bold = Bold().Matches(lead.Markdown).Select(m => m.Groups[1].Value).ToList();
            var shown = named.SelectMany(o => o.Select(w => bold.FirstOrDefault(b => SaysWord(b, w))).OfType<string>().DefaultIfEmpty(string.Join(' ', o)))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return shown.Count < 2 ? null : shown;
        }

        return null;
    }

    /// <summary>Words that may come between "or" and the option after it: "or will a good portfolio", "or do i need original projects".</summary>
    private static readonly HashSet<string> OptionFiller = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "just", "will", "would", "do", "does", "i", "need", "should", "go", "get", "good", "some", "more", "my", "own",
    };

    /// <summary>
    /// True when the question sets two topics the knowledge names for itself (entry aliases) against each other, side by side
    /// around "or" or "vs": "bootcamp or masters?? i have like 15k saved and a full time job i cant quit", "online courses vs
    /// bootcamp vs just teaching myself, im 29 and working retail". Such a choice is about an ML career whatever else the
    /// member says, so a word the knowledge does not know beside it is the member's own, not another field's (round 30: both
    /// had been turned away for "saved" and "retail"). Not "a personal trainer or youtube workout videos", whose options
    /// are not both the knowledge's.
    /// </summary>
    public static bool SetsOwnTopicsAgainstEachOther(SearchQuery query)
    {
        var words = query.Words;
        for (var i = 1; i + 1 < words.Count; i++)
        {
            if (words[i] is not ("vs" or "versus" or "or"))
            {
                continue;
            }

            // Filler may stand between: "networking / linkedin stuff or will a good portfolio speak for itself" (round 31).
            var before = words[i - 1] is "stuff" or "things" or "etc" or "too" && i > 1 ? i - 2 : i - 1;
            var next = i + 1;
            while (next + 1 < words.Count && next - i <= 4 && OptionFiller.Contains(words[next]))
            {
                next++;
            }

            if (query.Aliases.Any(a => NamesWord(a, words[before], last: true)) && query.Aliases.Any(a => NamesWord(a, words[next], last: false)))
            {
                return true;
            }
        }

        return false;

        // The alias's last word before "or", its first after it, as typed or plural ("bootcamps or degrees").
        static bool NamesWord(string alias, string word, bool last)
        {
            var edge = last ? alias.AsSpan(alias.LastIndexOf(' ') + 1) : alias.AsSpan(0, alias.IndexOf(' ') is var space and >= 0 ? space : alias.Length);
            var typed = word.AsSpan();
            return typed.Equals(edge, StringComparison.OrdinalIgnoreCase)
                || (typed.Length == edge.Length + 1 && typed[^1] == 's' && typed[..^1].Equals(edge, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// Two options set against each other ("kmeans vs dbscan, which clustering", "neurips or icml, which conference",
    /// "standardscaler vs minmaxscaler") neither of which the knowledge knows (<see cref="SearchQuery.Unknown"/>): as "kmeans
    /// or dbscan", for the honest reply to name. However many of the field's words stand around them, no passage can choose
    /// between things it never names (round 29: these had led with the common algorithms or the tools). Null when the question
    /// sets no such options against each other.
    /// </summary>
    public static string? UnknownOptions(SearchQuery query)
    {
        // Places set against each other in a pay question ("ohio or texas", "germany vs netherlands") are where the pay
        // factors' location speaks.
        if (query.Concepts.Any(c => c[^1] == "salary"))
        {
            return null;
        }

        var words = query.Words;
        for (var i = 1; i + 1 < words.Count; i++)
        {
            // A verdict ("fair or oversimplified?") is never among the unknown words (KnowledgeSearchIndex.VerdictWords).
            if (words[i] is "vs" or "versus" or "or" && query.Unknown.Contains(words[i - 1]) && query.Unknown.Contains(words[i + 1]))
            {
                return $"{words[i - 1]} or {words[i + 1]}";
            }
        }

        return null;
    }

    /// <summary>
    /// True when the question asks how to carry out a hands-on task ("how do i fix cuda out of memory", "sklearn gridsearchcv
    /// takes forever, how do i speed it up", "how to compute a precision recall curve in sklearn", "how to calculate gini impurity by hand" (round 30), "how do i convert a keras
    /// model to tflite"): the seed articles say what to learn and why, never how to do a task in code, so no passage answers,
    /// however many of the field's words the question has (round 29: these had led with the tools or the algorithms). So is
    /// running, plotting, performing or implementing one ("how do i run a linear regression in excel for my sales report",
    /// round 32). In the 2,600 questions of the sets and batches, every question this reads is off-topic. Not "how do i fix
    /// that", which points back at the member's story ("weak on software eng (no tests, messy git). how do i fix that fast",
    /// round 34).
    /// </summary>
    public static bool AsksHowToDoATask(SearchQuery query) => HowToDoATask().IsMatch(string.Join(' ', query.Words));

    [GeneratedRegex(@"\b(?:how (?:do i|do you|to|can i|would i|should i|do we)|help me|any way to|best way to) (?:fix(?! (?:that|this|it)\b)|debug|convert|compute|calculate|speed (?:it |this |that )?up|install|export|reshape|merge|vectori[sz]e|paralleli[sz]e|serialize|import|run|plot|perform|implement)\b")]
    private static partial Regex HowToDoATask();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    /// <summary>
    /// Words that make "x or y" a question of which to choose. Round 34: so do "choose" and "pick" ("my mentee asks if she
    /// should specialize in NLP or computer vision. how do i help her choose?" had led with the fields listed side by side).
    /// "should" was tried and dropped: the first set labels "should i specialise in nlp or computer vision" with the fields.
    /// </summary>
    private static readonly HashSet<string> ChoiceWords = new(StringComparer.Ordinal)
    {
        "which", "better", "best", "more", "easier", "prefer", "same", "choose", "choosing", "pick",
    };

    /// <summary>Words that make it a question of which comes first, which a passage on where to start answers.</summary>
    private static readonly HashSet<string> OrderWords = new(StringComparer.Ordinal) { "first", "1st", "before", "start", "begin" };

    /// <summary>Words by which a sentence naming one option ranks it: "Python: the preferred language".</summary>
    private static readonly string[] RankingWords = ["prefer", "preferred", "most", "best", "better", "more", "first", "main", "essential", "must", "start"];

    /// <summary>Words by which a sentence naming options together chooses between them or orders them: "pick one … TensorFlow
    /// or PyTorch", "learn Python well first, then SQL".</summary>
    private static readonly string[] ChoosingWords = ["than", "rather", "instead", "over", "either", "pick", "choose", "one", "first", "then", "before", "after"];

    /// <summary>True when <paramref name="text"/> says <paramref name="word"/> as a whole word, in any case.</summary>
    private static bool SaysWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

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
        // The what/who opens the question or a clause near its start: "how do i explain what an ml engineer does to my
        // grandma", "can you tell me what an mle is".
        var at = -1;
        for (var i = 0; i < query.Words.Count && i <= 4 && at < 0; i++)
        {
            at = query.Words[i] is "what" or "whats" or "wat" or "who" ? i : -1;
        }

        var words = at < 0 ? [] : query.Words.Skip(at).ToList();
        if (words.Count == 0
            || !words.Any(w => w is "is" or "does" or "do" or "are") || !words.Any(w => w is "engineer" or "engineers" or "mle" or "mles")
            || words.Any(w => w is "need" or "needs" or "know" or "understand" or "require" or "required" or "requirements"))
        {
            return false;
        }

        return query.Aliases.All(FactsOf(snapshot).RoleAliases.Contains);
    }

    /// <summary>
    /// <paramref name="query"/> searched without the role's own names when it asks about something else and names the role
    /// only as whose it is: in "what skills does a machine learning engineer need" the alias "machine learning engineer"
    /// (the role overview's) outweighed "skills", and why demand is high led. Only a question about skills, or about what
    /// one needs or must know, is read so: "is an ai engineer the same as an ml engineer" and "what does an mle do all day"
    /// are about the role and keep its names (dropping them there lost five questions on the tune and fresh sets).
    /// Unchanged when the question names nothing but the role.
    /// </summary>
    public static SearchQuery WithoutTheRoleAsContext(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        if (query.Concepts.Count == 0 || query.Aliases.Count == 0
            || !(query.Terms.Contains("skills") || query.Words.Any(w => w is "need" or "needs" or "require" or "requires" or "required" or "know")))
        {
            return query;
        }

        var others = query.Aliases.Where(a => !FactsOf(snapshot).RoleAliases.Contains(a)).ToList();
        // "mle roles", "ml engineer jobs" are the role too: "what skills should i put on my resume for mle roles" led with
        // the management roles.
        return others.Count == query.Aliases.Count ? query
            : query with { Aliases = others, Terms = query.Terms.Where(t => t is not ("role" or "roles" or "job" or "jobs" or "position" or "positions")).ToList() };
    }

    /// <summary>
    /// "is ml engineering just swe with extra math", "is an mle basically a software engineer who knows models", "the 'ml
    /// engineer is just a software engineer who does models' take": a question that asks what the role is by setting it
    /// against a simpler picture of it. The math or the models it names are the picture, not the topic, so the role entries'
    /// best passage among <paramref name="hits"/> (ranked) answers; null when the question is not of that kind or no role
    /// passage was found, and so for "isn't an mle just…". ("is ml just statistics" asks about the field, not the role.) So does "do ml engineers build models
    /// or just deploy what the data scientists made", which led with deployment: the role set against one of its tasks.
    /// A greeting may come first ("hey bot, is an ML engineer basically just a software engineer who knows some ML?", round 27).
    /// So may "one type of" stand for "just" ("ML engineer is one type of software engineer or it is completely different
    /// field", round 36: it had led with the common algorithms), and "more like" ("is ml engineering more like software
    /// engineering or more like research?", round 36: it had led with the practices). So may a member's "… here" ("5 yrs
    /// react dev here. is ML engineering basically just software eng with models bolted on…", round 37: it had led with
    /// tuning models).
    /// </summary>
    public static SearchHit? RoleHit(IReadOnlyList<SearchHit> hits, SearchQuery query)
    {
        if (!IsTheRoleJust().IsMatch(string.Join(' ', query.Words)))
        {
            return null;
        }

        // The role passage whose heading names the picture the role is set against ("Software engineer roots" for "is ML
        // engineering basically just software eng with models bolted on…", which had led with a typical day), else the best.
        var roles = hits.Where(h => h.Entry.Kind == KnowledgeKinds.Role).ToList();
        return roles.FirstOrDefault(h => h.Heading is { } heading && Words(heading).Any(w => w.Length > 4 && w is not ("engineer" or "learning" or "machine")
            && query.Words.Contains(w, StringComparer.OrdinalIgnoreCase))) ?? roles.FirstOrDefault();
    }

    [GeneratedRegex(@"(?:(?:^|\bhere\s+)(?:(?:hey|hi|hello|yo|ok|okay|so|bot|mentor)\s+)*(?:is|isnt|aint|is not) (?:an? )?(?:mles?|(?:ml|machine learning) engineer(?:s|ing)?)|\b(?:mles?|(?:ml|machine learning) engineer(?:s|ing)?) (?:is|are)) (?:just|basically|basicaly|basicly|simply|really|only|literally|(?:one|a|an|some) (?:type|kind|sort) of|more like)\b|^do (?:mles|(?:ml|machine learning) engineers) (?!need|know|use|require|have|learn)\w+.* or (?:\w+ )?(?:just|only|simply)\b")]
    private static partial Regex IsTheRoleJust();

    /// <summary>
    /// Weight taken off (a share of the bm25 score) a pay entry's passage when the question names no pay word. Measured on the
    /// members' tune split: 0.2 to 0.8 all gain two questions ("what industries hire…", "…in demand…") and lose none; 0.4 sits mid-way.
    /// </summary>
    private const double PayOnlyPenalty = 0.4;

    /// <summary>
    /// A lead passage whose entry speaks about less than this share of the question's information (<see cref="Covered"/>) is
    /// not an answer: "what's a realistic timeline from beginner to hireable mle if i study 10h/week" shares "study" with the
    /// education stage, but the timeline and the hours carry most of what is asked. Measured on the members' tune split
    /// together with the off-topic questions: 0.06–0.16 all gain, 0.08 the most (two "not covered" questions answered honestly,
    /// none of the right answers lost); 0.2 loses. (The other of the two, "how much do ml engineers at google make", was
    /// refused only while "make" went unread as "earn"; with "earn" it got the figures, and now does with "make" too.)
    /// </summary>
    public const double CoverageFloor = 0.08;

    private static double Bonus(SearchHit hit, string[][] headingWords, HashSet<string> stems, QuestionKind kind)
    {
        var heading = hit.Heading ?? "";
        var named = 0;
        foreach (var forms in headingWords)
        {
            named += forms.Any(stems.Contains) && !GenericHeadingVerbs.Contains(forms[0]) ? 1 : 0;
        }

        var bonus = 0.35 * Math.Min(named, 2);
        if (kind == QuestionKind.Why && heading.StartsWith("Why", StringComparison.OrdinalIgnoreCase))
        {
            bonus += 0.5;
        }

        // A mentor's note is advice around a topic, not what the question asks; a roadmap step is a to-do line that answers
        // "how do I" questions, while "do I need X" wants the topic's own entry. Round 23 took the how-to penalty from 0.2 to
        // 0.05 and let "how do i" count anywhere, and "tips" or "advice" too: "any tips for networking at ml conferences when
        // youre super introverted" led with where to network rather than the step on going to events, and "how do i land an
        // ml internship" with why experience matters rather than the step on internships (tune +1; of 1,225 tuning and helper
        // questions 12 changed section, each to one that says how).
        if (heading.StartsWith("Mentor", StringComparison.OrdinalIgnoreCase))
        {
            bonus -= 0.3;
        }

        if (hit.Step is not null)
        {
            bonus -= kind == QuestionKind.HowDo ? 0.05 : 0.45;
        }

        return bonus;
    }

    /// <summary>
    /// Crude stems of verbs that headings share with questions about anything ("Find a mentor", "Get a degree"): they
    /// name no topic, so a heading that says one is no closer to what is asked ("how to find internships in ml").
    /// </summary>
    private static readonly HashSet<string> GenericHeadingVerbs = new(StringComparer.Ordinal) { "find", "get", "make", "take", "go", "keep", "choos", "use", "do", "have" };

    /// <summary>
    /// Crude stems of the verbs that open the roadmap stages' titles. Not "stay" and "keep" of "Stay current and keep
    /// learning": "how do ml engineers keep up with new stuff" asks exactly that.
    /// </summary>
    private static readonly HashSet<string> TitleVerbs = new(StringComparer.Ordinal) { Stem("understand"), Stem("build"), Stem("choose"), Stem("gain"), Stem("find") };

    private enum QuestionKind { Other, Why, HowDo }

    private static QuestionKind KindOf(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return QuestionKind.Other;
        }

        if (words[0] == "why")
        {
            return QuestionKind.Why;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if ((words[i] == "how" && i + 1 < words.Count && words[i + 1] is "do" or "to" or "can" or "should") || words[i] is "tips" or "tip" or "advice")
            {
                return QuestionKind.HowDo;
            }
        }

        return QuestionKind.Other;
    }

    /// <summary>
    /// Whether <paramref name="passage"/> says anything about pay: it comes from a salary entry, or its heading or text uses
    /// "salary" or one of its synonyms (pay, earn, compensation…), or a currency amount.
    /// </summary>
    public static bool SpeaksOfPay(KnowledgeSnapshot snapshot, AskPassage passage)
    {
        if (passage.Entry.Kind == KnowledgeKinds.Salary)
        {
            return true;
        }

        var facts = FactsOf(snapshot);
        return facts.PassageStems(passage.Heading ?? "").Overlaps(facts.PayWordStems) || facts.PassageStems(passage.Markdown).Overlaps(facts.PayWordStems);
    }

    /// <summary>
    /// A question about how long something takes: "how long does it take to become an mle", "how many months of study", "is
    /// it possible in 6 months", "within a year", "is 6 months enough", "what's a realistic timeline". Not "how many hours
    /// are coding vs meetings", which asks how a day is spent, nor "how long should each project writeup be", which asks
    /// how long a text is (round 26).
    /// </summary>
    private static bool AsksHowLong(SearchQuery query) => string.Join(' ', query.Words) is var words && HowLong().IsMatch(words) && !FutureHorizon().IsMatch(words);

    /// <summary>
    /// A horizon a prediction is made for, not a length of time something takes: "will mles still exist in 10 years", "is
    /// it still in demand in 5 years", "will this job be around in ten years" ask about demand (round 34: the first had been
    /// turned away as a "how long" question no passage answers), as does "will there even be ml jobs in 5 years" (round 35).
    /// </summary>
    [GeneratedRegex(@"\b(?:exist|around|relevant|demand|needed|obsolete|dead|gone|automated|replaced|there (?:\w+ )?be (?:\w+ )?jobs)(?: \w+){0,2} (?:in|within|for) (?:the )?(?:next )?(?:a|an|one|two|three|five|ten|twenty|few|\d+) (?:years?|yrs?|decades?)\b")]
    private static partial Regex FutureHorizon();

    /// <summary>
    /// Whether <paramref name="passage"/> gives a length of time ("a few months of intense study", "one week"): a question
    /// about how long something takes is answered only by one that does, as a pay question only by one that speaks of pay.
    /// </summary>
    private static bool SpeaksOfDuration(AskPassage passage) => Duration().IsMatch(passage.Markdown);

    /// <summary>
    /// True when <paramref name="query"/> asks how long something takes and <paramref name="passage"/> gives no length of
    /// time: such a passage does not answer it.
    /// </summary>
    public static bool MissesTheDuration(SearchQuery query, AskPassage passage) => AsksHowLong(query) && !SpeaksOfDuration(passage);

    /// <summary>
    /// The first of two questions when the second asks how long something takes: the words before "and how long", ", how
    /// long", "? how many months" and the like ("which certs matter and how long do they take" gives "which certs matter").
    /// Null when the question asks only how long ("how long does it take to become an mle"), or the length of time belongs
    /// to its one question ("can i become an mle in 6 months"), or fewer than two words come before.
    /// </summary>
    public static string? BeforeHowLong(string question)
    {
        var match = HowLongAsked().Match(question);
        if (!match.Success)
        {
            return null;
        }

        // After a full stop, the words before are a question only when they open as one: "been a backend dev for 6 years
        // (java mostly). how long would it realistically take me…" is a story, then one question (round 33: the story had
        // been answered as the first question).
        var first = question[..match.Index].Trim();
        var afterAStory = match.Value.TrimStart() is ['.' or '!', ..];
        return first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 && (!afterAStory || OpensAsAQuestion().IsMatch(first))
            ? first : null;
    }

    /// <summary>
    /// A question that asks two things: the words before and after "and", "also" or "plus" (after a comma or not), or a
    /// question mark, followed by a question's first word ("whats the pay for juniors and does a masters bump it" gives
    /// "whats the pay for juniors" and "does a masters bump it"). Null when there is no such join, or either side has fewer
    /// than three words.
    /// </summary>
    public static (string First, string Second)? TwoQuestions(string question)
    {
        var match = SecondQuestion().Match(question);
        if (!match.Success)
        {
            return null;
        }

        var first = question[..match.Index].Trim();
        var second = question[(match.Index + match.Length)..].Trim();
        // After a comma alone, the first must be a question too: "no money for a bootcamp rn, is it realistic to just self
        // teach" is one question with its context.
        return first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && second.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3
            && (!match.Groups["comma"].Success || OpensAsAQuestion().IsMatch(first))
            ? (first, second)
            : null;
    }

    /// <summary>
    /// A message that numbers its questions ("1) which math do I need for ML 2) how deep into calculus 3) is probability
    /// more important than linear algebra?"): the first item, and the rest from the second on. Null when the message has
    /// no "1)" (or "1.") before a "2)" (or "2."), or the first item has fewer than three words (round 29, from messages in
    /// chat formatting).
    /// </summary>
    public static (string First, string Second)? NumberedQuestions(string question)
    {
        var match = NumberedItems().Match(question);
        if (!match.Success)
        {
            return null;
        }

        var first = match.Groups[1].Value.Trim();
        var second = question[(match.Index + match.Length)..].Trim();
        return first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && second.Length > 0 ? (first, second) : null;
    }

    [GeneratedRegex(@"(?:^|\s)1[).:]\s+(.+?)\s+2[).:]\s+")]
    private static partial Regex NumberedItems();

    /// <summary>
    /// "and", "also", "plus" (after a comma or not), or a question mark, before a second question's first word; or a comma
    /// before a question that opens with its verb and subject ("how much do entry level ml engineers earn, is it worth the
    /// grind vs regular swe", round 31). A question mark before a remark of the member's and then a question ("what soft skills
    /// matter for ml engineers? my english not perfect, will it hurt me in remote interviews") joins two too (round 34: the
    /// remote interviews the sources do not cover had turned the soft skills away). So does "or is it all…" or "or is/will AI…"
    /// after a question: "does location matter a lot for ml salaries or is it all remote now anyway", "will there even be ml
    /// jobs in 5 years or is AI gonna replace the ml engineers too" (round 35: remote work and AI replacing the role, which
    /// the sources do not cover, had turned the first question away).
    /// </summary>
    [GeneratedRegex(@"(?:(?:\s*[,;]\s*|\s+)(?:and|also|plus|&)\s+|\?+\s+)(?=(?:" + QuestionOpeners + @")\b)|\?+\s+(?=(?:my|i|im|i'm) [^?.,]{0,30},\s*(?:" + QuestionOpeners + @")\b)|(?<comma>\s*[,;]\s+)(?=(?:is|are|do|does|should|can|will) (?:it|that|this|they|i|you|there|mles?|ml engineers?)\b)|\s+or\s+(?=(?:is|will) (?:it all|ai)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SecondQuestion();

    /// <summary>A text that opens with one of <see cref="QuestionOpeners"/>.</summary>
    [GeneratedRegex(@"^\W*(?:" + QuestionOpeners + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpensAsAQuestion();

    /// <summary>The words a question opens with ("how", "what's", "is", "should"…), as a regex alternation.</summary>
    internal const string QuestionOpeners = "how|what|whats|what's|which|where|when|why|who|is|are|do|does|did|can|could|should|would|will";

    /// <summary>The units "how many …" asks a length of time in ("how many months", "how many yoe").</summary>
    private const string TimeUnits = "(?:months|weeks|years|yrs|yoe|hours|hrs|days)";

    /// <summary>A second question about how long, after "and", "also", a comma or a question's end.</summary>
    [GeneratedRegex(@"(?:[,;?.!]\s*(?:(?:and|also|plus|&)\s+)*|\s+(?:(?:and|also|plus|&)\s+)+)(?=how long\b|how many " + TimeUnits + @"\b)", RegexOptions.IgnoreCase)]
    private static partial Regex HowLongAsked();

    [GeneratedRegex(@"\bhow long\b(?!\s+(?:should|is|are|does|do|can)\s+(?:(?:a|an|the|my|each|your|every)\s+)?(?:\w+\s+){0,2}(?:writeups?|write-ups?|readmes?|resumes?|cvs?|posts?|blogs?|articles?|descriptions?|cover letters?|summar(?:y|ies))\b)|\bhow many " + TimeUnits + @"\b|\b(?:in|within) (?:a|an|one|two|three|four|five|six|nine|twelve|few|\d+) (?:months?|weeks?|years?)\b|\b(?:a|an|one|two|three|four|five|six|nine|twelve|few|\d+) (?:months?|weeks?|years?) (?:enough|long enough|realistic)\b|\btimeline\b")]
    private static partial Regex HowLong();

    [GeneratedRegex(@"\b(?:a few|few|several|one|two|three|four|five|six|nine|twelve|\d+(?:\s*(?:to|-|–)\s*\d+)?)\s+(?:months?|weeks?|years?|hours?|days?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    /// <summary>
    /// The topic the question names that the knowledge does not cover and <paramref name="passage"/> does not name either:
    /// one listed as not covered on the synonyms entry (for every entry) or on the passage's own entry ("remote" on the pay
    /// entries, whose figures and factors say nothing of remote work). Null when there is none: the passage may answer.
    /// "which cloud should i learn, aws gcp or azure" names gcp, which no passage does; "how do i keep up with llm papers"
    /// would name llm (the list's words are matched as whole words, so "rag" is not "drag").
    /// </summary>
    public static string? LeavesOut(KnowledgeSnapshot snapshot, SearchQuery query, AskPassage passage)
    {
        string? words = null;
        foreach (var topic in query.NotCovered)
        {
            if (passage.Entry.NotCovered.Contains(topic, StringComparer.Ordinal) || IsCoveredNowhere(snapshot, topic))
            {
                words ??= KnowledgeSearchIndex.Padded((passage.Heading ?? "") + " " + passage.Markdown);
                if (!words.Contains(KnowledgeSearchIndex.Padded(topic), StringComparison.Ordinal))
                {
                    return topic;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The first topic the question names that the synonyms entry lists as not covered by any entry, or else that an entry
    /// the question is about lists (a pay question names pay; another names one of the entry's aliases): what an honest
    /// reply can name even when the question was turned away for another reason ("is genai going to replace mles", "salary
    /// in europe"). Null when there is none.
    /// </summary>
    public static string? NotCoveredAnywhere(KnowledgeSnapshot snapshot, SearchQuery query) =>
        query.NotCovered.FirstOrDefault(topic => IsCoveredNowhere(snapshot, topic))
        ?? query.NotCovered.FirstOrDefault(topic => snapshot.Entries.Any(e => e.NotCovered.Contains(topic, StringComparer.Ordinal)
            && (e.Kind == KnowledgeKinds.Salary ? query.Terms.Contains("salary") : e.Aliases.Any(a => query.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase)))));

    private static bool IsCoveredNowhere(KnowledgeSnapshot snapshot, string topic) =>
        snapshot.OfKind(KnowledgeKinds.Synonyms).Any(e => e.NotCovered.Contains(topic, StringComparer.Ordinal));

    /// <summary>
    /// A pay question that asks what moves pay ("why", "does location affect", "do bigger companies pay more") or where it is
    /// higher ("where are the best paying mle jobs", round 26; not "where can i find salary data", which asks for a source).
    /// </summary>
    public static bool IsAboutPayFactors(KnowledgeSnapshot snapshot, SearchQuery query) =>
        query.Terms.Contains("salary") && (AsksWhatMovesPay(query) || NamesAFactor(snapshot, query));

    private static bool AsksWhatMovesPay(SearchQuery query) =>
        query.Words.Where((word, i) => CauseWords.Contains(word) && !(word == "decide" && i > 0 && MemberDecides.Contains(query.Words[i - 1]))).Any()
        || (query.Words.Contains("where") && !query.Words.Contains("find"));

    /// <summary>
    /// The words before "decide" that make the member the one deciding ("trying to decide if the grind is worth it", "help me
    /// decide", "i cant decide"), not what decides pay: "how much do ml engineers make in the us roughly? trying to decide if
    /// the grind is worth it" had led with what moves pay (round 35).
    /// </summary>
    private static readonly HashSet<string> MemberDecides = new(StringComparer.Ordinal) { "to", "i", "cant", "me", "we" };

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
