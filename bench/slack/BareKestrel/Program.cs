// POST /slack/commands answers 200 with the bytes of the file named by BODY_FILE (compare.sh passes the JSON our host
// returned for the same signed /roadmap), as application/json with a Content-Length. No signature check, no form parsing:
// what is left is what any ASP.NET Core endpoint pays, the ceiling our Slack endpoint is measured against.
var json = await File.ReadAllBytesAsync(Environment.GetEnvironmentVariable("BODY_FILE") ?? throw new InvalidOperationException("Set BODY_FILE."));
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPost("/slack/commands", (HttpContext http) =>
{
    http.Response.ContentType = "application/json; charset=utf-8";
    http.Response.ContentLength = json.Length;
    return http.Response.Body.WriteAsync(json).AsTask();
});
await app.RunAsync();
