using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MlMentorBot.Core.Storage;

/// <summary>The values <see cref="StorageOptions.Provider"/> accepts.</summary>
public static class StorageProviders
{
    /// <summary>One SQLite file (the default; one bot process).</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>A PostgreSQL server (several replicas; issue #11).</summary>
    public const string Postgres = "Postgres";
}

/// <summary>
/// Start-up validation of <c>Storage</c>: a known provider, and for PostgreSQL a connection string Npgsql can parse that names
/// a host. Failures name the setting and never repeat the connection string (it holds a password).
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var provider = options.Provider?.Trim() ?? "";
        if (!provider.Equals(StorageProviders.Sqlite, StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider '{provider}' is not supported; use {StorageProviders.Sqlite} (default, Storage:DatabasePath) or {StorageProviders.Postgres} (Storage:ConnectionString).");
        }

        if (!options.IsPostgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Storage:ConnectionString is required when Storage:Provider is Postgres (e.g. Host=db;Database=mlmentorbot;Username=bot;Password=…).");
        }

        return ValidatePostgres(options.ConnectionString);
    }

    // Its own method, not inlined: compiling a method loads the assemblies of the types it names, and a SQLite host has no
    // use for Npgsql's pages in its RSS (issue 10, docs/operations.md "Memory").
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ValidateOptionsResult ValidatePostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                return ValidateOptionsResult.Fail("Storage:ConnectionString must name the PostgreSQL server with Host=….");
            }
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the keyword ("Keyword not supported: 'hots'"), not the value.
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
