using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MlMentorBot.Core.Storage;

/// <summary>
/// How a <see cref="DateTimeOffset"/> goes into and comes out of either provider, so stores bind and read times the same way:
/// PostgreSQL gets a <c>timestamptz</c> at offset 0 (Npgsql refuses other offsets and ISO strings against
/// <c>timestamptz</c>, https://www.npgsql.org/doc/types/datetime.html); SQLite gets ISO 8601 UTC text with milliseconds
/// (<c>2024-05-06T07:08:09.123Z</c>), the fixed-width form its <c>TEXT</c> columns have always held, so text order is time order.
/// Reads accept either shape and return UTC.
/// </summary>
internal sealed class UtcTimestampHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static int _registered;

    /// <summary>Installs the handler for Dapper once per process (Dapper's type handlers are global).</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            // Dapper consults its built-in type map before handlers; without removing DateTimeOffset from it, SetValue is
            // never called and SQLite would get its own "yyyy-MM-dd HH:mm:ss+00:00" text, which sorts apart from stored rows.
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new UtcTimestampHandler());
        }
    }

    /// <summary>Text form kept in SQLite: UTC, milliseconds, fixed width.</summary>
    public static string ToSqliteText(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        if (parameter is not SqliteParameter && IsNpgsql(parameter))
        {
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value.ToUniversalTime();
        }
        else
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToSqliteText(value);
        }
    }

    // Its own method, not inlined: compiling SetValue would otherwise load Npgsql into every SQLite host, RSS it never uses
    // (issue 10, docs/operations.md "Memory"); a SQLite parameter never gets this far.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNpgsql(IDbDataParameter parameter) => parameter is NpgsqlParameter;

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset at => at.ToUniversalTime(),
        // Npgsql reads timestamptz as a DateTime of Kind Utc.
        DateTime at => new DateTimeOffset(at.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : at.ToUniversalTime()),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidCastException($"A {value.GetType().Name} from the database is not a timestamp."),
    };
}
