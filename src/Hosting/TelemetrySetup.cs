using CaseGrains.Grains.Cases;
using CaseGrains.Grains.Scheduling;
using CaseGrains.Grains.Supervision;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CaseGrains.Hosting;

/// <summary>
/// The platform's telemetry through OpenTelemetry (section <c>Telemetry</c>, see <see cref="TelemetryOptions"/>).
/// Metrics: ours (<see cref="CaseMetrics.MeterName"/>: actions; <see cref="SchedulingMetrics.MeterName"/>: reminder
/// lateness and deliveries; <see cref="NoticeMetrics.MeterName"/>: notices raised), Orleans' and Npgsql's. Traces, when
/// an exporter is configured: the gateway's requests (ASP.NET Core), the grain calls they make (Orleans' activity
/// propagation carries the trace context from client to silo and between grains) and the SQL those grains run
/// (Npgsql), one trace from the HTTP request to the database. The gateway serves the metrics for Prometheus at
/// <c>/metrics</c>; a silo on its own port when <c>Telemetry:PrometheusPort</c> is set.
/// </summary>
public static class TelemetrySetup
{
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>The sources of Orleans' spans: its runtime's and the application's grain calls.</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Metrics and, when exported, traces for a process named <paramref name="serviceName"/>; the caller adds
    /// its own exporters and instrumentation (the gateway its Prometheus endpoint and ASP.NET Core).</summary>
    public static IServiceCollection AddCaseGrainsTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<MeterProviderBuilder>? metrics = null,
        Action<TracerProviderBuilder>? traces = null)
    {
        var options = TelemetryOptions.Read(configuration);
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(serviceName));
        telemetry.WithMetrics(builder =>
        {
            builder.AddMeter(CaseMetrics.MeterName, SchedulingMetrics.MeterName, NoticeMetrics.MeterName, OrleansMeterName, "Npgsql", "System.Runtime");
            metrics?.Invoke(builder);
            if (options.OtlpEndpoint is { } endpoint)
            {
                builder.AddOtlpExporter(o => Configure(o, endpoint, options));
            }

            if (options.Console)
            {
                builder.AddConsoleExporter();
            }
        });
        if (options.Traces)
        {
            telemetry.WithTracing(builder =>
            {
                builder.AddSource(OrleansActivitySources).AddNpgsql();
                traces?.Invoke(builder);
                if (options.OtlpEndpoint is { } endpoint)
                {
                    builder.AddOtlpExporter(o => Configure(o, endpoint, options));
                }

                if (options.Console)
                {
                    builder.AddConsoleExporter();
                }
            });
        }

        return services;
    }

    /// <summary>For a silo process: everything above, plus a Prometheus listener when <c>Telemetry:PrometheusPort</c> is set.</summary>
    public static IServiceCollection AddCaseGrainsSiloTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = TelemetryOptions.Read(configuration);
        return services.AddCaseGrainsTelemetry(configuration, "casegrains-silo", metrics =>
        {
            if (options.PrometheusPort is { } port)
            {
                metrics.AddPrometheusHttpListener(o => (o.Host, o.Port) = (options.PrometheusHost, port));
            }
        });
    }

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, TelemetryOptions options)
    {
        exporter.Endpoint = endpoint;
        exporter.Protocol = options.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
    }
}
