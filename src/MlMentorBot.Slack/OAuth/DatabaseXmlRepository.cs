using System.Globalization;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using MlMentorBot.Core.Storage;

namespace MlMentorBot.Slack.OAuth;

/// <summary>
/// Keeps ASP.NET Core Data Protection's key ring in the bot's database
/// (https://learn.microsoft.com/aspnet/core/security/data-protection/implementation/key-storage-providers), so every replica
/// encrypts and decrypts installation tokens with the same keys, and a key made by one is found by the others (Data Protection
/// reloads its ring when it meets an unknown key id). Keys are stored as Data Protection writes them; whoever can read the
/// database can read them, which docs/slack.md says.
/// </summary>
internal sealed class DatabaseXmlRepository(IDatabase database, TimeProvider time) : IXmlRepository
{
    /// <summary>Schema version 401 (Slack adapter range 400–499).</summary>
    // PostgreSQL keeps the same shape: created_at is fixed-width UTC text that only orders the ring.
    public static readonly SchemaMigration Migration = SchemaMigration.Portable(401, "data protection key ring", """
        CREATE TABLE data_protection_keys (
            friendly_name TEXT PRIMARY KEY,
            xml           TEXT NOT NULL,
            created_at    TEXT NOT NULL
        );
        """);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Data Protection's interface is synchronous; it reads the ring once and then about once a day.
        using var connection = database.Open();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name")
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName) =>
        // Called when a key is made (first use, then about every 90 days), never on a request's hot path after that.
        database.WriteAsync(write => write.ExecuteAsync("""
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now)
            ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml
            """, new
        {
            friendlyName,
            xml = element.ToString(SaveOptions.DisableFormatting),
            now = time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        }), CancellationToken.None).GetAwaiter().GetResult();
}
