using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using MlMentorBot.Core.Knowledge;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Hosting;

/// <summary>
/// A start-up fault the operator fixes in configuration or on the machine (a database path that cannot be used, a URL Kestrel
/// cannot listen on). <see cref="Exception.Message"/> is the one line printed before the process exits with code 1.
/// </summary>
internal sealed class StartupFaultException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Turns the exceptions that stop start-up because of the operator's settings or machine into the message printed on standard
/// error (issue #13 item 10): one line saying what to fix, or the list of every invalid setting, never a stack trace.
/// </summary>
internal static partial class StartupFaults
{
    /// <summary>
    /// The message for <paramref name="exception"/>, or <c>null</c> when it is not an operator's fault: a defect in the bot
    /// then stays an unhandled exception with its stack trace.
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        StartupFaultException fault => fault.Message,
        KnowledgeLoadException knowledge => knowledge.Message, // "file:line: error: …", one per problem
        // The database cannot be reached, logged into or written at start-up (PostgreSQL down, wrong password); never the password.
        StorageUnavailableException storage => "Storage error: " + storage.Message,
        OptionsValidationException invalid => Configuration([.. invalid.Failures]),
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            Configuration([.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)]),
        AggregateException { InnerExceptions: [var single] } => Describe(single),
        InvalidOperationException binding when BindingFailure().Match(binding.Message) is { Success: true } match =>
            Configuration([Unconvertible(match.Groups["path"].Value, match.Groups["value"].Value, match.Groups["type"].Value)]),
        IOException { InnerException: AddressInUseException } bind =>
            $"{bind.Message} Another process is listening there: stop it, or choose another address with --urls (or Urls, ASPNETCORE_URLS).",
        IOException bind when bind.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal) =>
            $"{bind.Message} {bind.InnerException?.Message}".TrimEnd(),
        _ => null,
    };

    /// <summary>
    /// Checks the addresses Kestrel will listen on (<c>urls</c>: <c>--urls</c>, <c>Urls</c>, <c>ASPNETCORE_URLS</c>) before the
    /// host is built: Kestrel would otherwise fail deep inside start-up with "Specified argument was out of the range".
    /// </summary>
    /// <exception cref="StartupFaultException">An address is not a URL or its port is outside 0–65535.</exception>
    public static void CheckUrls(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Parse alone takes "http://127.0.0.1:5080  (prose)" as port 80 on every interface.
            BindingAddress? address = null;
            try
            {
                address = url.Any(char.IsWhiteSpace) ? null : BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
            }

            if (address is null)
            {
                throw new StartupFaultException($"Configuration error: Urls has '{Shorten(url)}', which is not an address to listen on; use e.g. http://127.0.0.1:5080 (several separated by ';').");
            }

            if (!address.IsUnixPipe && !address.IsNamedPipe && address.Port is < 0 or > 65535)
            {
                throw new StartupFaultException($"Configuration error: Urls has '{url}', whose port {address.Port} is outside 0–65535 (0 picks a free port).");
            }
        }
    }

    private static string Configuration(IReadOnlyList<string> failures) => failures.Count == 1
        ? "Configuration error: " + failures[0]
        : "Configuration error:\n" + string.Join("\n", failures.Select(f => "- " + f));

    private static string Unconvertible(string path, string value, string typeName)
    {
        var type = Type.GetType(typeName)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        var expected = type switch
        {
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) => "a number",
            _ when type == typeof(TimeSpan) => "a duration as hh:mm:ss, e.g. 00:00:02.500",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO 8601 instant, e.g. 2026-11-23T07:55Z",
            _ when type == typeof(Uri) => "an absolute URL",
            _ => "a " + (type?.Name ?? typeName),
        };
        return $"{path} is '{Shorten(value)}', which is not {expected}.";
    }

    // The message shows what the operator typed; a long value is most likely prose pasted from a placeholder, cut to keep one
    // readable line.
    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "…";

    // ConfigurationBinder's message for a value it cannot convert ("Failed to convert configuration value 'Htp' at 'Slack:Mode'
    // to type 'MlMentorBot.Slack.SlackMode'."); the type is resolved to list an enum's names.
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'\.", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();
}
