using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MlMentorBot.Tests.Hosting;

/// <summary>
/// The built bot running as its own process on a free loopback port, for faults only a real process shows (file permissions,
/// SIGTERM and the exit code). As root, the process runs without the capabilities that let root ignore file modes
/// (<c>setpriv</c>), so a <c>chmod 444</c> means for it what it means for an operator's service user.
/// </summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _errors;

    private RunningHost(Process process, int port)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Client { get; }

    /// <summary>Starts the server with <see cref="HostProcess.ServerArgs"/> and waits until <c>/health</c> answers.</summary>
    public static async Task<RunningHost> StartAsync(string folder, params string[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(IsRoot && File.Exists("/usr/bin/setpriv") ? "/usr/bin/setpriv" : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        if (start.FileName != "dotnet")
        {
            start.ArgumentList.Add("--bounding-set=-dac_override,-dac_read_search,-fowner");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MlMentorBot.dll"));
        foreach (var arg in HostProcess.ServerArgs(folder, settings))
        {
            start.ArgumentList.Add(arg.StartsWith("--urls=", StringComparison.Ordinal) ? $"--urls=http://127.0.0.1:{port}" : arg);
        }

        var host = new RunningHost(Process.Start(start)!, port);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (host._process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {host._process.ExitCode}:\n{await host._errors}");
            }

            try
            {
                await host.Client.GetAsync("/health", deadline.Token);
                return host;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, deadline.Token); // polling for start-up, not proving an absence
            }
        }
    }

    /// <summary>Types a line into the local chat (when it is on) without closing standard input.</summary>
    public async Task TypeAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Sends SIGTERM (as systemd or Docker stop does) and returns the exit code and standard error.</summary>
    public async Task<(int ExitCode, string Errors)> TerminateAsync()
    {
        SendTerminate();
        return await WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM and returns at once.</summary>
    public void SendTerminate() =>
        Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    /// <summary>Waits (up to a minute) for the process to exit; returns the exit code and standard error.</summary>
    public async Task<(int ExitCode, string Errors)> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(deadline.Token);
        return (_process.ExitCode, await _errors);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
