using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Storage;

/// <summary>Choosing the storage provider: bad settings stop the real host with one line naming what to fix, exit 1.</summary>
public sealed class StorageOptionsTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_unknown_provider_is_refused_with_the_valid_names()
    {
        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path, "--Storage:Provider=Mongo"));

        Assert.Equal(1, exit);
        Assert.Contains("Configuration error: Storage:Provider 'Mongo' is not supported; use Sqlite (default, Storage:DatabasePath) or Postgres (Storage:ConnectionString).", errors);
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_says_so()
    {
        var (exit, _, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path, "--Storage:Provider=postgres"));

        Assert.Equal(1, exit);
        Assert.Contains("Configuration error: Storage:ConnectionString is required when Storage:Provider is Postgres", errors);
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public async Task An_unreachable_server_stops_start_up_without_showing_the_password()
    {
        var (exit, output, errors) = await HostProcess.RunAsync(_temp.Path, HostProcess.ServerArgs(_temp.Path,
            "--Storage:Provider=Postgres", "--Storage:ConnectionString=Host=127.0.0.1;Port=1;Database=bot;Username=bot;Password=hunter2-secret;Timeout=3"));

        Assert.Equal(1, exit);
        // The last line says what to fix (the host's own "Hosting failed to start" log above it carries the exception).
        Assert.StartsWith("Storage error: PostgreSQL 127.0.0.1:1/bot cannot be reached", errors.TrimEnd().Split('\n')[^1]);
        Assert.DoesNotContain("hunter2-secret", errors + output);
    }
}
