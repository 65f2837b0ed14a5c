namespace MlMentorBot.Cli;

/// <summary>
/// One-shot command-line verbs. Each returns a process exit code; <c>null</c> means "not a verb, start the host".
/// <list type="bullet">
/// <item><c>knowledge validate [DIR] [--format text|json]</c>: 0 clean (warnings allowed), 1 errors, 2 usage.</item>
/// <item><c>slack manifest [--http BASE_URL]</c>: prints the Slack app manifest.</item>
/// <item><c>discord register-commands [--guild ID] [--dry-run]</c>: registers application commands.</item>
/// <item><c>storage migrate --from sqlite:PATH --to postgres:CONNECTION [--force]</c>: copies a SQLite database into PostgreSQL.</item>
/// </list>
/// </summary>
internal static class CliVerbs
{
    public static async Task<int?> TryRunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 2)
        {
            return null;
        }

        return (args[0], args[1]) switch
        {
            ("knowledge", "validate") => await KnowledgeValidateVerb.RunAsync(args[2..], Console.Out, cancellationToken),
            ("discord", "register-commands") => await Discord.Registration.RegisterCommandsVerb.RunAsync(args[2..], Console.Out, cancellationToken),
            ("storage", "migrate") => await StorageMigrateVerb.RunAsync(args[2..], Console.Out, cancellationToken),
            ("slack", "manifest") => MlMentorBot.Slack.Manifest.SlackManifest.Run(args[2..], Console.Out, Console.Error),
            _ => null,
        };
    }
}
