using System.Text.RegularExpressions;
using MlMentorBot.Core.Commands;
using MlMentorBot.Core.Progress;
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

    /// <summary>
    /// The roadmap step the member said they finished ("just finished python, whats next"), when this passage is the step
    /// after it; the reply offers to mark that one done rather than the step it shows. Null otherwise.
    /// </summary>
    public RoadmapStep? Finished { get; init; }

    /// <summary>
    /// True for a passage chosen for the kind of question rather than for its words (the whole path for "roadmap pls"):
    /// cut to length, it shows its beginning, since the question's words say nothing about which part answers.
    /// </summary>
    public bool FromTheStart { get; init; }
}

/// <summary>
/// What <c>/ask</c> makes of a question: <paramref name="Lead"/> is the one passage that answers it (null when nothing does
/// confidently), <paramref name="Related"/> up to two other passages worth a pointer.
/// </summary>
public sealed record AskAnswer(SearchQuery Query, AskPassage? Lead, IReadOnlyList<AskPassage> Related)
{
    /// <summary>
    /// When <see cref="Lead"/> is null because the question names a topic the knowledge lists as not covered
    /// (<see cref="KnowledgeEntry.NotCovered"/>): that topic, lowercase, for the honest reply to name. Null otherwise.
    /// </summary>
    public string? NotCovered { get; init; }

    /// <summary>
    /// When <see cref="Lead"/> is null because the question asks which of two or more options to choose and the passage
    /// that names them ranks none (<see cref="AnswerRanking.UnrankedChoice"/>): those options and that passage, for the
    /// honest reply to name and quote. Null otherwise.
    /// </summary>
    public UnrankedChoice? Unranked { get; init; }

    /// <summary>
    /// True when the question asks two things, the second how long something takes ("which certs matter and how long do
    /// they take"), and <see cref="Lead"/> answers the first but gives no length of time: the reply says so rather than
    /// turning the whole question away.
    /// </summary>
    public bool LeavesOutHowLong { get; init; }

    /// <summary>
    /// When the question asks two things ("whats the pay for juniors and does a masters bump it") and <see cref="Lead"/>
    /// answers the first while nothing answers the second: the second, as typed, for the reply to say so. Null otherwise.
    /// </summary>
    public string? SecondUnanswered { get; init; }

    /// <summary>
    /// With <see cref="SecondUnanswered"/>, the topic of the second question the sources do not cover ("ci/cd"), lowercase;
    /// null when it is simply not in the knowledge.
    /// </summary>
    public string? SecondNotCovered { get; init; }
}

/// <summary>
/// Options a question asks to choose between, as <paramref name="Passage"/> names them ("Coursera", "edX"), which it names
/// side by side without saying which is better.
/// </summary>
public sealed record UnrankedChoice(IReadOnlyList<string> Options, AskPassage Passage);

