using System.Data.Common;

namespace MlMentorBot.Core.Progress;

/// <summary>
/// Adds a feature's rows to a member's export. Implementations read their own tables for the member id
/// (the <c>members.id</c> their rows reference with <c>ON DELETE CASCADE</c>, which is how delete reaches them).
/// </summary>
internal interface IMemberDataExporter
{
    /// <summary>Name of the section in the export JSON, e.g. <c>checkins</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Every row this store holds about <paramref name="memberId"/> (the <c>members.id</c>), one dictionary of column name to
    /// value per row, read on <paramref name="connection"/> so the whole export sees one state of the database.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ExportAsync(DbConnection connection, long memberId, CancellationToken cancellationToken);
}
