using System.Text.Json.Nodes;

namespace MlMentorBot.Tests.Slack;

/// <summary>Checks a message against Slack's Block Kit limits (shared/reference/slack-api.md §f), independently of the renderer's constants.</summary>
internal static class BlockKitLimits
{
    public static void AssertWithin(JsonObject message, string because)
    {
        var blocks = message["blocks"]!.AsArray();
        Assert.True(blocks.Count is >= 1 and <= 50, $"{because}: {blocks.Count} blocks");
        Assert.True(message["text"]!.GetValue<string>().Length <= 4000, $"{because}: fallback text too long");
        foreach (var block in blocks)
        {
            switch (block!["type"]!.GetValue<string>())
            {
                case "header":
                    Assert.True(block["text"]!["text"]!.GetValue<string>().Length is >= 1 and <= 150, $"{because}: header");
                    break;
                case "section":
                    if (block["text"] is { } text)
                    {
                        Assert.True(text["text"]!.GetValue<string>().Length is >= 1 and <= 3000, $"{because}: section text");
                    }

                    if (block["fields"] is JsonArray fields)
                    {
                        Assert.True(fields.Count <= 10, $"{because}: fields");
                        Assert.All(fields, f => Assert.True(f!["text"]!.GetValue<string>().Length <= 2000, $"{because}: field"));
                    }

                    break;
                case "context":
                    Assert.True(block["elements"]!.AsArray().Count <= 10, $"{because}: context elements");
                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    Assert.True(elements.Count <= 25, $"{because}: actions");
                    Assert.All(elements, e =>
                    {
                        Assert.True(e!["text"]!["text"]!.GetValue<string>().Length <= 75, $"{because}: button text");
                        Assert.True(e["action_id"]!.GetValue<string>().Length <= 255, $"{because}: action_id");
                        Assert.True(e["value"]!.GetValue<string>().Length <= 2000, $"{because}: value");
                    });
                    var ids = elements.Select(e => e!["action_id"]!.GetValue<string>()).ToList();
                    Assert.Equal(ids.Count, ids.Distinct().Count());
                    break;
            }
        }
    }
}