/// <summary>
/// <c>/ask question</c>: answer first. SQLite FTS5 bm25 finds candidate passages (sections, roadmap steps, figures); they are
/// re-ranked by what the knowledge says about itself (headings and step titles that name the question's words, the kind of
/// question) and the best one leads the reply, cut to <see cref="MaxLeadLength"/> characters around the question's words,
/// with its source. Pay questions lead with the figure they ask about. Up to two related passages follow as one-line pointers.
/// When nothing is relevant enough the reply says so, says what the bot can answer and where to ask people, and records
/// the question as a gap. Every answer carries "Helpful" / "Not helpful" buttons (<c>/feedback</c>).
/// </summary>
internal sealed partial class AskHandler(IKnowledgeProvider knowledge, AnswerGapRecorder gaps, TimeProvider time, IProgressStore progress) : ICommandHandler
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

    /// <summary>
    /// Longest excerpt, in characters, of the passage that names options side by side without ranking them, which the
    /// honest reply to a question of which to choose quotes (<see cref="AskAnswer.Unranked"/>).
    /// </summary>
    public const int MaxUnrankedExcerptLength = 400;

    /// <summary>Longest question carried in a feedback button, in characters (a button is not a transcript).</summary>
    public const int MaxFeedbackQuestionLength = 300;

    public string CommandName => "ask";

    /// <summary>
    /// The passages that answer <paramref name="question"/> confidently, best first; empty when nothing does. The best bm25
    /// score is weighed by <see cref="SearchQuery.Coverage"/>, so one known word in a question of unknown ones is not enough;
    /// and a question that does not name the field (<see cref="SearchQuery.NamesTheField"/>) but has a word the knowledge
    /// never uses ("salary of a nurse", "roadmap for guitar", "bootcamp for the army") is about someone else's topic, unless
    /// it sets two of the knowledge's own topics against each other ("bootcamp or masters?? i have like 15k saved…").
    /// </summary>
    public static IReadOnlyList<SearchHit> Answer(KnowledgeSnapshot snapshot, SearchQuery question)
    {
        // 30 candidates, not a dozen: the re-ranking below can lift a passage bm25 ranked lower, and the in-memory index
        // makes the longer list cost microseconds.
        var hits = snapshot.Search.Search(AnswerRanking.WithoutTheRoleAsContext(snapshot, question), 30);
        if (hits.Count == 0 || hits[0].Score * question.Coverage > ConfidenceThreshold
            || (question.Unknown.Count > 0 && !question.NamesTheField && !AnswerRanking.SetsOwnTopicsAgainstEachOther(question)))
        {
            return [];
        }

        var ranked = AnswerRanking.Rerank(snapshot, hits, question);
        if (!AnswerRanking.IsAboutPayFactors(snapshot, question))
        {
            return ranked;
        }

        var saysAFactorAsked = AnswerRanking.SaysAFactorAsked(snapshot, question);
        return ranked.OrderBy(h => h.Entry.Kind == KnowledgeKinds.Salary && h.Entry.Figures.Count == 0 ? 0 : 1)
            .ThenBy(h => saysAFactorAsked(h) ? 0 : 1).ToList();
    }

    /// <summary>Finds the lead passage and the pointers for <paramref name="question"/> on <paramref name="snapshot"/>.</summary>
    public static AskAnswer Compose(KnowledgeSnapshot snapshot, string question)
    {
        var answer = ComposeOne(snapshot, question);
        // "how much does location matter for mle pay, like sf vs remote from the midwest": a topic the sources do not cover,
        // named only in the examples after the question, does not turn away a question that has an answer of its own (round
        // 36: told remote work is not covered, though the location factor answers).
        if (answer is { Lead: null, NotCovered: { } exampleTopic }
            && ExamplesAfter().Match(question) is { Success: true } examples
            && !examples.Groups["clause"].Value.Contains(exampleTopic, StringComparison.OrdinalIgnoreCase)
            && ComposeOne(snapshot, examples.Groups["clause"].Value) is { Lead: not null, NotCovered: null, Query.Unknown.Count: 0 } clauseAnswer)
        {
            return clauseAnswer;
        }

        // "whats the difference between a data scientist and an ml engineer, every youtube video says something different
        // lol", "what skills do i actually need to get hired as an mle, feels like the list never ends": a question of the
        // field, then a remark on it, which had led with the online courses and with staying current (round 35, from a batch
        // of self-taught members). The question answers when its every word is known and the remark pulled the lead away
        // from its own best passages; a message the remark turned away is left to the rules below.
        // "whats a normal ml engineer salary in toronto? everything online is us dollars": a question of the field the sources
        // do not cover, then a remark, is told so; the remark's words had led with why the demand is high (round 36).
        // A topic named by a word the synonyms map is a topic of ours too: "which algorithms should a beginner know first,
        // theres like a million and i dont know where to start" had led with the whole path (round 37). So is a question
        // followed by the condition or reason it is asked for: "mle vs swe whats the real diff if both write python all
        // day" had led with where to start programming (round 37).
        if (answer.Lead is { } remarkLed
            && (RemarkedQuestion(question) ?? (ReasonAfter().Match(question) is { Success: true } reason ? reason.Groups["clause"].Value : null)) is { } opening
            && ComposeOne(snapshot, opening) is var openingAnswer
            && (openingAnswer is { Lead: { } openingLead, NotCovered: null, Query: { Unknown.Count: 0 } openingQuery }
                ? (openingQuery.NamesTheField || openingQuery.Aliases.Count > 0 || AnswerRanking.NamesASynonymTopic(snapshot, openingQuery))
                    && remarkLed.Entry.Id != openingLead.Entry.Id
                    && !Answer(snapshot, openingQuery).Take(MaxAskedHits).Any(h => h.Entry.Id == remarkLed.Entry.Id)
                : openingAnswer is { Lead: null, Unranked: null, NotCovered: not null, Query.NamesTheField: true }))
        {
            return openingAnswer;
        }

        // "are coursera ml certificates worth paying for or can i just audit", "do certs from google/coursera actually matter
        // or do hiring managers just ignore them": a yes-or-no question whose other side follows "or" with a verb of its own.
        // The first side names what is asked; the other side's words had led with the cheaper routes (round 37, from
        // money-minded members). The first side answers when every word of it is known and the whole message led far from
        // its own best passages; not a question of what ML engineers do, whose both sides are the role's ("…only train
        // models or do they also ship them to prod"), nor one whose other side names a topic of ours as the alternative
        // ("is my research experience enough or do companies want deployment skills").
        if (answer.Lead is { } sidesLed
            && OtherSideAfterOr().Match(question) is { Success: true } sides
            && !AboutTheRole().IsMatch(sides.Groups["clause"].Value)
            && snapshot.Search.Interpret(sides.Groups["other"].Value) is { Aliases.Count: 0 } otherSide && !AnswerRanking.NamesASynonymTopic(snapshot, otherSide)
            && ComposeOne(snapshot, sides.Groups["clause"].Value) is { Lead: { } firstSide, NotCovered: null, Query: { Unknown.Count: 0 } firstSideQuery } firstSideAnswer
            && firstSide.Entry.Id != sidesLed.Entry.Id
            && !Answer(snapshot, firstSideQuery).Take(MaxAskedHits).Any(h => h.Entry.Id == sidesLed.Entry.Id))
        {
            return firstSideAnswer;
        }

        // "python or r? my accountant friends use r for stats stuff", "what even is a framework or library, sorry total newbie
        // (army vet)": a question of ours whose remark alone names the member's own world (an old job, friends, the army) had
        // been turned away as someone else's topic (round 37, from career changers outside tech). The question answers when
        // every word of it is known and it names the field or a topic of ours, or, asked with a question mark, two words the
        // knowledge knows ("should i be reading research papers? tried one last night…"). A remark that asks is a question
        // of its own; "how do i read research papers without getting lost, i barely understand the abstracts" asks how to
        // do a task the sources do not teach, and "can you recommend a python course for kids? my 8 yo loves minecraft" is
        // for a child, not a career.
        if (answer is { Lead: null, Unranked: null, NotCovered: null }
            && RemarkedQuestion(question) is { } remarked
            && !ForAChild().IsMatch(question)
            && ComposeOne(snapshot, remarked) is { Lead: not null, NotCovered: null, Query: { Unknown.Count: 0 } remarkedQuery } remarkedAnswer
            && (remarkedQuery.NamesTheField || remarkedQuery.Aliases.Count > 0 || AnswerRanking.NamesASynonymTopic(snapshot, remarkedQuery)
                || (remarkedQuery.Concepts.Count >= 2 && question.Contains('?', StringComparison.Ordinal))))
        {
            return remarkedAnswer;
        }

        // Numbered questions are answered one by one however the whole reads ("1) what's an ML internship usually like 2) is
        // it worth it at a tiny company" had led with the whole path, round 29).
        var numbered = AnswerRanking.NumberedQuestions(question);
        // "whats the pay for juniors and does a masters bump it", "what does testing look like for ml code and do i need ci/cd
        // too": two questions, turned away together, the first of which has an answer and no word the knowledge does not
        // know ("what's the google ML engineer interview like? how many rounds" is about interviews). It answers, the
        // second's answer is the first pointer, or the reply says the second is not in the knowledge (round 28, from 60
        // two-part messages).
        var answered = numbered is null && (answer.Lead is not null || answer.Unranked is not null);
        if ((numbered ?? AnswerRanking.TwoQuestions(question)) is not var (first, second)
            || ComposeOne(snapshot, first) is not { Lead: { } firstLead, Query.Unknown.Count: 0 } firstAnswer
            || (answered && answer.Lead?.Entry.Id == firstLead.Entry.Id))
        {
            // A whole message already led by its first question's entry keeps its answer; the second is not composed.
            return answer;
        }

        var secondAnswer = ComposeOne(snapshot, second);
        // A whole message with an answer keeps it, unless that answer is the second question's alone ("do i need a masters to
        // be an mle, also are bootcamps worth it" had led with bootcamps), is what moves pay where the first question asks
        // for a figure ("what does a new grad get paid in the US, and is it different at a hospital vs a startup"; issue #14:
        // figures when asked, before any factors), or is a choice the sources do not rank that only the second asks ("does
        // location matter a lot for mle salary, also do finance or healthcare companies pay more"). Then the first question
        // leads and the second's answer is the first pointer (round 31). A first that opens with a question word asks; any
        // other must have its answer among the whole message's best passages, so a remark before the question ("does anyone
        // else feel like ML moves too fast to ever catch up? how do you stay updated…") does not lead.
        if (answered
            && !(answer.Lead is { } wholeLead && wholeLead.Entry.Id != firstLead.Entry.Id
                && ((secondAnswer.Lead?.Entry.Id == wholeLead.Entry.Id
                        && (OpensWithAQuestionWord().IsMatch(first) || Answer(snapshot, answer.Query).Take(MaxAskedHits).Any(h => h.Entry.Id == firstLead.Entry.Id)))
                    || (wholeLead.Entry is { Kind: KnowledgeKinds.Salary, Figures.Count: 0 } && firstLead.Entry.Figures.Count > 0)))
            && !(answer is { Lead: null, Unranked: not null } && secondAnswer.Unranked is not null))
        {
            return answer;
        }

        if ((secondAnswer.Lead ?? secondAnswer.Unranked?.Passage) is { } secondLead && secondLead.Entry.Id != firstLead.Entry.Id)
        {
            return firstAnswer with { Related = [secondLead, .. firstAnswer.Related.Where(p => p.Entry.Id != secondLead.Entry.Id).Take(MaxRelated - 1)] };
        }

        // A second question the knowledge answers only by listing its options unranked is not "not in my knowledge".
        return secondAnswer is { Lead: null, Unranked: null }
            ? firstAnswer with { SecondUnanswered = second, SecondNotCovered = secondAnswer.NotCovered ?? answer.NotCovered }
            : firstAnswer;
    }

    private static AskAnswer ComposeOne(KnowledgeSnapshot snapshot, string question)
    {
        // "how much probability theory do i need? my uni course was rough", "how much calculus is needed, i stopped at calc 1
        // in college": how much of a topic, then a remark on the member's schooling, which had led with the courses and the
        // degrees (round 32). The clause that asks answers when it names a topic of ours and every word of it is known.
        if (HowMuchOfATopic().Match(question) is { Success: true } howMuch
            && ComposeOne(snapshot, howMuch.Groups["clause"].Value) is { Lead: not null, Query: { Unknown.Count: 0, Aliases.Count: > 0 } } clauseAnswer)
        {
            return clauseAnswer;
        }

        // "finishing my bootcamp next month, how much will i make at my first ml job": a pay question in a clause of its own,
        // after or before the member's story, leads with the figure it asks for (issue #14: figures when asked, before any
        // factors), which the story's words had outweighed (round 32: the education stage's certifications had led).
        // A story that names what moves pay ("i live in nyc. how much will i make…") is read whole, as the same question in
        // one sentence is: the factor leads, the figures are its pointer.
        var query = snapshot.Search.Interpret(question);
        if (PayClause().Match(question) is { Success: true } pay && pay.Groups["clause"].Length < question.Trim().Length
            && !AnswerRanking.IsAboutPayFactors(snapshot, query)
            && ComposeOne(snapshot, pay.Groups["clause"].Value) is { Lead.Entry.Figures.Count: > 0 } payAnswer)
        {
            return payAnswer;
        }

        var hits = Answer(snapshot, query);
        // A question among sentences of context: the question answers, unless it needs the context ("how should i compare
        // these?") or its answer is far from the whole message's (then the whole message is read as before).
        var asked = QuestionSentence(question);
        var askedAnswer = asked is null ? null : Compose(snapshot, asked);
        // "I'm a data scientist in healthcare. Is it safe to give my dog grapes?": a question about someone else's topic,
        // however many of the field's words the member's story around it has, is turned away (round 28).
        if (askedAnswer is { Lead: null, NotCovered: null, Unranked: null, Query: { NamesTheField: false, Unknown.Count: >= 2 } })
        {
            return askedAnswer;
        }

        if (askedAnswer is { Lead: { } askedLead } && askedAnswer.Query.Concepts.Count >= 2)
        {
            // The whole message turned away only for its context ("…Recruiter offered 75k and idk if thats lowball"):
            // its question still has an answer (round 27), when it names the field or a topic of ours itself ("getting a
            // model into production"), or the context has one word the knowledge does not know at most. "finished my web
            // development bootcamp, built 3 sites. should i start applying to frontend jobs" is someone else's field (round 28).
            // A synonym alone ("walk me through the steps") does not, in a message mostly of words the knowledge never uses
            // that does not name the field ("…homework problem on reinforced concrete beams…", round 34).
            var askedNamesTheField = askedAnswer.Query.NamesTheField || askedAnswer.Query.Aliases.Count > 0
                || (askedAnswer.Query.Concepts.Any(c => c.Count > 1) && (query.NamesTheField || query.Coverage >= MinStoryCoverage))
                || query.Unknown.Count < 2;
            // A question for the whole path ("Can you lay out a step by step roadmap to become an ML engineer?") is answered
            // by it, whatever the story around it says ("I do best with a structured plan" had led with planning one's
            // growth, round 29).
            if ((hits.Count == 0 ? askedNamesTheField : hits.Take(MaxContextHits).Any(h => h.Entry.Id == askedLead.Entry.Id))
                || AnswerRanking.PathPassage(snapshot, askedAnswer.Query) is not null)
            {
                return askedAnswer;
            }

            // Nor does a topic the sources do not cover that only the story names turn the question away: "My PhD code works
            // fine on my laptop. What does it actually mean for an ML model to be production-ready?" (round 29).
            var whole = ComposeWhole(snapshot, question, query, hits);
            if (whole.Lead is null && whole.Unranked is null && askedNamesTheField
                && (whole.NotCovered is null || !askedAnswer.Query.NotCovered.Contains(whole.NotCovered, StringComparer.Ordinal)))
            {
                return askedAnswer;
            }

            // The whole message led by what its story says of the member ("I'm a data analyst with a Coursera certificate"),
            // not by what it asks ("Which ML frameworks do employers expect?"): the question answers (round 28).
            return whole.Lead is { } wholeLead && StoryLed(snapshot, question, asked!, askedAnswer, wholeLead.Entry.Id) ? askedAnswer : whole;
        }

        // "what does an ml engineer do exactly? i hear the title everywhere but nobody explains it": a question of the field
        // whose every word the knowledge knows is answered, though the remark after it turns the whole message away. So is
        // "whats the money like in ml eng? … honestly pay is the tiebreaker", whose figures the story's words had turned into
        // what moves pay (issue #14: figures when asked, before any factors; round 31).
        // So is "data engineer, airflow spark dbt. … what does an MLE do all day that I don't already do", whose story alone
        // names a topic the sources do not cover, before the question (round 32); "will AI replace ML engineers?? like why
        // learn this if LLMs will write all the models anyway" names it after, as what the question is about. So is "can you
        // walk me through the steps?" after a story that names the field ("i'm a junior dev and i really want to become an ml
        // engineer someday soon", round 34): the whole path.
        var wholeAnswer = ComposeWhole(snapshot, question, query, hits);
        return askedAnswer is { Lead: { } lead, NotCovered: null, Query: { Unknown.Count: 0 } askedQuery }
            && ((wholeAnswer is { Lead: null, Unranked: null }
                    && (askedQuery.NamesTheField || askedQuery.Aliases.Count > 0 || (query.NamesTheField && AnswerRanking.PathPassage(snapshot, askedQuery) is not null))
                    && (wholeAnswer.NotCovered is null || OnlyBefore(question, asked!, wholeAnswer.NotCovered) || OnlyInARemarkAfter(question, asked!, wholeAnswer.NotCovered)))
                || (lead.Entry.Figures.Count > 0 && wholeAnswer.Lead is { Entry: { Kind: KnowledgeKinds.Salary, Figures.Count: 0 } }))
            ? askedAnswer : wholeAnswer;
    }

    /// <summary>
    /// True when <paramref name="topic"/> (lowercase) is named only after the question sentence <paramref name="asked"/> of
    /// <paramref name="question"/>, in a remark of the member's of one sentence that asks nothing: "how important is
    /// communication for MLE roles? i can explain a regression to reviewer 2 but not sure about product managers", "how good
    /// does my SQL need to be? ive literally never queried a database, everything i touch is csv or hdf5" (round 36: both had
    /// been told the remark's topic is not covered). Not a remark with a question mark, with a clause that opens with a
    /// question word ("my english not perfect, will it hurt me in remote interviews") or with "why" ("will AI replace ML
    /// engineers?? like why learn this if LLMs will write all the models anyway"), nor a longer story after the question
    /// ("which industries are actually hiring ml engineers right now? im a nurse in ireland, … is that because…").
    /// </summary>
    private static bool OnlyInARemarkAfter(string question, string asked, string topic)
    {
        var at = question.IndexOf(asked, StringComparison.Ordinal);
        if (at < 0 || question[..(at + asked.Length)].Contains(topic, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var remark = question[(at + asked.Length)..].Trim();
        return remark.Contains(topic, StringComparison.OrdinalIgnoreCase) && remark.TrimEnd('.', '!').IndexOfAny(['?', '.', '!']) < 0
            && !remark.Split([',', ';'], StringSplitOptions.TrimEntries).Any(clause => AsksAQuestion().IsMatch(clause))
            && !remark.Contains("why", StringComparison.OrdinalIgnoreCase) && OfTheMember().IsMatch(remark);
    }

    /// <summary>
    /// True when <paramref name="topic"/> (lowercase) is named in the story before the question sentence
    /// <paramref name="asked"/> of <paramref name="question"/> and nowhere from it on.
    /// </summary>
    private static bool OnlyBefore(string question, string asked, string topic)
    {
        var at = question.IndexOf(asked, StringComparison.Ordinal);
        return at > 0
            && question[..at].Contains(topic, StringComparison.OrdinalIgnoreCase)
            && !question[at..].Contains(topic, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when the lead <paramref name="wholeLeadId"/> of a whole message comes from its story rather than from its question
    /// sentence <paramref name="asked"/>, which points back at nothing ("that", "it"): the story alone, when it speaks of the
    /// member ("I'm…", "my…"), leads to the same entry; or the member says who they are, the question opens with a question
    /// word, and that lead is not among the question's own <see cref="MaxAskedHits"/> best passages (round 28).
    /// </summary>
    private static bool StoryLed(KnowledgeSnapshot snapshot, string question, string asked, AskAnswer askedAnswer, string wholeLeadId)
    {
        var story = question.Replace(asked, " ", StringComparison.Ordinal);
        if (PointsAtContext().IsMatch(asked) || !OfTheMember().IsMatch(story))
        {
            return false;
        }

        var storyQuery = snapshot.Search.Interpret(story);
        if (ComposeWhole(snapshot, story, storyQuery, Answer(snapshot, storyQuery)).Lead?.Entry.Id == wholeLeadId)
        {
            return true;
        }

        return SaysWhoTheyAre().IsMatch(story) && AsksAQuestion().IsMatch(asked)
            && !Answer(snapshot, askedAnswer.Query).Take(MaxAskedHits).Any(h => h.Entry.Id == wholeLeadId);
    }

    /// <summary>
    /// How many of a message's best passages its question sentence's own lead must be among. With 10, one question of the
    /// tenth set (read only as its summary) lost its answer-first lead; with 3, none did (round 26).
    /// </summary>
    private const int MaxContextHits = 3;

    /// <summary>
    /// The share of a message's words the knowledge must know (<see cref="SearchQuery.Coverage"/>) for a synonym in its
    /// question sentence to make that sentence ours, when the message does not name the field: a story mostly of other
    /// words is another topic. 0.5 (round 34) let a gym story's "is 6 days of training too much for a beginner?" lead with
    /// an ML engineer's typical day; 0.6 still did; at 0.7 no tuning or summary-only set moves but that story (round 35).
    /// </summary>
    private const double MinStoryCoverage = 0.7;

    /// <summary>How many of a question sentence's own best passages the whole message's lead must be among to lead.</summary>
    private const int MaxAskedHits = 5;

    /// <summary>
    /// The question of a message that holds sentences of context too: its first sentence that ends with a question mark
    /// ("I've been learning Python for six months… I tried a Kaggle competition… How do I get better at preprocessing
    /// data?"; "Normalisation vs standardisation — when do I use which? and does it even matter for tree models?"). Null
    /// for a message of one sentence or under 15 words, or with no such sentence of at least four words.
    /// </summary>
    internal static string? QuestionSentence(string question)
    {
        var sentences = Sentence().Matches(question).Select(m => m.Value.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count < 2 || question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 15)
        {
            return null;
        }

        // A question mark on a sentence that opens as a question outranks one on a remark ("…I'd heard healthcare pays more
        // because it's specialized? … Does the industry you work in really change how much an ML engineer gets paid?",
        // round 29). Without a question mark, a sentence that opens as one does, the last first ("…python + pandas. any
        // tips for learning to swim as an adult", round 28; "Roughly what does an entry level ML engineer make…. I don't
        // want to pick a path purely for money", round 29); not a short one, which asks about its context ("…no clue how to
        // deploy it. what do i learn first"). A question mark on a word or two ("…wants experience. internships? im 29…",
        // round 37) does not outrank a sentence that opens as a question.
        var asked = sentences.FirstOrDefault(s => s.EndsWith('?') && AsksAQuestion().IsMatch(s) && !PointsAtContext().IsMatch(s))
            ?? sentences.FirstOrDefault(s => s.EndsWith('?') && s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4)
            ?? sentences.LastOrDefault(s => AsksAQuestion().IsMatch(s) && !PointsAtContext().IsMatch(s) && s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 6);
        return asked is not null && asked.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4 ? asked : null;
    }

    private static AskAnswer ComposeWhole(KnowledgeSnapshot snapshot, string question, SearchQuery query, IReadOnlyList<SearchHit> hits)
    {
        // Options the knowledge never names and hands-on tasks in code: no passage answers, built or found (round 29).
        if (AnswerRanking.UnknownOptions(query) is { } unknownOptions)
        {
            return Uncovered(Listed(snapshot, query, question), unknownOptions);
        }

        if (AnswerRanking.AsksHowToDoATask(query))
        {
            return Listed(snapshot, query, question);
        }

        // "what is the roadmap", "what is stage 3", "what should i learn first", "bootcamp vs masters", "whats next after
        // python": passages built from the kind of question and the roadmap's order rather than found by its words, which
        // every entry uses ("roadmap") or none names ("first", "next"), so bm25 and the coverage check cannot judge them.
        var built = AnswerRanking.StagePassage(snapshot, query) ?? AnswerRanking.PathPassage(snapshot, query) ?? AnswerRanking.FirstStudyPassage(snapshot, query)
            ?? AnswerRanking.ComparisonPassage(snapshot, query) ?? AnswerRanking.NextStepPassage(snapshot, query)
            ?? AnswerRanking.CareerWorthPassage(snapshot, query);
        if (hits.Count == 0)
        {
            if (built is not null && AnswerRanking.MissesTheDuration(query, built))
            {
                return FirstOfTwo(snapshot, question) ?? Listed(snapshot, query, question);
            }

            // A built passage does not make someone else's topic ours ("is a masters better than a bootcamp for web development").
            return built is null || (query.Unknown.Count > 0 && !query.NamesTheField)
                ? Listed(snapshot, query, question)
                : AnswerRanking.LeavesOut(snapshot, query, built) is { } missing
                ? Uncovered(Listed(snapshot, query, question), missing)
                : new AskAnswer(query, built, []);
        }

        // "is ml engineering just swe with extra math": the role's own passage, which need not speak of the math it is set against.
        var role = AnswerRanking.RoleHit(hits, query) is { } roleHit ? Passage(roleHit) : null;
        var lead = AnswerRanking.PayPassage(snapshot, query) ?? AnswerRanking.PayFactorsPassage(snapshot, query) ?? built ?? role ?? Passage(hits[0]);
        // The passage that leads must speak about the question's rarest words, not only share its common ones; and a question
        // about earning must be answered by a passage that speaks of pay ("money" alone is as often a cost: "worth the $$").
        // So must a question about how long something takes be answered by a passage that gives a length of time, unless it
        // asks about pay too and the lead gives the pay ("starting salary? and how long before six figures").
        var earning = query.Concepts.Any(c => c[^1] == "salary" && c[0] != "money");
        if ((lead != built && lead != role && AnswerRanking.Covered(snapshot, query, lead.Entry) < AnswerRanking.CoverageFloor)
            || (earning && !AnswerRanking.SpeaksOfPay(snapshot, lead)))
        {
            return Listed(snapshot, query, question);
        }

        if (!earning && AnswerRanking.MissesTheDuration(query, lead))
        {
            return FirstOfTwo(snapshot, question) ?? Listed(snapshot, query, question);
        }

        // A question about a topic the sources do not cover ("which cloud, aws gcp or azure", "do genai roles pay more") is
        // not answered by a passage that shares its other words without naming that topic.
        if (AnswerRanking.LeavesOut(snapshot, query, lead) is { } uncovered)
        {
            return Uncovered(Listed(snapshot, query, question), uncovered);
        }

        // "coursera or edx, which is better": a passage that lists both side by side does not say which to choose; "pytorch
        // or tensorflow, which is better" is answered by the note that says to pick one and go deep.
        if (lead != built)
        {
            var options = AnswerRanking.UnrankedChoice(query, lead, out var chooser);
            // The options may be listed in another section of the lead's entry ("udacity ml nanodegree vs springboard, which
            // is better" led with what a bootcamp offers, whose list is the next section): that list, which ranks none,
            // tells the member the sources do not choose (round 31).
            if (options is null && chooser is null && lead.Step is null)
            {
                foreach (var section in lead.Entry.Sections.Where(s => s.Heading != lead.Heading))
                {
                    var listing = new AskPassage(lead.Entry, section.Heading, section.Markdown);
                    options = AnswerRanking.UnrankedChoice(query, listing, out chooser);
                    if (options is not null || chooser is not null)
                    {
                        lead = options is null ? lead : listing;
                        break;
                    }
                }
            }

            if (options is not null)
            {
                var listed = Listed(snapshot, query, question);
                return listed.Lead is null ? listed with { Unranked = new UnrankedChoice(options, lead) } : listed;
            }

            lead = chooser ?? lead;
        }

        var related = hits.Select(Passage)
            .Where(p => p.Entry.Id != lead.Entry.Id)
            .DistinctBy(p => p.Entry.Id)
            .Take(MaxRelated)
            .ToList();
        return new AskAnswer(query, lead, related);
    }

    /// <summary>
    /// The answer to the first of two questions when the second asks how long something takes and nothing the knowledge says
    /// gives a length of time: "which certs matter and how long do they take" is answered as "which certs matter", and the
    /// reply says the sources give no length of time (<see cref="AskAnswer.LeavesOutHowLong"/>). Null when the question is
    /// not two questions (<see cref="AnswerRanking.BeforeHowLong"/>) or its first one has no answer either.
    /// </summary>
    private static AskAnswer? FirstOfTwo(KnowledgeSnapshot snapshot, string question) =>
        AnswerRanking.BeforeHowLong(question) is { } first && Compose(snapshot, first) is { Lead: not null } answer
            ? answer with { LeavesOutHowLong = true }
            : null;

    /// <summary>A member's words shown back in a reply: one line, without mentions, cut to about 120 characters.</summary>
    private static string Quoted(string text) => Truncate(FeedbackQuestion(text).TrimEnd('?', ' ', '.', ','), 120);

    /// <summary>The honest answer naming <paramref name="topic"/>, unless a moderator listed the question under an entry.</summary>
    private static AskAnswer Uncovered(AskAnswer listed, string topic) => listed.Lead is null ? listed with { NotCovered = topic } : listed;

    /// <summary>
    /// A question the ranking would turn away, answered anyway because a moderator listed it under an entry (front matter
    /// <c>questions</c>, typically a question from <c>/kb gaps</c>): that entry's passage the question's words rank first, or
    /// its first section. No answer when the question is not listed.
    /// </summary>
    private static AskAnswer Listed(KnowledgeSnapshot snapshot, SearchQuery query, string question)
    {
        if (snapshot.Search.ListedUnder(question) is not { } entry)
        {
            return new AskAnswer(query, null, []);
        }

        var lead = snapshot.Search.Search(query, 30).Where(h => h.Entry.Id == entry.Id).Select(Passage).FirstOrDefault()
            ?? entry.Sections.Select(s => new AskPassage(entry, s.Heading, s.Markdown)).FirstOrDefault();
        return new AskAnswer(query, lead, []);
    }

    public async Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var question = request.Option("question") ?? "";
        if (AboutUsingTheBot(knowledge.Current, question) is { } command)
        {
            // "whats my next step": the member's own, from their progress; not when the answer is aimed at someone else,
            // whose progress is theirs to show.
            if (command.Name == "progress" && request.Option("user") is null && Says(question, CommandCatalog.NextStepQuestions))
            {
                return await ProgressHandler.NextStepAsync(knowledge.Current, progress, request.Member, cancellationToken);
            }

            // "where am i on the roadmap": the member's progress, as /progress show gives it.
            if (command.Name == "progress" && request.Option("user") is null && Says(question, CommandCatalog.ProgressQuestions))
            {
                return await ProgressHandler.ShowAsync(knowledge.Current, progress, request.Member, cancellationToken);
            }

            // "how do i track my progress", "what is a check-in": a question about the bot, not a gap in the knowledge.
            var help = command.Name == "help"
                ? HelpHandler.Overview(CommandCatalog.All.Where(c => !c.IsModeratorOnly).ToList())
                : HelpHandler.ForCommand(command);
            return EntryReplies.AimAt(help with
            {
                Sections =
                [
                    new ReplySection(null, "That is about using me rather than about the ML engineer career, so " +
                        (command.Name == "help" ? "here is what I can do." : $"here is how `/{command.Name}` works.")),
                    .. help.Sections,
                ],
                IsReused = false,
            }, request);
        }

        if (SmallTalkReply(question) is { } smallTalk)
        {
            // "hi", "thanks!": a greeting is not a question the knowledge failed to answer, so it is no gap either.
            return EntryReplies.AimAt(smallTalk, request);
        }

        var answer = Compose(knowledge.Current, question);
        if (FollowUpReply(question, answer) is { } followUp)
        {
            // "Thank you for your previous answer. Could you also explain how containerisation helps…": the pointer is a
            // sentence of its own, and the rest is a question that stands alone.
            if (WithoutPointingSentences(question) is not { } rest || Compose(knowledge.Current, rest) is not { Lead: not null } restAnswer)
            {
                // "ok and after that?", "more detail on the second one": each /ask stands alone, so say so rather than guess.
                return EntryReplies.AimAt(followUp, request);
            }

            answer = restAnswer;
        }

        // A question the knowledge failed, whole or in its second part (the first of two answered), is a gap for /kb gaps.
        if (answer.Lead is null || answer.SecondUnanswered is not null)
        {
            await gaps.RecordAsync(new AnswerGap(question, time.GetUtcNow()) { Community = Communities.CommunityKeys.Of(request.Member) }, cancellationToken);
        }

        return answer.Lead is null
            ? EntryReplies.AimAt(NotInKnowledge(AsTyped(question, answer.NotCovered ?? AnswerRanking.NotCoveredAnywhere(knowledge.Current, answer.Query)),
                answer.Unranked), request)
            : EntryReplies.AimAt(Reply(answer, question, vote: null), request);
    }

    /// <summary>The member's own spelling of <paramref name="topic"/> in <paramref name="question"/> ("Nigeria", "GenAI"); null for null.</summary>
    private static string? AsTyped(string question, string? topic) =>
        topic is null ? null : question.IndexOf(topic, StringComparison.OrdinalIgnoreCase) is var at and >= 0 ? question.Substring(at, topic.Length) : topic;

    /// <summary>
    /// The question as the reply's title: with one question mark when it asks ("how much do they earn" → "…earn?"), as
    /// typed when it names a topic ("average salary usa", "ml salary").
    /// </summary>
    internal static string AsTitle(string question)
    {
        var trimmed = question.Trim().TrimEnd('?', ' ');
        var first = trimmed.Split(' ', 2)[0].ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);
        return question.TrimEnd().EndsWith('?') || QuestionOpeners.Contains(first) ? trimmed + "?" : trimmed;
    }

    private static readonly HashSet<string> QuestionOpeners = new(StringComparer.Ordinal)
    {
        "what", "whats", "how", "hows", "why", "when", "where", "which", "who", "whom", "whose", "is", "are", "am", "was", "were",
        "do", "does", "did", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "have", "has", "any",
    };

    /// <summary>
    /// The command whose feature the question names by one of its <see cref="CommandDefinition.AskedAbout"/> phrases, as
    /// whole words ("how do study groups work", "can i keep my streak on holiday": the most text named wins, so "pause my
    /// streak" makes it <c>/away</c> though "streak" alone is <c>/checkin</c>; then catalog order). Null when it names
    /// none, or when the rest of the question names a knowledge entry ("is a study group better than a bootcamp" is about
    /// bootcamps) or a word neither explains ("track my progress at the gym"), unless it names the feature twice or a second
    /// feature too.
    /// </summary>
    internal static CommandDefinition? AboutUsingTheBot(KnowledgeSnapshot snapshot, string question)
    {
        // "what does /roadmap do", "how do i use /checkin": a command named by its slash is about that command; a moderator's
        // command ("is /kb for moderators") gets the members' overview, which is all a member may be shown.
        foreach (Match slash in SlashCommand().Matches(question))
        {
            if (CommandCatalog.Find(slash.Groups[1].Value) is { } bySlash)
            {
                return bySlash.IsModeratorOnly ? CommandCatalog.Find("help") : bySlash;
            }
        }

        // Most questions name no feature: find that out without building anything.
        if (!CommandCatalog.All.Any(c => c.AskedAbout.Any(p => question.Contains(p, StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        var padded = " " + KnowledgeSearchIndex.QuestionKey(question) + " ";
        CommandDefinition? best = null;
        var bestCount = 0;
        foreach (var command in CommandCatalog.All)
        {
            var count = command.AskedAbout.Where(phrase => SaysPhrase(padded, phrase)).Sum(phrase => phrase.Length);
            if (count > bestCount)
            {
                (best, bestCount) = (command, count);
            }
        }

        if (best is null)
        {
            return null;
        }

        var rest = padded;
        var named = 0;
        foreach (var phrase in best.AskedAbout.OrderByDescending(p => p.Length))
        {
            var without = rest.Replace(" " + phrase + " ", "  ", StringComparison.Ordinal);
            named += without.Length == rest.Length ? 0 : 1;
            rest = without;
        }

        // Two phrases of the feature ("can i mark a step as skipped? already know python"), or a second feature in the
        // rest ("going on holiday, how do i pause so my streak doesnt die": away, then the check-in streak), make it a
        // question about the bot whatever else it says.
        if (named >= 2 || CommandCatalog.All.Any(c => c.AskedAbout.Any(phrase => SaysPhrase(rest, phrase))))
        {
            return best;
        }

        var query = snapshot.Search.Interpret(rest);
        // Asking the bot for help in general ("can you help me?") leaves nothing else; "help me understand salary" or "what
        // are you paid as an ml engineer" leave a topic, and that is the question.
        return query.Aliases.Count == 0 && query.Unknown.Count == 0 && (best.Name != "help" || query.Terms.Count == 0) ? best : null;
    }

    /// <summary>True when <paramref name="question"/> says one of <paramref name="phrases"/> as whole words.</summary>
    private static bool Says(string question, IEnumerable<string> phrases)
    {
        var padded = " " + KnowledgeSearchIndex.QuestionKey(question) + " ";
        return phrases.Any(phrase => SaysPhrase(padded, phrase));
    }

    /// <summary>
    /// True when <paramref name="padded"/> (words between single spaces, a space at either end) has <paramref name="phrase"/>
    /// as whole words, found without building the padded phrase: "mark" is in " job market " but not said there.
    /// </summary>
    private static bool SaysPhrase(string padded, string phrase)
    {
        for (var at = padded.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = padded.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if (at > 0 && padded[at - 1] == ' ' && end < padded.Length && padded[end] == ' ')
            {
                return true;
            }
        }

        return false;
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

        var body = AnswerRanking.Excerpt(lead.Markdown, lead.FromTheStart ? [] : answer.Query.Terms, MaxLeadLength);
        sections.Add(new ReplySection(lead.Title, body + (lead.Step is null ? "" : $"\nRoadmap step: `{lead.Step.Id}`")));
        if (answer.LeavesOutHowLong)
        {
            sections.Add(new ReplySection(null, "_As for how long it takes: my sources give no length of time for that. " +
                "Members who have done it can tell you how long it took them._"));
        }

        if (answer.SecondUnanswered is { } second)
        {
            sections.Add(new ReplySection(null, answer.SecondNotCovered is { } topic
                ? $"_As for \"{Quoted(second)}\": my sources don't cover {AsTyped(second, topic)}. Members who have been there can tell you more._"
                : $"_As for \"{Quoted(second)}\": that isn't in my knowledge. Members who have been there can tell you more._"));
        }

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

        // One button per command: a related passage of the pay factors opens /salary, as the figures' "More" does.
        actions.AddRange(answer.Related.Select(p => new SuggestedAction(Shorten(p.Heading ?? p.Entry.Title), CommandFor(p)))
            .Where(a => !actions.Exists(b => b.CommandLine == a.CommandLine)).DistinctBy(a => a.CommandLine));
        if (lead.Finished is not null)
        {
            actions.Add(new SuggestedAction(Shorten($"Mark {lead.Finished.Title} done"), $"/progress mark {lead.Finished.Id} done"));
        }
        else if (lead.Step is not null)
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
            Title = Truncate(AsTitle(question), 200),
            Sections = sections,
            Sources = EntryReplies.Cite([lead.Entry]),
            EntryId = lead.Entry.Id,
            Actions = actions,
            IsPrivate = true,
        };
    }

    /// <summary>
    /// The honest reply: what the bot can answer (its topics and commands) and where to ask people instead (the community's
    /// own channels, and the communities in <c>/resources communities</c>). To a question of which option to choose that
    /// the sources do not settle, "My sources don't rank these": the options, what the sources say of them, and people.
    /// </summary>
    /// <param name="topic">The topic the knowledge lists as not covered that the question named (<see cref="AskAnswer.NotCovered"/>),
    /// which the reply names; null for the general reply.</param>
    /// <param name="unranked">The options the question asked to choose between and the passage that names them
    /// without ranking them (<see cref="AskAnswer.Unranked"/>): the reply says the sources do not choose, quotes what that
    /// passage says of them (up to <see cref="MaxUnrankedExcerptLength"/> characters, with its source) and points to
    /// people; null otherwise.</param>
    public static BotReply NotInKnowledge(string? topic = null, UnrankedChoice? unranked = null)
    {
        ReplySection[] ask = [new ReplySection("Ask people instead",
            "Post it in this community's channels, where members and mentors can answer, or in the online communities listed in `/resources communities`.")];
        SuggestedAction[] then = [new SuggestedAction("Communities", "/resources communities"), new SuggestedAction("Help", "/help")];
        if (unranked is { Options: var options, Passage: var passage })
        {
            var named = string.Join(", ", options.SkipLast(1).Select(o => $"**{o}**")) + $" and **{options[^1]}**";
            return new BotReply
            {
                Title = "My sources don't rank these",
                Sections =
                [
                    new ReplySection(null, $"My knowledge files name {named} side by side, but neither source sets them apart or says which to choose, so I won't pick one for you. I've noted the question for the moderators."),
                    new ReplySection(passage.Title, AnswerRanking.Excerpt(passage.Markdown, [], MaxUnrankedExcerptLength) + $"\nMore: `{CommandFor(passage)}`"),
                    .. ask,
                ],
                Sources = EntryReplies.Cite([passage.Entry]),
                Tone = ReplyTone.Warning,
                IsPrivate = true,
                Actions = [new SuggestedAction(Shorten("More: " + passage.Entry.Title), CommandFor(passage)), .. then],
            };
        }

        return new BotReply
        {
            Title = "That's not in my knowledge",
            Sections =
            [
                new ReplySection(null, topic is null
                    ? "I only answer from my knowledge files about becoming a machine learning engineer, and nothing there answers this, so I won't guess. I've noted the question for the moderators."
                    : $"I only answer from my knowledge files about becoming a machine learning engineer, and nothing there answers this about **{topic}**, so I won't guess. I've noted the question for the moderators."),
                new ReplySection("What I can answer",
                    "- the role and its daily work · `/ask what does an ml engineer do`\n- the roadmap, stage by stage · `/roadmap`\n" +
                    "- ML engineer pay, with sources · `/salary`\n- skills to learn · `/skills`\n- where to learn them · `/resources`"),
                .. ask,
            ],
            Tone = ReplyTone.Warning,
            IsPrivate = true,
            Actions = [new SuggestedAction("Roadmap", "/roadmap"), .. then],
        };
    }

    /// <summary>
    /// The reply to a message that is only a greeting ("hi", "hello bot", "good morning", "how r u", "hows it going") or thanks
    /// ("thanks!", "thank you so much"), in any case and with any punctuation or emoji: a short greeting with what to ask, or
    /// "you're welcome"; and to
    /// one with no words at all ("🙂", "???"): what to ask. Null for anything else, including a greeting followed by a
    /// question ("hi, what does an ml engineer do"), which is answered.
    /// </summary>
    public static BotReply? SmallTalkReply(string question)
    {
        var key = KnowledgeSearchIndex.QuestionKey(question);
        var asksHowIAm = HowAreYou().IsMatch(key);
        var words = (asksHowIAm ? HowAreYou().Replace(key, " ") : key).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (asksHowIAm && words.Length <= 6 && words.All(w => Greetings.Contains(w) || SmallTalkFiller.Contains(w)))
        {
            // "hey bot how r u today", "hows it going": had been turned away as a gap, or led with online courses.
            return Welcome("Doing well, thanks for asking! I'm your guide to becoming an ML engineer");
        }

        if (words.Length == 0)
        {
            // "🙂", "???": no words to answer, and nothing for the moderators to write.
            return Welcome("Ask me a question in your own words");
        }

        if (words.Length > 8 || !words.All(w => Greetings.Contains(w) || Thanks.Contains(w) || SmallTalkFiller.Contains(w)))
        {
            return null;
        }

        if (words.Any(Thanks.Contains))
        {
            return new BotReply
            {
                Title = "You're welcome!",
                Sections = [new ReplySection(null, "Glad to help. Ask again any time with `/ask`, or pick up your roadmap where you left off.")],
                IsPrivate = true,
                Actions = [new SuggestedAction("My progress", "/progress show"), new SuggestedAction("Roadmap", "/roadmap")],
            };
        }

        return words.Any(Greetings.Contains) ? Welcome("Hi! I'm your guide to becoming an ML engineer") : null;
    }

    /// <summary>
    /// The reply to a message that points back at an earlier answer ("ok and after that?", "more detail on the second one
    /// pls", "can u explain that last bit simpler", "ok but which of those should i do first") and names no topic of its
    /// own: each <c>/ask</c> is answered on its own, so the reply says so and shows how to ask in full, instead of a
    /// passage that only shares a word or an honest reply that would record a gap. Null when the message names a topic,
    /// including one the sources do not cover ("what about in europe"), or points back at nothing.
    /// </summary>
    internal static BotReply? FollowUpReply(string question, AskAnswer answer)
    {
        // Only a message that opens by pointing back: in "my notebook works but I have no idea how to turn it into something
        // deployable. where do people learn that part?" the part is the message's own first sentence.
        if (answer.Query.Aliases.Count > 0 || answer.NotCovered is not null || answer.Query.NotCovered.Count > 0
            || Sentence().Match(question) is not { Success: true } first || !PointsBack().IsMatch(KnowledgeSearchIndex.QuestionKey(first.Value)))
        {
            return null;
        }

        return new BotReply
        {
            Title = "I don't see earlier messages",
            Sections =
            [
                new ReplySection(null, "I answer each question on its own, so I can't tell what that refers to. Ask it again in " +
                    "full, for example `/ask what comes after stage 2` or `/ask how much do senior ml engineers earn`."),
            ],
            IsPrivate = true,
            Actions = [new SuggestedAction("Roadmap", "/roadmap", ActionStyle.Primary), new SuggestedAction("My progress", "/progress show"), new SuggestedAction("Help", "/help")],
        };
    }

    /// <summary>
    /// "How are you" as members type it, on the question's key (lowercase, apostrophes dropped): "how are you", "how r u",
    /// "hows it going", "whats up", "hru".
    /// </summary>
    [GeneratedRegex(@"\b(?:how (?:are|r|ru) (?:you|u|ya|yall|things)|how (?:are|r) (?:you|u) doing|how you doing|how (?:is|s) (?:it|your day) going|hows (?:it going|life|things|your day(?: going| been)?)|whats (?:up|good)|wassup|whatsup|how do you do|hru)\b")]
    private static partial Regex HowAreYou();

    /// <summary>
    /// "how much will i make at my first ml job", "how much do juniors earn": a clause of a message that asks what someone
    /// earns, from "how much" to the next full stop, question mark or semicolon (group "clause"); not to a comma, after which
    /// the question may go on ("…starting out, like realistically in europe"), unless a question of its own opens there
    /// ("how much does a junior mle even make, is it worth it at my age", round 37).
    /// </summary>
    [GeneratedRegex(@"(?:^|[,.?!;]\s*|\p{So}\s*|\p{Cs}\s*)\W*(?<clause>how much (?:will|would|do|does|did|can|could|should|might) (?:[\w-]+ ){1,4}?(?:make|makes|earn|earns|get paid|be paid)\b(?:(?![,;]\s*(?:is|are|will|would|should|can|do|does)\b)[^.?!;])*)", RegexOptions.IgnoreCase)]
    private static partial Regex PayClause();

    /// <summary>
    /// "how much X do i need", "how much X is needed", "how much X should i know" as a message's first clause, with more after
    /// its comma, question mark or full stop: the clause is group "clause".
    /// </summary>
    [GeneratedRegex(@"^\W*(?<clause>how much (?:[\w-]+ ){1,4}?(?:do (?:i|you|we|u) (?:really |actually |even )?need(?: to know)?|is (?:really |actually )?(?:needed|required|necessary)|should (?:i|you) (?:know|learn)))\s*[,?.!;]+\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex HowMuchOfATopic();

    /// <summary>
    /// A question (group "clause", up to its comma) followed by examples of what it asks about: "…, like sf vs remote from the
    /// midwest", "…, e.g. aws or gcp", "…, such as …": examples set side by side ("vs", "or", "/"). Not a question of which
    /// or what ("which cloud should i learn for ml, like aws gcp or azure"), whose examples are the options it asks about,
    /// nor "…, like realistically in europe not silicon valley", which says where the question asks about.
    /// </summary>
    [GeneratedRegex(@"^(?!\W*(?:which|what|whats|what's|any|best|recommend)\b)(?<clause>[^,?]{12,}?)\s*,\s*(?:like|e\.?g\.?|such as|for example|for instance)\s+(?=[^,?]*(?:\s(?:vs\.?|versus|or)\s|/))[^,?]+\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExamplesAfter();

    /// <summary>
    /// The question of a message that opens with one and goes on with a remark that asks nothing (<see
    /// cref="QuestionThenRemark"/>, or any question up to its question mark followed by a sentence that does not open as a
    /// question: "python or r? my accountant friends use r for stats stuff"); null for any other message.
    /// </summary>
    private static string? RemarkedQuestion(string question) =>
        QuestionThenRemark().Match(question) is { Success: true } opening ? opening.Groups["clause"].Value
        : QuestionMarkThenRemark().Match(question) is { Success: true } asked && !AsksAQuestion().IsMatch(asked.Groups["remark"].Value)
            && !AsksPeopleHere().IsMatch(asked.Groups["remark"].Value) && !ClauseThatAsks().IsMatch(asked.Groups["remark"].Value)
            ? asked.Groups["clause"].Value : null;

    /// <summary>
    /// A clause that asks inside a remark: "…? or how else do ppl get real experience", "…, or do people go into 'head of ML'
    /// type roles": a question of its own, not a remark.
    /// </summary>
    [GeneratedRegex(@"(?:^\W*|[,;]\s*|\b(?:or|and|but)\s+)(?:how|what|whats|which|why|where|when|who|is|are|do|does|did|can|could|should|will|would)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseThatAsks();

    /// <summary>
    /// A yes-or-no question (group "clause", opening with its verb) and its other side after "or" (group "other"), opening
    /// with a verb of its own: "do certs from google/coursera actually matter or do hiring managers just ignore them". One
    /// question mark at most, at the end.
    /// </summary>
    [GeneratedRegex(OpeningFiller + @"(?<clause>(?:do|does|is|are|can|could|should|would|will)\b[^?,;.!]{8,}?)\s*,?\s+or\s+(?<other>(?:is|are|do|does|can|could|should|will|am)\b[^?]*)\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherSideAfterOr();

    /// <summary>
    /// A question of what ML engineers do or are: "do ml engineers only train models", "are mles expected to…": both sides of
    /// its "or" are the role's ("…or do they also ship them to prod", "…or is it purely engineering work").
    /// </summary>
    [GeneratedRegex(@"^\W*(?:do|does|are|is)\s+(?:an?\s+)?(?:mles?|(?:ml|machine learning)\s+engineers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AboutTheRole();

    /// <summary>
    /// A question (group "clause") and, after it, the condition or reason it is asked for: "mle vs swe whats the real diff if
    /// both write python all day", "…since i already know sql"; not "if" that asks whether ("how do ml engineers check if a
    /// model is good"). One question mark at most, at the end, and no other sentence.
    /// </summary>
    [GeneratedRegex(OpeningFiller + @"(?<clause>[^?.!;,]{12,}?)\s*,?\s+(?:(?<!\b(?:ask|asked|asks|check|checks|know|see|tell|wonder|wondering|decide|sure|figure out|judge)\s+)if|since|because|bc|cuz|cause|considering)\s+[^?.!;]*\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonAfter();

    /// <summary>"for kids", "my 8 yo", "a 10 year old": a message about a child's hobby, not a career.</summary>
    [GeneratedRegex(@"\b(?:kids?|children|\d+\s*(?:yo|y/o|years? old|yrs? old))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForAChild();

    /// <summary>"anybody here did it", "someone tried it?": a remark that asks the people reading, not a remark.</summary>
    [GeneratedRegex(@"^\W*(?:any|anybody|anyone|somebody|someone|who)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksPeopleHere();

    /// <summary>
    /// A question up to its first question mark (group "clause") and one remark after it with no question mark (group
    /// "remark"): "should i be reading research papers? tried one last night and understood nothing".
    /// </summary>
    [GeneratedRegex(OpeningFiller + @"(?<clause>[^?.!;]{4,}?)\s*\?+\s+(?<remark>[^?]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionMarkThenRemark();

    /// <summary>The start of a sentence, with "so", "ok" or "anyway" a member may put before its question.</summary>
    private const string OpeningFiller = @"^\W*(?:(?:so|ok|okay|anyway)[\s,]+)?";

    /// <summary>
    /// A message that opens with a question (group "clause", up to its first comma or question mark) and goes on with a
    /// remark of the member's and no other question: "what skills do i need to get hired as an mle, feels like the list
    /// never ends".
    /// </summary>
    [GeneratedRegex(OpeningFiller + @"(?<clause>(?:what|whats|what's|wat|how|which|can (?:someone|anyone|you)|could (?:someone|anyone|you)|should i|is|are|do|does|did|(?:pls |please )?(?:give|show|tell) me)\b[^,?.!;]{8,}?)\s*(?:,|\?+)\s+(?:i|im|i'm|ive|i've|my|feels|feel|every|everyone|everything|lol|ngl|idk|trying|planning|thinking|hoping|tbh|it|its|it's|seems|sorry|theres|there's)\b[^?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionThenRemark();

    /// <summary>
    /// A sentence that opens with a question word ("what…", "how…", "where…"), perhaps after "so" or "ok" ("so whats a
    /// typical week look like for an mle?", round 32), not a remark ("does anyone else feel…").
    /// </summary>
    [GeneratedRegex(OpeningFiller + @"(?:what|whats|what's|wat|which|how|where|when|who|why)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpensWithAQuestionWord();

    /// <summary>
    /// A sentence that opens as a question: "how do i…", "what should…", "any tips for…", "is it worth…", "so my question is
    /// whether…", "I'm wondering if…" (round 29); and a request, "please suggest roadmap step by step", "kindly tell me…"
    /// (round 31).
    /// </summary>
    [GeneratedRegex(OpeningFiller + @"(?:" + AnswerRanking.QuestionOpeners + @"|any|anyone|roughly|(?:my|the) (?:real |actual |main )?question is|i(?:'m| am)? wonder(?:ing)? (?:if|whether)|i(?:'d| would) like to know|i want to know|(?:(?:please|pls|plz|kindly)\s+)?(?:suggest|recommend|tell me|give me|share|explain|guide me))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksAQuestion();

    /// <summary>
    /// A question that needs the sentences around it: "how do i turn that into…", "is it too early…" (round 28), "what's the
    /// real difference between the two jobs?" (round 30). Not "that" opening a clause about someone ("what does an MLE do all
    /// day that I don't already do": round 32). Nor "it" in "…or is it more meetings", which is the job asked about, nor "this
    /// job" ("what traits make someone good at this job"), the field; "which one would you pick" points back at the options
    /// named before it (round 35). "is there a …" asks whether something exists, and points at nothing ("…3 rejections from
    /// junior roles already. is there a step by step roadmap i can follow from scratch", round 37).
    /// </summary>
    [GeneratedRegex(@"\b(?:that(?!\s+(?:i|you|we|they|he|she|people|most|every|an?)\b)|this(?!\s+(?:job|field|career|role|industry)\b)|(?<!\bor is )it|those|these|them|there(?!(?<=\b(?:is|are)\s+there)\s+(?:a|an|any|some)\b)|the two|both|which one)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsAtContext();

    /// <summary>
    /// Sentences that speak of the member: "I'm a nurse", "my degree is in physics", "I've done a Coursera course"; or of
    /// whom they ask for: "he already knows a bit of python" (round 29, a parent's question).
    /// </summary>
    [GeneratedRegex(@"\b(?:i|im|i'm|i’m|my|me|ive|i've|i’ve|he|she|he's|she's|he’s|she’s)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OfTheMember();

    /// <summary>
    /// A member saying who they are: "I'm a data analyst", "I am 17", "I work in hospital billing", "I've been a teacher"; or
    /// who they ask for: "my daughter is 17", "he's in high school" (round 29).
    /// </summary>
    [GeneratedRegex(@"\b(?:i'?m|i’m|i am|i'?ve been|i’ve been|i work(?:ed)?|i was|(?:he|she)(?:'s|’s| is| was)|my (?:son|daughter|kid|child|teen|nephew|niece|student)s?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaysWhoTheyAre();

    /// <summary>A slash command as typed in a question: "/roadmap", "/progress".</summary>
    [GeneratedRegex(@"(?<![\w/])/([a-z]+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SlashCommand();

    /// <summary>
    /// <paramref name="question"/> without its sentences that point back at an earlier answer (<see cref="PointsBack"/>);
    /// null when every sentence does, or none does.
    /// </summary>
    internal static string? WithoutPointingSentences(string question)
    {
        var sentences = Sentence().Matches(question).Select(m => m.Value.Trim()).Where(s => s.Length > 0).ToList();
        var rest = sentences.Where(s => !PointsBack().IsMatch(KnowledgeSearchIndex.QuestionKey(s))).ToList();
        return rest.Count == 0 || rest.Count == sentences.Count ? null : string.Join(' ', rest);
    }

    /// <summary>A sentence: up to and including its full stop, question or exclamation mark, or the end.</summary>
    [GeneratedRegex(@"[^.!?]+(?:[.!?]+|$)")]
    private static partial Regex Sentence();

    /// <summary>Words that point back at an earlier answer rather than ask about something named.</summary>
    [GeneratedRegex(@"\b(?:the (?:first|second|third|last|other|previous) (?:one|bit|part|point)|that (?:last )?(?:bit|part|point|one)|after that|more detail(?:s)? on (?:that|it|this|the)|explain (?:that|it|this)|what you said|your (?:last|previous) answer|same question|(?:was|is) the first step again|(?:and|so) (?:what|how) about (?:that|it|this|them)|(?:which|any) of (?:those|these|them))\b")]
    private static partial Regex PointsBack();

    private static BotReply Welcome(string title) => new()
    {
        Title = title,
        Sections =
        [
            new ReplySection(null, "Ask me a question in your own words, for example `/ask what does an ml engineer do` or " +
                "`/ask how much does an entry level ml engineer earn`. `/roadmap` shows the whole path with your progress, " +
                "and `/help` lists everything I can do."),
        ],
        IsPrivate = true,
        Actions = [new SuggestedAction("Roadmap", "/roadmap", ActionStyle.Primary), new SuggestedAction("Help", "/help")],
    };

    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "heya", "hiya", "hallo", "helo", "yo", "sup", "howdy", "greetings", "gm", "morning", "afternoon", "evening",
    };

    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal)
    {
        "thanks", "thank", "thx", "thnx", "ty", "tysm", "tyvm", "cheers", "appreciate", "appreciated",
    };

    /// <summary>Words that may stand beside a greeting or thanks without making it a question ("thank you so much bot").</summary>
    private static readonly HashSet<string> SmallTalkFiller = new(StringComparer.Ordinal)
    {
        "you", "u", "so", "much", "very", "a", "lot", "again", "there", "bot", "mlmentorbot", "mentor", "good", "all", "everyone",
        "guys", "folks", "team", "man", "dude", "mate", "bro", "sir", "for", "the", "help", "it", "that", "this", "ok", "okay",
        "great", "awesome", "cool", "nice", "perfect", "really", "oh", "and", "lol", "today", "tonight", "doing", "buddy",
        "yesterday", "earlier", "your", "answer", "answers", "advice", "info", "tips", "last", "time", "week", "night",
        // "hello to everybody, i am new here", "hi all, just joined" (round 28): a newcomer's greeting.
        "everybody", "to", "i", "am", "im", "new", "here", "just", "joined", "glad", "happy",
    };

    /// <summary><c>/feedback helpful salary.figures how much do juniors earn</c>: the command line a feedback button runs.</summary>
    public static string FeedbackLine(string vote, string entryId, string question) => $"/feedback {vote} {entryId} {question}";

    /// <summary>
    /// The question as a feedback button carries it: one line without mentions, at most <see cref="MaxFeedbackQuestionLength"/>
    /// characters.
    /// </summary>
    public static string FeedbackQuestion(string question)
    {
        var oneLine = string.Join(' ', KnowledgeSearchIndex.WithoutMentions(question).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Trim('"', '“', '”');
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
