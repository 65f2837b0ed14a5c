using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlMentorBot.Core;
using MlMentorBot.Core.Storage;
using MlMentorBot.Discord.Gateway;
using MlMentorBot.Tests.Hosting;

namespace MlMentorBot.Tests.Discord;

/// <summary>
/// The database behind the Gateway's identify lock: a real SQLite file in a temporary folder, migrated with the lock's
/// migration. Each call opens its own <see cref="SqliteDatabase"/>, sharing nothing in memory, as a second replica would.
/// </summary>
internal static class GatewayTestDatabase
{
    public static SqliteDatabase Create(TempDir temp) =>
        new(Options.Create(new StorageOptions { DatabasePath = temp.File("bot.db") }), new ContentRoot(temp.Path), [IdentifyGate.Migration],
            NullLogger<SqliteDatabase>.Instance);
}
