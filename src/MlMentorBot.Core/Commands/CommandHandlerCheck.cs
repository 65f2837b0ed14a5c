using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MlMentorBot.Core.Commands;

/// <summary>
/// The start-up check that every command in <see cref="CommandCatalog.All"/> has exactly one <see cref="ICommandHandler"/>.
/// Without it a half-added command registers on Discord and Slack and then answers nothing. It runs with the options
/// validated on start (<c>ValidateOnStart</c>), so the host stops before serving with one line per command, e.g.
/// <c>/projects is in the command catalog but has no handler: …</c>. Holds no settings.
/// </summary>
internal sealed class CommandHandlerCheck
{
    /// <summary>One line per catalog command without a handler, or with more than one; empty when every command is bound.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<CommandDefinition> catalog, IEnumerable<ICommandHandler> handlers)
    {
        var bound = handlers.GroupBy(h => h.CommandName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        return catalog.Select(c => bound.GetValueOrDefault(c.Name) switch
            {
                0 => $"/{c.Name} is in the command catalog but has no handler: register an ICommandHandler for it in its area's Add… call, or declare it as a topic (docs/contributing.md)",
                1 => null,
                var n => $"/{c.Name} has {n} handlers; register exactly one",
            })
            .OfType<string>()
            .ToList();
    }

    /// <remarks>
    /// Resolves the handlers inside <see cref="Validate"/> rather than through its constructor: building them can read other
    /// options (a platform adapter's, through the services a handler needs), and when those are invalid their own validation must be
    /// what is reported, together with every other setting's, instead of this check failing first with a copy of one of them.
    /// </remarks>
    internal sealed class Validator(IServiceProvider services) : IValidateOptions<CommandHandlerCheck>
    {
        public ValidateOptionsResult Validate(string? name, CommandHandlerCheck options)
        {
            IEnumerable<ICommandHandler> handlers;
            try
            {
                handlers = services.GetServices<ICommandHandler>().ToList();
            }
            catch (OptionsValidationException)
            {
                return ValidateOptionsResult.Skip;
            }

            return Problems(CommandCatalog.All, handlers) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
        }
    }
}
