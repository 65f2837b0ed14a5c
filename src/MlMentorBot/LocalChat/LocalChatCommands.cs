using System.Globalization;
using System.Text.RegularExpressions;
using MlMentorBot.Core.CheckIns;

namespace MlMentorBot.LocalChat;

/// <summary>
/// Commands that exist only in the local chat (not in the catalog, so never registered on Discord or Slack):
/// <list type="bullet">
/// <item><c>/clock</c> shows the chat's time; <c>/clock advance 2d</c> (also <c>36h</c>, <c>90m</c>) or
/// <c>/clock set 2026-11-25T08:00Z</c> moves it forward and then runs whatever check-in post fell due.</item>
/// <item><c>/as NAME /command …</c> runs one command as another member, so one chat can play a whole study group.</item>
/// </list>
/// </summary>
public sealed partial class LocalChatCommands(LocalClock clock, CheckInScheduler scheduler)
{
    /// <summary>When <paramref name="line"/> is <c>/as NAME rest</c>, returns the name and the rest.</summary>
    public static (string User, string Line)? SplitAs(string line)
    {
        var match = AsPrefix().Match(line);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value.Trim()) : null;
    }

    /// <summary>Handles <c>/clock …</c>; returns the text to print, or null when <paramref name="line"/> is not a clock command.</summary>
    public async Task<string?> TryClockAsync(string line, CancellationToken cancellationToken)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts[0] != "/clock")
        {
            return null;
        }

        switch (parts.Length > 1 ? parts[1] : "")
        {
            case "":
                return $"Local chat time: {Describe()}";
            case "advance" when parts.Length == 3 && TryParseDuration(parts[2], out var delta):
                clock.Advance(delta);
                break;
            case "set" when parts.Length == 3 && DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant):
                if (!clock.TrySet(instant))
                {
                    return $"! The clock only moves forward; it is {Describe()}.";
                }

                break;
            default:
                return "! Usage: /clock | /clock advance 2d (or 36h, 90m) | /clock set 2026-11-25T08:00Z";
        }

        // Post whatever fell due now rather than on the scheduler's next tick, so the chat reads in order.
        await scheduler.RunDueAsync(cancellationToken);
        return $"Local chat time is now {Describe()}";
    }

    private string Describe() => clock.GetUtcNow().ToString("ddd yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var match = Duration().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        duration = match.Groups[2].Value switch
        {
            "w" => TimeSpan.FromDays(7 * n),
            "d" => TimeSpan.FromDays(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromMinutes(n),
        };
        return true;
    }

    [GeneratedRegex(@"^/as\s+(\S+)\s+(/.*)$")]
    private static partial Regex AsPrefix();

    [GeneratedRegex(@"^(\d{1,5})([wdhm])$")]
    private static partial Regex Duration();
}
