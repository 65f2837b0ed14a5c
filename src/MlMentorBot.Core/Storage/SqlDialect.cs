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
}
