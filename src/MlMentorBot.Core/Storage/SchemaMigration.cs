namespace MlMentorBot.Core.Storage;

/// <summary>
/// One schema change. Versions are applied in ascending order, once, each in its own transaction, and recorded in
/// <c>schema_migrations</c>. Ranges by feature keep parallel work from colliding: 1–99 progress, 100–199 check-ins,
/// 200–299 knowledge moderation. <paramref name="Sql"/> is SQLite's script; <see cref="Postgres"/> is the same change for
/// PostgreSQL. A migration only expands the schema (new tables, nullable or defaulted columns, indexes) while the previous
/// release may still run beside it; dropping what that release reads waits for a later migration (expand, then contract).
/// </summary>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    /// <summary>
    /// PostgreSQL's script for this version: <c>timestamptz</c> for times, <c>boolean</c> for flags, <c>bigint</c> identity
    /// keys. Required when <see cref="StorageOptions.Provider"/> is <c>Postgres</c>; start-up names any migration without one.
    /// </summary>
    public string? Postgres { get; init; }

    /// <summary>
    /// A migration whose one script both SQLite and PostgreSQL run as written (lowercase <c>text</c>, <c>bigint</c> and
    /// plain indexes mean the same to both), so it is not written out twice.
    /// </summary>
    public static SchemaMigration Portable(int version, string name, string sql) => new(version, name, sql) { Postgres = sql };
}
