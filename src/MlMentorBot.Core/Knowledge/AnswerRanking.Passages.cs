using System.Globalization;
using System.Text.RegularExpressions;

namespace MlMentorBot.Core.Knowledge;

// The passages /ask builds rather than finds: pay figures in the order a question asks for them, the roadmap path, and excerpts cut around the question's words.
internal static partial class AnswerRanking
{
    /// <summary>
    /// For a question about pay that does not ask what moves it: the salary figures with the one asked about first (a level
    /// named through its synonyms, "junior" → entry, or in the plural, "seniors"; otherwise the average), its source and year,
    /// then the others in one line.
    /// Null for any other question, or when the knowledge has no figures.
    /// </summary>
    public static AskPassage? PayPassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        // "how much do they make" arrives as "earn" (KnowledgeSearchIndex.Interpret), a salary synonym.
        var isPay = query.Terms.Contains("salary");
        var figuresEntry = snapshot.OfKind(KnowledgeKinds.Salary).FirstOrDefault(e => e.Figures.Count > 0);
        if (!isPay || figuresEntry is null || AsksWhatMovesPay(query) || NamesAFactor(snapshot, query)
            || NamesAnotherTopic(snapshot, query))
        {
            return null;
        }

        var figures = figuresEntry.Figures;
        // "typical starting pay", "avg senior salary": a level named beside the average asks for that level's band, not the
        // one overall figure (round 25: "whats the typical starting pay for an mle" led with the average).
        var named = figures.Where(f => query.Terms.Any(t => Stem(t) == Stem(f.Level))).ToList();
        var asked = named.FirstOrDefault(f => f.Amount is null) ?? named.FirstOrDefault()
            ?? figures.FirstOrDefault(f => f.Amount is not null) ?? figures[0];
        var others = figures.Where(f => f != asked).Select(f => $"{f.Label.ToLowerInvariant()} {Figure(f)}");
        var factors = snapshot.OfKind(KnowledgeKinds.Salary).FirstOrDefault(e => e.Figures.Count == 0);
        var text = $"**{asked.Label}: {Figure(asked)}**{(asked.Region is null ? "" : $" in the {asked.Region}")}. " +
            $"Source: {SourceOf(asked)}.\n\nThe other figures: {string.Join("; ", others)}." +
            (factors is null ? "" : $"\nWhat moves pay: {factors.Sections.Where(s => s.Heading is not null).Select(s => s.Heading!.ToLowerInvariant()).JoinAnd()} (`/salary`).");
        return new AskPassage(figuresEntry, asked.Label, text);
    }

    /// <summary>
    /// "What affects ml engineer pay", "why do salaries vary": a question about what moves pay that names no factor of its
    /// own is answered by all the factors at once, each with the first thing its section says (and so its source), rather
    /// than by whichever factor's section is shortest. Null for any other question, including one that names a factor
    /// ("does location affect pay"), which its section answers.
    /// </summary>
    public static AskPassage? PayFactorsPassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        if (!IsAboutPayFactors(snapshot, query) || NamesAFactor(snapshot, query) || NamesAnotherTopic(snapshot, query)
            || snapshot.OfKind(KnowledgeKinds.Salary).FirstOrDefault(e => e.Figures.Count == 0 && e.Sections.Count > 0) is not { } factors)
        {
            return null;
        }

        var lines = factors.Sections.Where(s => s.Heading is not null)
            .Select(s => $"- **{s.Heading}:** {FirstPoint(s.Markdown)}");
        return new AskPassage(factors, null, factors.Summary + "\n\n" + string.Join("\n", lines)) { FromTheStart = true };
    }

    /// <summary>The first sentence of a section's first list item or paragraph, on one line, without its list marker.</summary>
    private static string FirstPoint(string markdown)
    {
        var block = markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        var first = block.StartsWith("- ", StringComparison.Ordinal)
            ? block.Split("\n- ", 2)[0][2..]
            : block;
        var line = string.Join(' ', first.Split('\n', StringSplitOptions.TrimEntries));
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? line : line[..(end + 1)];
    }

    /// <summary>
    /// "How do I become an ML engineer", "step by step plan to become one", "what is the roadmap": a question about becoming
    /// one that names nothing but the roadmap, or a question made of the roadmap's own words alone (its synonyms: path, plan,
    /// steps…; so common in the knowledge that bm25 gives them no weight), is answered by the whole path, the first stage's
    /// section named after those words. Words that only say where the member starts ("roadmap pls, zero to ml engineer",
    /// "complete beginner's path") may stand beside the roadmap's, and a number beside becoming one ("how to become machine
    /// learning engineer after 12th"). Null for any other question.
    /// </summary>
    public static AskPassage? PathPassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        // "plz guide me full roadmap for ml engineer step by step", "complete roadmap pls, i'm a final year student": the
        // roadmap as a whole, whatever the member says of themselves around it (round 34).
        if (AsksForTheWholeRoadmap(query.Words))
        {
            return WholePath(snapshot);
        }

        var stems = FactsOf(snapshot).RoadmapStems;
        // The role's own names say whose path it is ("what are the main steps to go from beginner to ml engineer").
        // Who the path is for may be a word the knowledge does not know, beside the field's name ("step by step roadmap for a
        // teacher switching into ml engineering", "…for an academic switching into MLE" had led with the competitions or
        // the maths, round 36).
        bool ForWhom(string term) => query.NamesTheField && query.Unknown.Contains(term) && SaysWhoItIsFor(query.Words, term);
        var onlyTheRoadmap = query.Terms.Count > 0 && query.Aliases.All(FactsOf(snapshot).RoleAliases.Contains) && query.Unknown.All(ForWhom);
        var becoming = query.Words.Any(w => w is "become" or "becoming");
        // "what order should i learn things in", "simple order of things to learn": the order of learning is the path (it had
        // led with the traits, whose heading says "in its order").
        var inOrder = query.Terms.Any(t => t is "order" or "ordered" or "sequence");
        if (!(onlyTheRoadmap || becoming)
            || !query.Terms.All(t => stems.Contains(Stem(t)) || FactsOf(snapshot).FromNothingStems.Contains(Stem(t)) || WholePathWords.Contains(t)
                || ForWhom(t) || CountsTheStages(snapshot, query, t) || (becoming && char.IsDigit(t[0]))
                || (inOrder && (t == "resources" || FactsOf(snapshot).StartStems.Contains(Stem(t)))))
            || !(becoming || inOrder || query.Terms.Any(t => stems.Contains(Stem(t)))))
        {
            return null;
        }

        return WholePath(snapshot);
    }

    /// <summary>True when <paramref name="word"/> comes right after "for a", "for an", "as a" or "as an" among <paramref name="words"/>.</summary>
    private static bool SaysWhoItIsFor(IReadOnlyList<string> words, string word)
    {
        for (var i = 2; i < words.Count; i++)
        {
            if (words[i] == word && words[i - 1] is "a" or "an" && words[i - 2] is "for" or "as")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when "full", "complete", "entire" or "whole" comes right before "roadmap" among <paramref name="words"/>.</summary>
    private static bool AsksForTheWholeRoadmap(IReadOnlyList<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i] == "roadmap" && words[i - 1] is "full" or "complete" or "entire" or "whole")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first stage's section named after the roadmap's own words ("The whole path at a glance"), from its start; null without stages.</summary>
    private static AskPassage? WholePath(KnowledgeSnapshot snapshot)
    {
        var stems = FactsOf(snapshot).RoadmapStems;
        if (snapshot.Stages.FirstOrDefault() is not { } first)
        {
            return null;
        }

        var section = first.Sections.FirstOrDefault(s => FactsOf(snapshot).StemsOf(s.Heading).Any(stems.Contains)) ?? first.Sections.FirstOrDefault();
        return section is null ? null : new AskPassage(first, section.Heading, section.Markdown) { FromTheStart = true };
    }

    /// <summary>
    /// True when <paramref name="term"/> is the number of stages said before them in the plural: "what are the 7 steps",
    /// "list the 7 stages" ask for the whole path ("7" had led with stage 7), "what is step 7" for one stage.
    /// </summary>
    private static bool CountsTheStages(KnowledgeSnapshot snapshot, SearchQuery query, string term) =>
        term == snapshot.Stages.Count.ToString(CultureInfo.InvariantCulture)
        && query.Words.Zip(query.Words.Skip(1)).Any(pair => pair.First == term && pair.Second is "stages" or "steps");

    /// <summary>
    /// Words that ask for the path as a whole beside the roadmap's own ("how many stages are there", "should i do the stages
    /// in order", "overview of the whole roadmap", "can you explain the roadmap in short"), and the going there ("what's a
    /// good roadmap for going from zero to mle" had led with what the role is, round 31).
    /// </summary>
    private static readonly HashSet<string> WholePathWords = new(StringComparer.Ordinal)
    {
        "many", "order", "ordered", "sequence", "overview", "whole", "full", "entire", "summary", "outline", "stage", "explain",
        "summarize", "summarise", "recap", "simple", "go", "going", "get", "getting",
    };

    /// <summary>
    /// "What is stage 3", "what are the steps in stage 5", "what is the last stage": a question about one roadmap stage as
    /// a whole, named by its number ("stage 3", an alias) or as the first or last, that asks nothing else, is answered by
    /// the stage's summary and its steps in order, one line each (what <c>/roadmap</c> shows for the stage). Null for any
    /// other question: "what is a portfolio" names the experience stage by another alias, and asks about portfolios.
    /// </summary>
    public static AskPassage? StagePassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        if (query.Unknown.Count > 0 || snapshot.Stages.Count == 0)
        {
            return null;
        }

        var numbered = query.Aliases.Where(a => StageNumber().IsMatch(a))
            .Select(a => snapshot.Stages.FirstOrDefault(s => s.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase))).OfType<KnowledgeEntry>().ToList();
        var stage = numbered.Count == 1 && query.Aliases.Count == 1 ? numbered[0]
            : query.Aliases.Count == 0 && query.Words.Any(w => w is "stage" or "stages") && query.Words.Any(w => w is "last" or "final") ? snapshot.Stages[^1]
            : query.Aliases.Count == 0 && query.Words.Any(w => w is "stage") && query.Words.Any(w => w is "first" or "1st") ? snapshot.Stages[0]
            : null;
        var stems = FactsOf(snapshot).RoadmapStems;
        if (stage is null || stage.Steps.Count == 0
            || !query.Terms.All(t => stems.Contains(Stem(t)) || t is "stage" or "last" or "final" or "first" or "1st" or "explain" || t.All(char.IsDigit)))
        {
            return null;
        }

        var steps = stage.Steps.Select((step, i) => $"{i + 1}. **{step.Title}**");
        return new AskPassage(stage, "The steps", stage.Summary + "\n\n" + string.Join("\n", steps)) { FromTheStart = true };
    }

    [GeneratedRegex(@"^stage \d+$")]
    private static partial Regex StageNumber();

    /// <summary>
    /// "What should I learn first", "total noob, what do i study first": a question about what to study first that names no
    /// topic of its own is answered by the first roadmap stage related to a skill area (the foundations: the first
    /// stage is about the job, "before studying anything"), its first section. Null for any other question, and for one that
    /// names what it would learn first ("which programming language should i learn first"). The role's own names are whose
    /// path it is, not a topic ("what should i learn first to become an ml engineer" had led with the role in one line). To
    /// focus on or concentrate on first is to learn first (round 28).
    /// </summary>
    public static AskPassage? FirstStudyPassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var facts = FactsOf(snapshot);
        if (!query.Words.Any(w => w is "first" or "1st") || query.Unknown.Count > 0 || !query.Aliases.All(facts.RoleAliases.Contains)
            || !query.Terms.Any(t => t is "learn" or "study" or "resources" or "focus" or "concentrate")
            || !query.Terms.All(t => facts.StartStems.Contains(Stem(t)))
            || facts.FirstStudyStage?.Sections.FirstOrDefault() is not { } section)
        {
            return null;
        }

        return new AskPassage(facts.FirstStudyStage, section.Heading, section.Markdown);
    }

    /// <summary>
    /// "Bootcamp vs masters", "springboard or a uni masters", "is a masters better than a bootcamp": a question that
    /// sets two entries against each other (by name, with "vs", "versus", "or", "than" or "instead of": "a bootcamp instead
    /// of college") that one roadmap stage offers
    /// as steps side by side is answered by that stage's section naming both (the education stage's "these routes are
    /// not either/or"). Which of two comes first ("python or math first") is answered by a stage that relates to both
    /// (front matter <c>related</c>) as well: the foundations are maths and programming together. Null for any other
    /// question, or when no stage offers both or no section names both.
    /// </summary>
    public static AskPassage? ComparisonPassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        // A skill named through a synonym of its entry's key counts as named: "learning math or learning to code" sets the
        // maths against programming ("code" → programming), round 27. As an alias, "code" had outweighed "toolkits" in
        // "so they dont have to code everything".
        var facts = FactsOf(snapshot);
        var skills = query.Concepts.Where(c => c.Count > 1).Select(c => facts.SkillAreasByKey.GetValueOrDefault(c[^1]))
            .OfType<KnowledgeEntry>().ToList();
        List<KnowledgeEntry> Compared() => query.Aliases.Select(a => facts.AliasOwners.GetValueOrDefault(a)).OfType<KnowledgeEntry>()
            .Concat(skills).DistinctBy(e => e.Id).ToList();
        // "rank for a beginner: math, python, frameworks, projects. what order": three or more topics to put in order (an
        // alias several entries share, "projects", is a topic of its own), each entry a stage or related to one, are put in
        // order by the whole path (round 36: it had led with the maths, whose synonyms outweighed the rest).
        if (query.Words.Any(w => w is "order" or "rank" or "sequence") && Compared() is var ranked
            && ranked.Count + query.Aliases.Count(a => !facts.AliasOwners.ContainsKey(a)) >= 3
            && ranked.All(e => e.Kind == KnowledgeKinds.RoadmapStage || snapshot.Stages.Any(s => s.Related.Contains(e.Id))))
        {
            return WholePath(snapshot);
        }

        // "ml engineer vs data scientist, whats the actual difference day to day": an alias that is itself the comparison ("vs
        // data scientist") says what is set against what; the other alias ("day to day") is what they are compared on, not
        // a third option (round 36: it had led with the roadmap stage that offers both as steps).
        if (query.Aliases.Count + skills.Count < 2 || !(query.Words.Any(w => w is "vs" or "versus" or "or" or "than" or "instead") || SetsInOrder(query.Words))
            || query.Aliases.Any(a => a.StartsWith("vs ", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var compared = Compared();
        var order = query.Words.Any(w => w is "first" or "1st" or "before" or "after");
        // Which of two topics of one entry comes first ("shoud i learn linear algebra before calculus or doesnt the order
        // matter") is answered by the roadmap step named after both, which puts them in order ("linear algebra, calculus and
        // probability, then optimization"), not by the entry's list of topics (round 32).
        if (order && compared.Count == 1 && StepNamingBoth(snapshot, query.Aliases) is { } step)
        {
            return step;
        }

        if (compared.Count != 2 || SameSideOfTheChoice(query, facts))
        {
            return null;
        }

        // Which of two to do first ("python or math first") is answered by the stage that relates to both, as the order of
        // its work; any other comparison only by a stage that offers both as steps. Two that belong to different stages
        // ("should i do kaggle before or after learning the math?") are put in order by the whole path (round 31).
        bool Belongs(KnowledgeEntry stage, KnowledgeEntry e) => (order && stage.Related.Contains(e.Id)) || stage.Steps.Any(step => step.Resources.Contains(e.Id));
        var stage = snapshot.Stages.FirstOrDefault(s => compared.All(e => Belongs(s, e)));
        if (stage is null && order && compared.All(e => snapshot.Stages.Any(s => Belongs(s, e))))
        {
            return WholePath(snapshot);
        }

        var section = stage?.Sections.FirstOrDefault(sec =>
        {
            var stems = facts.PassageStems(sec.Markdown);
            return compared.All(e => facts.TitleStems[e.Id].Overlaps(stems));
        });
        return section is null ? null : new AskPassage(stage!, section.Heading, section.Markdown);
    }

    /// <summary>
    /// The first roadmap step whose title names two of <paramref name="aliases"/> (whole words, any case), as a passage of its
    /// stage; null when fewer than two aliases are named or no step's title names two. Not its detail: the Python step's
    /// names the libraries built for Python, in no order ("which framework should i learn first, pytorch or tensorflow").
    /// </summary>
    private static AskPassage? StepNamingBoth(KnowledgeSnapshot snapshot, IReadOnlyList<string> aliases)
    {
        var named = aliases.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (named.Count < 2)
        {
            return null;
        }

        foreach (var stage in snapshot.Stages)
        {
            foreach (var step in stage.Steps)
            {
                var text = KnowledgeSearchIndex.Padded(step.Title);
                if (named.Count(a => text.Contains(KnowledgeSearchIndex.Padded(a), StringComparison.Ordinal)) >= 2)
                {
                    return new AskPassage(stage, step.Title, step.Detail, step);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// "kaggle before the math", "linear algebra before starting ml courses": "before" or "after" between two things, not
    /// before what the member does ("what do i need before applying", "before i can apply") nor after a time ("what career
    /// paths open up after a few years as an ml engineer").
    /// </summary>
    private static bool SetsInOrder(IReadOnlyList<string> words)
    {
        for (var at = 1; at + 1 < words.Count; at++)
        {
            if (words[at] is "before" or "after" && !char.IsDigit(words[at + 1][0])
                && words[at + 1] is not ("i" or "you" or "we" or "applying" or "apply" or "landing" or "getting" or "interviewing" or "a" or "an"
                    or "few" or "several" or "some" or "years" or "months" or "graduating" or "graduation"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the words either side of the first "or"/"vs" name the same entry by its aliases ("can i get ml certificates
    /// from coursera or edx": both are online-course platforms, and the certificates beside them are not set against
    /// either), so the question sets no two entries against each other (round 29: it had led with the education stage's
    /// routes). False when either side names no alias, as in "learning math or learning to code".
    /// </summary>
    private static bool SameSideOfTheChoice(SearchQuery query, SnapshotFacts facts)
    {
        var words = query.Words;
        for (var at = 1; at + 1 < words.Count; at++)
        {
            if (words[at] is "vs" or "versus" or "or")
            {
                return facts.AliasOwners.GetValueOrDefault(words[at - 1]) is { } before
                    && facts.AliasOwners.GetValueOrDefault(words[at + 1]) is { } after && before.Id == after.Id;
            }
        }

        return false;
    }

    /// <summary>
    /// "Is becoming an ML engineer worth it", "is ml engineering a good career": a question about the worth of the career
    /// itself, naming the field and nothing else but words of worth, is answered by the role's passage on demand (both seed
    /// articles: demand is high and companies pay well), not by the first passage that says "worth" (a Kaggle notebook "is
    /// worth more to an employer"). Null for any other question ("are bootcamps worth it", "is ml engineering a good career
    /// for introverts"), or when no role entry has a section whose heading speaks of demand.
    /// </summary>
    public static AskPassage? CareerWorthPassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        if (!query.NamesTheField || query.Terms.Count == 0 || query.Unknown.Count > 0
            || !query.Terms.All(t => CareerWorthWords.Contains(t) || t.All(char.IsAsciiDigit))
            || !CareerWorth().IsMatch(string.Join(' ', query.Words)))
        {
            return null;
        }

        foreach (var entry in snapshot.OfKind(KnowledgeKinds.Role))
        {
            if (entry.Sections.FirstOrDefault(s => s.Heading is { } heading && Words(heading).Any(w => Stem(w) == Stem("demand"))) is { } section)
            {
                return new AskPassage(entry, section.Heading, section.Markdown);
            }
        }

        return null;
    }

    /// <summary>"What comes after learning python", "what should i learn after statistics", "finished sql, what now".</summary>
    [GeneratedRegex(@"\b(?:comes?|learn|study|do|tackle|pick up) after\b")]
    private static partial Regex AfterwardsAsked();

    private static readonly HashSet<string> CareerWorthWords = new(StringComparer.Ordinal)
    {
        "worth", "career", "job", "field", "choice", "option", "future", "smart", "move", "path", "roadmap", "idea",
    };

    [GeneratedRegex(@"\b(?:worth it|worth (?:becoming|pursuing|getting into|going into|doing)|good (?:career|job|field|choice|option|idea)|(?:a|any) future|smart move)\b")]
    private static partial Regex CareerWorth();

    /// <summary>"right next to python", "listed next to sql": "next to" as beside, not as what comes next.</summary>
    [GeneratedRegex(@"\b(?:right|just|listed|mentioned|sitting|sits|placed|written) next to\b")]
    private static partial Regex BesideIt();

    /// <summary>
    /// "Just finished intro to python, whats next", "done with statistics, what's next on the path", "done with stats, now
    /// what" (ending so: "i know pytorch basics now, what projects" asks about projects), "what comes after learning
    /// python": a question asking what
    /// comes next after a roadmap step it names by the step's title is answered by the step that follows it on the roadmap
    /// (Python → SQL; a stage's last step → the next stage's first), which offers to mark the finished one done; one naming
    /// a stage (by key or alias) by the next stage.
    /// Null for any other question, or after the last step or stage.
    /// </summary>
    public static AskPassage? NextStepPassage(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        // "should i learn tensorflow or pytorch next": a choice between what to do next, which the options' own entry
        // answers, not the step after one the member finished.
        if (!query.Words.Any(w => w is "next" or "now" or "after")
            || (query.Aliases.Count >= 2 && query.Words.Any(w => w is "or" or "vs" or "versus")))
        {
            return null;
        }

        var text = string.Join(' ', query.Words);
        // "saw it listed on a job ad right next to python": beside it, not after it (round 36: "do i need java at all??"
        // had led with the step after Python's).
        if (BesideIt().IsMatch(text) && !query.Words.Any(w => w is "now" or "after"))
        {
            return null;
        }

        // "what kind of project comes next": the kind of thing asked for, not the step after one the member finished
        // (it had led with the networking stage, the step after projects; round 26).
        if (KindOf().IsMatch(text))
        {
            return null;
        }

        HashSet<string> asked;
        if (query.Words.Contains("next") || text.Contains("what now", StringComparison.Ordinal) || text.EndsWith("now what", StringComparison.Ordinal))
        {
            // What the member names after "next" is what they consider doing, not what they finished ("finished building
            // core skills, whats next, projects + portfolio?" had counted the portfolio as done), unless it follows
            // "after" ("whats next after sql").
            var nextAt = query.Words.ToList().IndexOf("next");
            // Compared by stem, so a synonym's canonical form ("projects" for "project") is considered too ("what should my
            // next project be" had counted the side project just done; round 26).
            var considered = nextAt < 0 ? [] : query.Words.Skip(nextAt + 1).TakeWhile(w => w != "after").Select(Stem).ToHashSet(StringComparer.Ordinal);
            asked = query.Words.Concat(query.Terms).Select(Stem).Where(w => !considered.Contains(w)).ToHashSet(StringComparer.Ordinal);
        }
        else if (AfterwardsAsked().Match(text) is { Success: true } after)
        {
            // Only what follows "after" is what the member finished: "what comes after senior mle? … head of ML type roles"
            // names no step it finished (and "roles" is not the role stage).
            asked = text[(after.Index + after.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4).Select(Stem)
                .ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            return null;
        }

        var steps = snapshot.Steps;
        var titles = FactsOf(snapshot).StepTitleStems;
        var done = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            if (titles[i].Length > 0 && titles[i].All(asked.Contains))
            {
                done = i;
            }
        }

        if (done < 0)
        {
            // "whats the next stage after foundations": a stage named by its key or an alias.
            var stages = snapshot.Stages;
            var named = -1;
            for (var i = 0; i < stages.Count; i++)
            {
                if (asked.Contains(Stem(stages[i].Key))
                    || stages[i].Aliases.Any(a => query.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase) && Words(a).All(w => asked.Contains(Stem(w)))))
                {
                    named = i;
                }
            }

            return named >= 0 && named + 1 < stages.Count && stages[named + 1].Sections.FirstOrDefault() is { } first
                ? new AskPassage(stages[named + 1], first.Heading, first.Markdown)
                : null;
        }

        if (done + 1 >= steps.Count)
        {
            return null;
        }

        var next = steps[done + 1];
        return new AskPassage(snapshot.StageOf(next), next.Title, next.Detail, next) { Finished = steps[done] };
    }

    /// <summary>
    /// Cuts a passage to <paramref name="max"/> characters: whole when it fits, else the run of consecutive paragraphs or list
    /// items that holds most of the question's <paramref name="terms"/> (the earliest such run; with no terms, the
    /// beginning), ending with " …" where text was left out.
    /// </summary>
    public static string Excerpt(string markdown, IReadOnlyCollection<string> terms, int max)
    {
        if (markdown.Length <= max)
        {
            return markdown;
        }

        // Blocks: a paragraph with its wrapped lines (so a cut never falls mid-sentence), a list item with its indented lines,
        // a heading, a table row, a blank line.
        var blocks = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            var wraps = line.Length > 0 && blocks.Count > 0 && blocks[^1].Length > 0 && !blocks[^1].EndsWith('\n') && !BeginsABlock().IsMatch(line);
            if (blocks.Count > 0 && (line.StartsWith(' ') || line.Length == 0 && blocks[^1].Length == 0 || wraps))
            {
                blocks[^1] += "\n" + line;
            }
            else
            {
                blocks.Add(line);
            }
        }

        var stems = terms.Select(Stem).ToHashSet(StringComparer.Ordinal);
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

    /// <summary>A Markdown line that begins a block of its own: a list item, a heading, a table row or a quote.</summary>
    [GeneratedRegex(@"^(?:[-*+] |\d+[.)] |#|\||>)")]
    private static partial Regex BeginsABlock();

    /// <summary>
    /// A predicate for whether a hit's heading or text names a pay factor the question names: "do ml engineers in finance
    /// make more than in healthcare" is answered by the section that names finance (industry demand), not by the one that
    /// says "earn" (experience). The factors asked are worked out once, not for every hit.
    /// </summary>
    public static Func<SearchHit, bool> SaysAFactorAsked(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var facts = FactsOf(snapshot);
        var asked = query.Words.Concat(query.Terms).Where(w => !Compares(w)).Select(Stem).Where(facts.FactorStems.Contains).ToHashSet(StringComparer.Ordinal);
        return hit => asked.Count > 0 && (facts.PassageStems(hit.Heading ?? "").Overlaps(asked) || facts.PassageStems(hit.Markdown).Overlaps(asked));
    }

    private static bool NamesAFactor(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var factors = FactsOf(snapshot).FactorStems;
        foreach (var word in query.Words)
        {
            if (!Compares(word) && factors.Contains(Stem(word)))
            {
                return true;
            }
        }

        foreach (var term in query.Terms)
        {
            if (!Compares(term) && factors.Contains(Stem(term)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "compare", "compared", "comparison": a comparison, not the company-size factor its first five letters (<see cref="Stem"/>)
    /// share with "company" ("what does an entry level ml engineer make compared to a senior" had led with company size,
    /// round 35).
    /// </summary>
    private static bool Compares(string word) => word.StartsWith("compar", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Are bootcamps worth the $$": the question names another entry by its key or an alias, so it is about that.</summary>
    private static bool NamesAnotherTopic(KnowledgeSnapshot snapshot, SearchQuery query)
    {
        var facts = FactsOf(snapshot);
        foreach (var concept in query.Concepts)
        {
            // A word a synonym makes a pay word is pay, whatever it shares with a topic's name: "compensation" is salary,
            // not competitions (both "compe…").
            if (concept.Any(w => facts.PayStems.Contains(Stem(w))))
            {
                continue;
            }

            if (concept.Any(w => facts.TopicNameStems.Contains(Stem(w))))
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

    [GeneratedRegex(@"\b(?:what|which)\s+(?:kind|kinds|type|types|sort|sorts)\s+of\b")]
    private static partial Regex KindOf();
}
