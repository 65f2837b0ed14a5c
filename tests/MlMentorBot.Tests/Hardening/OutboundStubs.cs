using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace MlMentorBot.Tests.Hardening;

/// <summary>
/// Stands in for every outbound HTTP call the host makes (Slack Web API, <c>response_url</c>s, Discord REST): records the
/// request and answers as the platform would for a success, so nothing a fuzzed body names is ever contacted.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public ConcurrentQueue<(HttpMethod Method, Uri Uri, string Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method, request.RequestUri!, body));
        var uri = request.RequestUri!;
        var json = uri.Host switch
        {
            "discord.test" when request.Method == HttpMethod.Post && uri.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal) =>
                """{"id":"1300000000000000999","channel_id":"1"}""",
            "discord.test" => "{}",
            _ when uri.AbsolutePath.EndsWith("/views.open", StringComparison.Ordinal) => """{"ok":true,"view":{"id":"V0001"}}""",
            _ when uri.AbsolutePath.EndsWith("/conversations.open", StringComparison.Ordinal) => """{"ok":true,"channel":{"id":"D0001"}}""",
            _ => """{"ok":true,"channel":"C1","ts":"1700000000.000100"}""",
        };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}

/// <summary>
/// Sees every request that reaches a real network handler in this process: .NET's socket handler reports each one on the
/// <c>HttpHandlerDiagnosticListener</c> source, which a stub handler (and the in-memory test server) never does. Only
/// meaningful while no other test runs, hence the fuzz test's own non-parallel collection.
/// </summary>
internal sealed class NetworkWatch : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public NetworkWatch() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>The URI of every request that went to a real socket handler.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key is "System.Net.Http.HttpRequestOut.Start" or "System.Net.Http.Request")
        {
            var request = value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) as HttpRequestMessage;
            Requests.Enqueue(value.Key + " " + request?.RequestUri);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
