using System.Diagnostics;

namespace MlMentorBot.Tests.Hosting;

/// <summary>
/// Runs the built bot (<c>dotnet MlMentorBot.dll …</c>) as a separate process, the way an operator starts it: arguments,
/// optional standard input, and what it printed when it exited. Used where the in-process test host cannot show the real
/// behaviour, such as start-up failing with an exit code.
/// </summary>
internal static class HostProcess
{
    /// <summary>
    /// Starts the host in <paramref name="workingDirectory"/> with <paramref name="args"/>, writes <paramref name="input"/>
    /// (then closes standard input), and waits up to <paramref name="timeout"/> (default 60 s) for it to exit.
    /// <paramref name="environment"/> sets (or, with a null value, removes) environment variables of the process.
    /// </summary>
    /// <exception cref="TimeoutException">The process was still running at the deadline; it has been killed.</exception>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string workingDirectory, IEnumerable<string> args, string input = "", TimeSpan? timeout = null,
        IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MlMentorBot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host was still running after {timeout ?? TimeSpan.FromSeconds(60)}:\n{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>
    /// Arguments that start the host as a server on a free loopback port with the local chat off, the repository's knowledge
    /// and a database file in <paramref name="folder"/>, followed by <paramref name="settings"/> as <c>--Key=Value</c>.
    /// </summary>
    public static IEnumerable<string> ServerArgs(string folder, params string[] settings) =>
    [
        "--urls=http://127.0.0.1:0",
        "--LocalChat:Enabled=false",
        $"--Knowledge:Path={RepoPaths.Knowledge}",
        $"--Storage:DatabasePath={Path.Combine(folder, "bot.db")}",
        .. settings,
    ];
}
