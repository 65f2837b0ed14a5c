using System.Collections.Concurrent;
using System.Text;
using MlMentorBot.Core.Replies;

namespace MlMentorBot.Core.Commands;

/// <summary><c>/help [command]</c>: built from <see cref="CommandCatalog"/>, so it never drifts from what is registered.</summary>
internal sealed class HelpHandler : ICommandHandler
{
    public string CommandName => "help";

    public Task<BotReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var visible = CommandCatalog.All.Where(c => !c.IsModeratorOnly || request.IsModerator).ToList();
        if (request.Option("command") is { } typed)
        {
            var command = CommandCatalog.Find(typed);
            if (command is null || !visible.Contains(command))
            {
                var near = CloseMatches.Find(typed.TrimStart('/'), visible.Select(c => c.Name));
                return Task.FromResult(BotReply.Problem("Unknown command",
                    $"There is no `/{typed.TrimStart('/')}`." + CloseMatches.DidYouMean(near.Select(n => "/" + n)) +
                    $"\n\nCommands: {string.Join(", ", visible.Select(c => $"`/{c.Name}`"))}.",
                    near.Select(n => new SuggestedAction($"/help {n}", $"/help {n}")).ToList()));
            }

            return Task.FromResult(PerCommand.GetOrAdd(command.Name, static (_, c) => ForCommand(c) with { IsReused = true }, command));
        }

        var overview = request.IsModerator ? ModeratorOverview : MemberOverview;
        return Task.FromResult(overview.Value);
    }

    /// <summary>
    /// The catalog is fixed when the bot is built, so each answer is built once per handler and reused
    /// (<see cref="BotReply.IsReused"/>). Per handler rather than per process: a test that adds a topic gets its own.
    /// </summary>
    private readonly Lazy<BotReply> MemberOverview = new(() => Overview(CommandCatalog.All.Where(c => !c.IsModeratorOnly).ToList()));

    private readonly Lazy<BotReply> ModeratorOverview = new(() => Overview(CommandCatalog.All));

    private readonly ConcurrentDictionary<string, BotReply> PerCommand = new(StringComparer.Ordinal);

    /// <summary>The overview of <paramref name="visible"/>: what the bot does, every command with its description, where to start.</summary>
    internal static BotReply Overview(IReadOnlyList<CommandDefinition> visible)
    {
        var lines = visible.Select(c => $"- `/{c.Name}` — {c.Description}");
        return new BotReply
        {
            Title = "MlMentorBot — your guide to becoming an ML engineer",
            Sections =
            [
                new ReplySection(null, "Ask me about the role, the roadmap, salaries, skills and where to learn, and track your own progress step by step. " +
                    "Every answer comes from knowledge files that moderators keep, and names the articles its facts come from under Sources; " +
                    "its Helpful / Not helpful buttons tell the moderators what to fix."),
                new ReplySection("Commands", string.Join("\n", lines)),
                new ReplySection("Start here", "`/roadmap` shows the path with your progress; `/progress mark <step id> done` ticks a step off."),
            ],
            IsPrivate = true,
            Actions = [new SuggestedAction("Roadmap", "/roadmap", ActionStyle.Primary), new SuggestedAction("My progress", "/progress show"), new SuggestedAction("Salaries", "/salary")],
            IsReused = true,
        };
    }

    /// <summary>One command's help: its description and usage, its subcommands or options, and its examples as buttons.</summary>
    internal static BotReply ForCommand(CommandDefinition command)
    {
        var sb = new StringBuilder(command.Description).Append(".\n\n```\n").Append(CommandUsage.Format(command)).Append("\n```");
        var options = command.Subcommands.Count > 0
            ? command.Subcommands.Select(s => $"- `{s.Name}` — {s.Description}" +
                string.Concat(s.Options.Select(o => $"\n  - `{o.Name}`{(o.IsRequired ? "" : " (optional)")}: {o.Description}")))
            : command.Options.Select(o => $"- `{o.Name}`{(o.IsRequired ? "" : " (optional)")}: {o.Description}");
        var sections = new List<ReplySection> { new(null, sb.ToString()) };
        var optionText = string.Join("\n", options);
        if (optionText.Length > 0)
        {
            sections.Add(new ReplySection(command.Subcommands.Count > 0 ? "Subcommands" : "Options", optionText));
        }

        if (command.Examples.Count > 0)
        {
            sections.Add(new ReplySection("Examples", string.Join("\n", command.Examples.Select(e => $"`{e}`"))));
        }

        return new BotReply
        {
            Title = $"/{command.Name}",
            Sections = sections,
            IsPrivate = true,
            Actions = command.Examples.Take(3).Select(e => new SuggestedAction(e.Length > 40 ? e[..39] + "…" : e, e)).ToList(),
        };
    }
}
