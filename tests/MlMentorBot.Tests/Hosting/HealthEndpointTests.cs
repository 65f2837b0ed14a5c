using System.Net;
using System.Text.Json;

namespace MlMentorBot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_reports_loaded_knowledge_and_a_reachable_database()
    {
        using var factory = new BotFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("knowledge").GetProperty("loaded").GetBoolean());
        Assert.True(body.RootElement.GetProperty("knowledge").GetProperty("entries").GetInt32() > 20);
        Assert.True(body.RootElement.GetProperty("database").GetProperty("reachable").GetBoolean());
    }
}
