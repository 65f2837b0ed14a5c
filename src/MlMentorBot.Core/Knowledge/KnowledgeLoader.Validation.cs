using MlMentorBot.Core.Commands;

namespace MlMentorBot.Core.Knowledge;

/// <summary>The checks that need every file at once: unique ids and aliases, links, renames, stage order, command mentions.</summary>
public static partial class KnowledgeLoader
{
    private static void ValidateAcrossFiles(List<KnowledgeEntry> entries, List<KnowledgeProblem> problems)
    {
        var ids = new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (!ids.TryAdd(e.Id, e))
            {
                problems.Add(new(e.FilePath, e.Line, ProblemSeverity.Error, $"duplicate id '{e.Id}' (also in {ids[e.Id].FilePath}:{ids[e.Id].Line})"));
            }
        }

        var steps = new Dictionary<string, RoadmapStep>(StringComparer.Ordinal);
        foreach (var step in entries.SelectMany(e => e.Steps))
        {
            if (ids.ContainsKey(step.Id) || !steps.TryAdd(step.Id, step))
            {
                problems.Add(new(step.FilePath, step.Line, ProblemSeverity.Error, $"duplicate step id '{step.Id}'"));
            }
        }

        // Aliases and keys share one namespace: "/skills maths" must point at exactly one entry.
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            foreach (var alias in e.Aliases)
            {
                if (names.TryGetValue(alias, out var owner) && owner != e.Id)
                {
                    problems.Add(new(e.FilePath, e.Line, ProblemSeverity.Error, $"alias '{alias}' is already used by '{owner}'"));
                }
                else
                {
                    names[alias] = e.Id;
                }
            }
        }

        // A question asked exactly as listed is answered from its entry, so it may be listed under one entry only.
        var questions = new Dictionary<string, (KnowledgeEntry Entry, ExampleQuestion Question)>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Kind == KnowledgeKinds.Synonyms && e.Questions.Count > 0)
            {
                problems.Add(new(e.FilePath, e.Questions[0].Line, ProblemSeverity.Error,
                    "a synonyms entry answers no question; list questions under the entry that answers them"));
                continue;
            }

            foreach (var question in e.Questions)
            {
                var key = KnowledgeSearchIndex.QuestionKey(question.Text);
                if (questions.TryGetValue(key, out var first) && first.Entry.Id != e.Id)
                {
                    problems.Add(new(e.FilePath, question.Line, ProblemSeverity.Error,
                        $"question '{question.Text}' is also listed under '{first.Entry.Id}' ({first.Entry.FilePath}:{first.Question.Line}); keep it under the entry that answers it"));
                }
                else
                {
                    questions.TryAdd(key, (e, question));
                }
            }
        }

        foreach (var e in entries)
        {
            // A related link is reported at the line of the related list, a step's resource link at the step's.
            foreach (var (link, line) in e.Related.Select(r => (r, e.RelatedLine > 0 ? e.RelatedLine : e.Line)).Concat(e.Steps.SelectMany(s => s.Resources.Select(r => (r, s.Line)))))
            {
                if (!ids.ContainsKey(link) && !steps.ContainsKey(link))
                {
                    var near = Commands.CloseMatches.Find(link, ids.Keys, 1);
                    problems.Add(new(e.FilePath, line, ProblemSeverity.Error,
                        $"link to unknown id '{link}'.{CloseMatches.DidYouMean(near, "'")}"));
                }
            }
        }

        ValidateReplaces(entries, ids, steps, problems);
        ValidateNotCovered(entries, problems);
        // Values are looked up in this very set, so only once it is whole: a file that failed to parse would otherwise
        // add a second error at every mention of its entry.
        ValidateCommandMentions(entries, problems, checkValues: !problems.Any(p => p.Severity == ProblemSeverity.Error));

        var stages = entries.Where(e => e.Kind == KnowledgeKinds.RoadmapStage).ToList();
        foreach (var group in stages.Where(s => s.Order is not null).GroupBy(s => s.Order).Where(g => g.Count() > 1))
        {
            foreach (var s in group.Skip(1))
            {
                problems.Add(new(s.FilePath, s.Line, ProblemSeverity.Error, $"stage order {s.Order} is also used by '{group.First().Id}'"));
            }
        }

        if (entries.Count > 0 && stages.Count == 0)
        {
            problems.Add(new(".", 1, ProblemSeverity.Warning, "no roadmap-stage entries: /roadmap and /progress will be empty"));
        }
    }

    /// <summary>
    /// A <c>not_covered</c> topic is one the bot must not answer around, so it cannot also be a name the bot resolves to the
    /// entries it speaks for: a topic listed for every entry (on the synonyms entry) cannot be any alias, synonym or
    /// canonical word, and a topic on one entry's list cannot be that entry's own alias or key, or a synonym of one. Those
    /// are errors. Another entry's name is fine on one entry's list: the pay entries say nothing of what data scientists
    /// earn, though the related-careers entry covers data scientists. A topic listed for every entry that an entry's text
    /// now uses is a warning: passages that name it answer, and the list may be out of date.
    /// </summary>
    private static void ValidateNotCovered(List<KnowledgeEntry> entries, List<KnowledgeProblem> problems)
    {
        var names = entries.SelectMany(e => e.Aliases.Select(a => (Name: a, e.Id)))
            .Concat(entries.SelectMany(e => e.Synonyms.SelectMany(kv => kv.Value.Append(kv.Key)).Select(w => (Name: w, e.Id))))
            .GroupBy(n => n.Name.ToLowerInvariant(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        // Every section's words, padded once per load rather than once per topic.
        var sections = entries.Any(e => e.Kind == KnowledgeKinds.Synonyms && e.NotCovered.Count > 0)
            ? entries.Where(e => e.Kind != KnowledgeKinds.Synonyms)
                .SelectMany(e => e.Sections.Select(sec => (Entry: e, Words: KnowledgeSearchIndex.Padded((sec.Heading ?? "") + " " + sec.Markdown)))).ToList()
            : [];
        // Each synonym and canonical word → its canonical word, lowercase.
        var canonical = entries.SelectMany(e => e.Synonyms).SelectMany(kv => kv.Value.Append(kv.Key).Select(w => (Word: w.ToLowerInvariant(), Canonical: kv.Key.ToLowerInvariant())))
            .GroupBy(p => p.Word, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Canonical, StringComparer.Ordinal);
        foreach (var e in entries.Where(e => e.NotCovered.Count > 0))
        {
            var line = e.NotCoveredLine > 0 ? e.NotCoveredLine : e.Line;
            var own = e.Aliases.Append(e.Key).Append(e.Key.Replace('-', ' ')).Select(a => a.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            foreach (var topic in e.NotCovered)
            {
                var owner = e.Kind == KnowledgeKinds.Synonyms ? names.GetValueOrDefault(topic)
                    : own.Contains(topic) || (canonical.TryGetValue(topic, out var word) && own.Contains(word)) ? e.Id : null;
                if (owner is not null)
                {
                    problems.Add(new(e.FilePath, line, ProblemSeverity.Error,
                        $"not_covered '{topic}' is also an alias or synonym in '{owner}'; a topic cannot be both covered and not"));
                }
                else if (e.Kind == KnowledgeKinds.Synonyms && sections.Find(sec => sec.Words.Contains(KnowledgeSearchIndex.Padded(topic), StringComparison.Ordinal)).Entry is { } user)
                {
                    problems.Add(new(e.FilePath, line, ProblemSeverity.Warning,
                        $"not_covered '{topic}' is used by '{user.Id}' ({user.FilePath}); remove it from the list once that entry covers it"));
                }
            }
        }
    }

    /// <summary>
    /// <c>replaces</c> moves members' progress from old ids to the new one on load, so an old id must really be gone
    /// (else progress would leave a step that still exists) and be claimed by one entry or step only.
    /// </summary>
    private static void ValidateReplaces(List<KnowledgeEntry> entries, Dictionary<string, KnowledgeEntry> ids, Dictionary<string, RoadmapStep> steps, List<KnowledgeProblem> problems)
    {
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = entries.SelectMany(e => e.Replaces.Select(old => (Old: old, New: e.Id, e.FilePath, e.Line)))
            .Concat(entries.SelectMany(e => e.Steps).SelectMany(s => s.Replaces.Select(old => (Old: old, New: s.Id, s.FilePath, s.Line))));
        foreach (var (old, replacement, file, line) in claims)
        {
            if (!IdPattern().IsMatch(old))
            {
                problems.Add(new(file, line, ProblemSeverity.Error, $"replaces '{old}': not a valid id"));
            }
            else if (ids.ContainsKey(old) || steps.ContainsKey(old))
            {
                problems.Add(new(file, line, ProblemSeverity.Error,
                    $"'{replacement}' replaces '{old}', but '{old}' still exists; remove it or drop it from replaces"));
            }
            else if (!claimed.TryAdd(old, replacement) && claimed[old] != replacement)
            {
                problems.Add(new(file, line, ProblemSeverity.Error, $"'{old}' is replaced by both '{claimed[old]}' and '{replacement}'"));
            }
        }
    }

    /// <summary>
    /// Every command a file mentions must answer: the command and subcommand exist in <see cref="CommandCatalog"/>, choices
    /// are valid, and a value that names knowledge (a topic's entry, a stage, a salary level, a step) names one in this set.
    /// A broken mention is an error, so a reload that would send members to "No salary level" is refused.
    /// </summary>
    private static void ValidateCommandMentions(List<KnowledgeEntry> entries, List<KnowledgeProblem> problems, bool checkValues)
    {
        var mentions = entries.SelectMany(e => e.CommandMentions.Select(m => (Entry: e, Mention: m))).ToList();
        if (mentions.Count == 0)
        {
            return;
        }

        var knowledge = checkValues ? new KnowledgeSnapshot(entries, "", DateTimeOffset.UnixEpoch) : null;
        foreach (var (entry, mention) in mentions)
        {
            if (MentionProblem(mention.Text, knowledge) is { } problem)
            {
                problems.Add(new(entry.FilePath, mention.Line, ProblemSeverity.Error, $"'{mention.Text}' does not answer: {problem}"));
            }
        }
    }

    /// <summary>
    /// Why <paramref name="text"/> (e.g. <c>/salary factors</c>) would not answer from <paramref name="knowledge"/>; null when it
    /// would. Without knowledge only the command, subcommand and choices are checked.
    /// </summary>
    internal static string? MentionProblem(string text, KnowledgeSnapshot? knowledge)
    {
        var parsed = CommandTextParser.Parse(text, MentionAuthor);
        if (parsed.Request is not { } request)
        {
            // The parser's usage reply: its first paragraph says what is wrong, with "did you mean".
            var reply = parsed.Problem!.Sections[0].Markdown;
            var end = reply.IndexOf("\n\n", StringComparison.Ordinal);
            return (end < 0 ? reply : reply[..end]).Replace('`', '\'');
        }

        if (knowledge is null)
        {
            return null;
        }

        var command = CommandCatalog.Find(request.Command)!;
        var options = request.Subcommand is { } sub ? command.FindSubcommand(sub)!.Options : command.Options;
        return options
            .Select(o => request.Option(o.Name) is { } value ? UnknownValue(o, value.Trim(), knowledge) : null)
            .FirstOrDefault(p => p is not null);
    }

    private static readonly MemberKey MentionAuthor = new("knowledge", "", "validate");

    private static string? UnknownValue(OptionDefinition option, string value, KnowledgeSnapshot knowledge)
    {
        var source = option.Autocomplete;
        if (source.Kind is { } kind || source == AutocompleteSource.RoadmapStage)
        {
            kind = source.Kind ?? KnowledgeKinds.RoadmapStage;
            var noun = CommandCatalog.TopicFor(kind)?.Noun ?? kind.Replace('-', ' ');
            return knowledge.Find(kind, value) is null
                ? $"there is no {noun} '{value}'; there are {string.Join(", ", knowledge.OfKind(kind).Select(e => e.Key))}"
                : null;
        }

        if (source == AutocompleteSource.SalaryLevel)
        {
            return knowledge.SalaryFiguresFor(value).Count == 0
                ? $"there is no salary level '{value}'; there are {string.Join(", ", knowledge.SalaryFigures.Select(f => f.Level).Distinct())}"
                : null;
        }

        if (source == AutocompleteSource.RoadmapStep)
        {
            return knowledge.FindStep(value) is null && !knowledge.Steps.Any(s => s.Id.EndsWith("." + value, StringComparison.OrdinalIgnoreCase))
                ? $"there is no roadmap step '{value}'"
                : null;
        }

        return null;
    }
}
