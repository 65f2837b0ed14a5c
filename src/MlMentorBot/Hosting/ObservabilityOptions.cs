using Microsoft.Extensions.Options;

namespace MlMentorBot.Hosting;

/// <summary>
/// The <c>Observability</c> configuration section: where the Prometheus scrape endpoint listens. Traces and metrics also go
/// to an OpenTelemetry collector when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set (docs/operations.md).
/// </summary>
public sealed class ObservabilityOptions
{
    /// <summary>Configuration section bound to these options.</summary>
    public const string SectionName = "Observability";

    /// <summary>
    /// Semicolon-separated URLs of the management listener, in Kestrel's <c>urls</c> syntax, each with an explicit port that
    /// the public URLs do not use: <c>http://127.0.0.1:9464</c> (this host only) or <c>http://+:9464</c> (every interface,
    /// for a Prometheus in another container). <c>GET /metrics</c> (Prometheus text format) and <c>GET /health</c> answer
    /// there and nothing else does. Unset (the default): no management listener, and <c>/metrics</c> is served nowhere; the
    /// public port never serves it, so a reverse proxy in front of the bot cannot expose it by accident.
    /// </summary>
    public string? ManagementUrls { get; set; }

    /// <summary>The management URLs split and parsed; throws <see cref="FormatException"/> for one Kestrel would not accept.</summary>
    internal IReadOnlyList<BindingAddress> ParseManagementUrls() =>
        (ManagementUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(BindingAddress.Parse)
            .ToList();
}

/// <summary>Start-up validation: every management URL parses, names an http(s) scheme and a fixed port.</summary>
internal sealed class ObservabilityOptionsValidator : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
    {
        var failures = new List<string>();
        foreach (var url in (options.ManagementUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                failures.Add($"Observability:ManagementUrls: '{url}' is not a URL Kestrel can listen on (for example http://127.0.0.1:9464).");
                continue;
            }

            if (address.IsUnixPipe || address.IsNamedPipe || address.Port <= 0 || address.Scheme is not ("http" or "https")
                || !url.Contains($":{address.Port}", StringComparison.Ordinal))
            {
                failures.Add($"Observability:ManagementUrls: '{url}' needs http(s) and an explicit, fixed port (for example http://127.0.0.1:9464).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
