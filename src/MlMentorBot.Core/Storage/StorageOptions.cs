using System.ComponentModel.DataAnnotations;

namespace MlMentorBot.Core.Storage;

/// <summary>Configuration section <c>Storage</c>; checked at start by <see cref="StorageOptionsValidator"/>.</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// Which database keeps the bot's state: <c>Sqlite</c> (default; one file at <see cref="DatabasePath"/>, one process) or
    /// <c>Postgres</c> (the server at <see cref="ConnectionString"/>; several replicas may share it). Case-insensitive.
    /// </summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>
    /// Npgsql connection string when <see cref="Provider"/> is <c>Postgres</c>, e.g.
    /// <c>Host=db;Port=5432;Database=mlmentorbot;Username=bot;Password=…</c>
    /// (https://www.npgsql.org/doc/connection-string-parameters.html). Its password is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether <see cref="Provider"/> selects PostgreSQL.</summary>
    public bool IsPostgres => string.Equals(Provider?.Trim(), StorageProviders.Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>SQLite file; relative paths are resolved against the content root; the folder is created. Default <c>data/mlmentorbot.db</c>.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/mlmentorbot.db";

    /// <summary>How long a writer waits for a lock before failing (SQLite <c>busy_timeout</c>), in seconds, 1–120. Default 5.</summary>
    [Range(1, 120)]
    public int BusyTimeoutSeconds { get; set; } = 5;
}
