using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MlMentorBot.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run, Testcontainers-style without Docker: Debian's binaries
/// (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, newest version) run <c>initdb</c> and <c>pg_ctl</c> in a temporary folder, on
/// a free loopback port, as the <c>postgres</c> user when the tests run as root (<c>initdb</c> refuses root). One cluster per
/// run (an xunit collection fixture, also usable as a class fixture); each test gets its own database from <see cref="CreateDatabaseAsync"/>. Stopped and
/// deleted at the end. Where the binaries are missing, <see cref="SkipIfUnavailable"/> skips with the install command, except
/// under <c>CI=true</c>, where it fails the test.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string Collection = "PostgreSQL cluster";

    /// <summary>What a developer runs to get the binaries (Debian and Ubuntu; the package starts no server by itself).</summary>
    public const string InstallCommand = "sudo apt-get update && sudo apt-get install -y postgresql";

    private string? _folder;
    private string? _bin;
    private int _port;

    /// <summary>Why PostgreSQL cases cannot run here, or null when the cluster is up.</summary>
    public string? Problem { get; private set; }

    /// <summary>The superuser connection string of the cluster's <c>postgres</c> database.</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = "postgres",
        Pooling = false,
    }.ToString();

    // One server for the whole run, shared by the collection fixture and by classes that must sit in another collection
    // (the moderation hosts) and take this as a class fixture: started by the first user, stopped by the last.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresCluster? _server;
    private static int _users;

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_users++ == 0)
            {
                _server = new PostgresCluster();
                await _server.StartAsync();
            }

            (_folder, _bin, _port, Problem) = (_server!._folder, _server._bin, _server._port, _server.Problem);
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0)
            {
                await _server!.StopAsync();
                _server = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task StartAsync()
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            Problem = $"PostgreSQL's binaries are not installed (no /usr/lib/postgresql/<version>/bin/initdb); install them with: {InstallCommand}";
            return;
        }

        var folder = Directory.CreateTempSubdirectory("mlmentorbot-pg-").FullName;
        _folder = folder;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        _port = FreePort();
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        // fsync and friends off: a test cluster trades durability for speed; the socket goes to our folder, not /var/run.
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
        [
            "-D", Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-p {_port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
        ], asRoot);
    }

    private async Task StopAsync()
    {
        if (_folder is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Skips the calling test with the install command, or under <c>CI=true</c> fails it, when the cluster is not up.</summary>
    public void SkipIfUnavailable()
    {
        if (Problem is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true and PostgreSQL cases cannot run: {Problem}");
        }

        Skip.If(true, Problem);
    }

    /// <summary>Creates an empty database owned by the superuser and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        SkipIfUnavailable();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>Synchronous <see cref="CreateDatabaseAsync"/> for test constructors.</summary>
    public string CreateDatabase() => CreateDatabaseAsync().GetAwaiter().GetResult();

    private string Data => Path.Combine(_folder!, "data");

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var arg in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }
}

/// <summary>One cluster for every test class that names <see cref="PostgresCluster.Collection"/>.</summary>
[CollectionDefinition(PostgresCluster.Collection)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresCluster>;
