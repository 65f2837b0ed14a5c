namespace MlMentorBot.Core.Storage;

/// <summary>PostgreSQL 13 and later (https://www.postgresql.org/docs/current/functions.html).</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    public override string Name => "PostgreSQL";

    public override string CommaList(string expression) => $"string_agg({expression}, ',')";

    // Case-insensitive columns use the nondeterministic "nocase" collation, which refuses substring searches
    // ("nondeterministic collations are not supported for substring searches"); callers lower() both sides, so the
    // database's default collation gives the same answer.
    public override string Position(string haystack, string needle) => $"strpos(({haystack}) COLLATE \"default\", {needle})";

    // No index hints in PostgreSQL; its planner picks the (group, member, week) index on its own.
    public override string TableUsingIndex(string table, string index) => table;

    // LIMIT keeps the subquery from being pulled up into the outer join, so it stays an index lookup per outer row.
    public override string JoinByKey(string table, string alias, string key, string outerKey, string columns) =>
        $"CROSS JOIN LATERAL (SELECT {columns} FROM {table} WHERE {key} = {outerKey} LIMIT 1) {alias}";
}
