using MlMentorBot.Core.Knowledge;

namespace MlMentorBot.Core.Commands;

/// <summary>
/// Autocomplete from the knowledge in force: entry keys for topic options (<see cref="AutocompleteSource.EntriesOf"/>) and
/// stages, levels for salaries, ids for roadmap steps and entries. Matches what was typed anywhere in the key, id or title (prefix matches first), at most 25.
/// Study-group names come from the check-in feature, which decorates this provider.
/// </summary>
internal sealed class KnowledgeAutocomplete(IKnowledgeProvider knowledge) : IAutocompleteProvider
{
    public const int MaxChoices = 25;

    public IReadOnlyList<OptionChoice> Suggest(AutocompleteSource source, string typed, MemberKey member)
    {
        var snapshot = knowledge.Current;
        IEnumerable<OptionChoice> all = source switch
        {
            { Kind: { } kind } => snapshot.OfKind(kind).Select(e => new OptionChoice(Clip(e.Title), e.Key)),
            _ when source == AutocompleteSource.RoadmapStep => snapshot.Steps.Select(s => new OptionChoice(Clip($"{s.Title} ({s.Id})"), s.Id)),
            _ when source == AutocompleteSource.RoadmapStage => snapshot.Stages.Select(s => new OptionChoice(Clip(s.Title), s.Key)),
            _ when source == AutocompleteSource.SalaryLevel => snapshot.SalaryFigures.Select(f => new OptionChoice(Clip($"{f.Label}: {f.Describe()}"), f.Level)),
            _ when source == AutocompleteSource.KnowledgeEntry => snapshot.Entries.Select(e => new OptionChoice(Clip(e.Title), e.Id)),
            _ => [],
        };
        var word = typed.Trim();
        if (word.Length == 0)
        {
            return all.Take(MaxChoices).ToList();
        }

        var canonical = snapshot.Synonyms.TryGetValue(word, out var c) ? c : word;
        return all
            .Select(choice => (choice, rank: Rank(choice, word, canonical)))
            .Where(x => x.rank < 3)
            .OrderBy(x => x.rank)
            .Select(x => x.choice)
            .Take(MaxChoices)
            .ToList();
    }

    private static int Rank(OptionChoice choice, string word, string canonical)
    {
        if (choice.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase) || choice.Value.Split('.')[^1].StartsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (choice.Name.Contains(word, StringComparison.OrdinalIgnoreCase) || choice.Value.Contains(word, StringComparison.OrdinalIgnoreCase)
            || choice.Name.Contains(canonical, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        // Typo tolerance: a close match to the key's last part.
        return CloseMatches.Find(word, [choice.Value.Split('.')[^1]]).Count > 0 ? 2 : 3;
    }

    /// <summary>Discord caps choice names at 100 characters.</summary>
    private static string Clip(string name) => name.Length <= 100 ? name : name[..99] + "…";
}
