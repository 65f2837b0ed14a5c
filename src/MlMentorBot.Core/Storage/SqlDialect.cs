namespace MlMentorBot.Core.Storage;

/// <summary>
/// The SQL a provider writes differently. Stores write SQL that SQLite and PostgreSQL both accept (<c>ON CONFLICT</c>,
/// <c>RETURNING</c>, columns qualified by their table in <c>DO UPDATE</c>) and take only these pieces from here.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Provider name for logs and errors, e.g. <c>SQLite</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Joins <paramref name="expression"/> over a group with commas (SQLite <c>group_concat</c>, PostgreSQL <c>string_agg</c>).</summary>
    public abstract string CommaList(string expression);

    /// <summary>1-based position of <paramref name="needle"/> in <paramref name="haystack"/>, 0 when absent (<c>instr</c> / <c>strpos</c>).</summary>
    public abstract string Position(string haystack, string needle);

    /// <summary>
    /// <paramref name="table"/> in a <c>FROM</c> clause, with a hint to read it through <paramref name="index"/> where the
    /// provider takes one (SQLite's <c>INDEXED BY</c>); elsewhere just the table.
    /// </summary>
    public abstract string TableUsingIndex(string table, string index);

    /// <summary>
    /// A join clause that fetches, for each row so far, the one row of <paramref name="table"/> (as <paramref name="alias"/>,
    /// exposing <paramref name="columns"/>) whose primary key <paramref name="key"/> equals <paramref name="outerKey"/>, by an
    /// index lookup per row whatever the planner estimates. SQLite plans a primary-key join that way already; PostgreSQL's
    /// planner, costing random reads as if from disk, scans and hashes a 100 000-row <c>members</c> table to join 500
    /// rows (30 ms instead of 1 ms in the 500-member digest), so there it is a <c>LATERAL</c> subquery with <c>LIMIT 1</c>,
    /// which the planner cannot flatten into a plain join
    /// (https://www.postgresql.org/docs/current/queries-table-expressions.html#QUERIES-LATERAL).
    /// </summary>
    public abstract string JoinByKey(string table, string alias, string key, string outerKey, string columns);
}

/// <summary>SQLite 3.53 (https://www.sqlite.org/lang.html).</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override string Name => "SQLite";

    public override string CommaList(string expression) => $"group_concat({expression})";

    public override string Position(string haystack, string needle) => $"instr({haystack}, {needle})";

    // https://www.sqlite.org/lang_indexedby.html: the planner otherwise may pick the wider (group, week, member) key.
    public override string TableUsingIndex(string table, string index) => $"{table} INDEXED BY {index}";

    public override string JoinByKey(string table, string alias, string key, string outerKey, string columns) =>
        $"JOIN {table} {alias} ON {alias}.{key} = {outerKey}";
}
