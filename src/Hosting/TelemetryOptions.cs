using Microsoft.Extensions.Configuration;

namespace CaseGrains.Hosting;

/// <summary>Where telemetry goes (section <c>Telemetry</c>): an OTLP collector for metrics and traces, the console (off
/// unless asked for: it floods the log), and a silo's own Prometheus port.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP collector (e.g. <c>http://otel-collector:4317</c>); none when empty.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317, the default) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Writes metrics and spans to standard output, for a look during development.</summary>
    public bool Console { get; set; }

    /// <summary>A silo's Prometheus listener port (a gateway serves <c>/metrics</c> on its HTTP port instead).</summary>
    public int? PrometheusPort { get; set; }

    public string PrometheusHost { get; set; } = "localhost";

    /// <summary>Traces are collected only when something exports them.</summary>
    public bool Traces => OtlpEndpoint is not null || Console;

    public static TelemetryOptions Read(IConfiguration configuration)
    {
        var options = new TelemetryOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}
