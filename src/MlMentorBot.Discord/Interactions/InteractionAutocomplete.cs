using MlMentorBot.Core.Commands;
using MlMentorBot.Discord.Rendering;

namespace MlMentorBot.Discord.Interactions;

/// <summary>
/// Answers type 4 (APPLICATION_COMMAND_AUTOCOMPLETE) interactions with at most 25 choices whose name and value are 1–100
/// characters (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-autocomplete).
/// </summary>
internal sealed class InteractionAutocomplete(IAutocompleteProvider? provider)
{
    private const int MaxChoices = 25;
    private const int ChoiceLimit = 100;

    public InteractionResponse Answer(Interaction interaction)
    {
        var data = interaction.Data;
        var command = data?.Name is { } name ? CommandCatalog.Find(name) : null;
        var choices = new List<AutocompleteChoice>();
        if (command is not null && interaction.Invoker is { } invoker && provider is not null)
        {
            var (subcommand, given) = InteractionCommands.Flatten(data!.Options);
            var definitions = (subcommand is null ? null : command.FindSubcommand(subcommand))?.Options ?? command.Options;
            var focused = given.FirstOrDefault(o => o.IsFocused);
            var definition = focused is null ? null : definitions.FirstOrDefault(d => d.Name.Equals(focused.Name, StringComparison.OrdinalIgnoreCase));
            var typed = focused is null ? null : InteractionCommands.ValueText(focused.Value);
            if (definition is not null && definition.Autocomplete != AutocompleteSource.None && (typed?.Length ?? 0) <= CommandTextParser.MaxOptionLength)
            {
                choices.AddRange(provider.Suggest(definition.Autocomplete, typed ?? "", InteractionCommands.MemberOf(interaction, invoker))
                    .Where(c => c.Value.Length is > 0 and <= ChoiceLimit)
                    .Take(MaxChoices)
                    .Select(c => new AutocompleteChoice(MessageRenderer.Truncate(c.Name.Length == 0 ? c.Value : c.Name, ChoiceLimit), c.Value)));
            }
        }

        return new InteractionResponse(CallbackType.AutocompleteResult, new AutocompletePayload(choices));
    }
}
