using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace MlMentorBot.Cli;

// The PostgreSQL side of the copy: its tables in foreign-key order, their column types, and each SQLite value converted to them.
internal static partial class StorageMigrateVerb
{
    /// <summary>SQLite's stored value (long, double, string or byte[]) as the .NET type Npgsql writes for the PostgreSQL column.</summary>
    private static object Convert(string table, PgColumn column, object value)
    {
        try
        {
            return column.Type switch
            {
                NpgsqlDbType.TimestampTz => value switch
                {
                    string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).UtcDateTime,
                    _ => throw new FormatException("not ISO 8601 text"),
                },
                NpgsqlDbType.Boolean => value switch
                {
                    long flag => flag != 0,
                    string text => text is "1" or "true" or "TRUE",
                    _ => throw new FormatException("not 0 or 1"),
                },
                NpgsqlDbType.Bigint => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
                NpgsqlDbType.Integer => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
                NpgsqlDbType.Smallint => System.Convert.ToInt16(value, CultureInfo.InvariantCulture),
                NpgsqlDbType.Double => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
                NpgsqlDbType.Real => System.Convert.ToSingle(value, CultureInfo.InvariantCulture),
                NpgsqlDbType.Numeric => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                NpgsqlDbType.Bytea => value as byte[] ?? throw new FormatException("not a blob"),
                NpgsqlDbType.Date => DateOnly.Parse((string)value, CultureInfo.InvariantCulture),
                _ => value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            throw new MigrateException($"{table}.{column.Name}: the SQLite value '{value}' cannot be stored as PostgreSQL {column.Type} ({ex.Message}). Nothing was copied.");
        }
    }

    /// <summary>The public schema's tables (without <c>schema_migrations</c>), parents before the tables whose foreign keys point at them.</summary>
    private static async Task<IReadOnlyList<PgTable>> TablesInDependencyOrderAsync(NpgsqlConnection pg)
    {
        var columns = (await pg.QueryAsync<(string Table, string Column, string Type, bool IsIdentity)>("""
            SELECT table_name, column_name, udt_name, is_identity = 'YES'
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
              AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
            ORDER BY table_name, ordinal_position
            """)).ToList();
        var edges = (await pg.QueryAsync<(string Child, string Parent)>("""
            SELECT c.conrelid::regclass::text, c.confrelid::regclass::text
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND c.conrelid <> c.confrelid
            """)).ToList();
        var tables = columns.GroupBy(c => c.Table).ToDictionary(g => g.Key, g => new PgTable(g.Key,
            g.Select(c => new PgColumn(c.Column, TypeOf(g.Key, c.Column, c.Type), c.IsIdentity)).ToList()));

        var ordered = new List<PgTable>();
        var done = new HashSet<string>();
        void Visit(string name, HashSet<string> path)
        {
            if (done.Contains(name) || !path.Add(name))
            {
                return;
            }

            foreach (var parent in edges.Where(e => e.Child.Trim('"') == name).Select(e => e.Parent.Trim('"')).Order(StringComparer.Ordinal))
            {
                Visit(parent, path);
            }

            done.Add(name);
            ordered.Add(tables[name]);
        }

        foreach (var name in tables.Keys.Order(StringComparer.Ordinal))
        {
            Visit(name, []);
        }

        return ordered;
    }

    private static NpgsqlDbType TypeOf(string table, string column, string udt) => udt switch
    {
        "timestamptz" => NpgsqlDbType.TimestampTz,
        "bool" => NpgsqlDbType.Boolean,
        "int8" => NpgsqlDbType.Bigint,
        "int4" => NpgsqlDbType.Integer,
        "int2" => NpgsqlDbType.Smallint,
        "float8" => NpgsqlDbType.Double,
        "float4" => NpgsqlDbType.Real,
        "numeric" => NpgsqlDbType.Numeric,
        "bytea" => NpgsqlDbType.Bytea,
        "date" => NpgsqlDbType.Date,
        "text" => NpgsqlDbType.Text,
        "varchar" => NpgsqlDbType.Varchar,
        "jsonb" => NpgsqlDbType.Jsonb,
        _ => throw new MigrateException($"{table}.{column} has PostgreSQL type {udt}, which storage migrate does not convert yet. Nothing was copied."),
    };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record PgTable(string Name, IReadOnlyList<PgColumn> Columns);

    private sealed record PgColumn(string Name, NpgsqlDbType Type, bool IsIdentity);
}
