using MlMentorBot.Core.Commands;

namespace MlMentorBot.Core.CheckIns;

/// <summary>Adds study-group names (<see cref="AutocompleteSource.StudyGroup"/>) to the knowledge autocomplete it wraps.</summary>
internal sealed class StudyGroupAutocomplete(KnowledgeAutocomplete knowledge, StudyGroupStore groups) : IAutocompleteProvider
{
    public IReadOnlyList<OptionChoice> Suggest(AutocompleteSource source, string typed, MemberKey member) =>
        source == AutocompleteSource.StudyGroup
            ? groups.SuggestNames(member, typed, KnowledgeAutocomplete.MaxChoices).Select(n => new OptionChoice(n, n)).ToList()
            : knowledge.Suggest(source, typed, member);
}
