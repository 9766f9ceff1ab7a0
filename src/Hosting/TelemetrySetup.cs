using CaseGrains.Grains.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace CaseGrains.Hosting;

/// <summary>
/// The platform's metrics through OpenTelemetry: ours (<see cref="SchedulingMetrics.MeterName"/>: reminder lateness and
/// deliveries) and Orleans'. The gateway serves them for Prometheus at <c>/metrics</c>; a separate silo serves them on
/// its own port when <c>Telemetry:PrometheusPort</c> is set, since it has no HTTP server otherwise.
/// </summary>
public static class TelemetrySetup
{
    public const string OrleansMeterName = "Microsoft.Orleans";

    public static IServiceCollection AddCaseGrainsMetrics(this IServiceCollection services, Action<MeterProviderBuilder> export)
    {
        ArgumentNullException.ThrowIfNull(export);
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(SchedulingMetrics.MeterName, OrleansMeterName);
            export(metrics);
        });
        return services;
    }

    /// <summary>For a silo process: a Prometheus listener on <c>Telemetry:PrometheusPort</c> (at
    /// <c>Telemetry:PrometheusHost</c>, localhost unless set), or no export when the port is unset.</summary>
    public static IServiceCollection AddCaseGrainsSiloMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var port = configuration.GetValue<int?>("Telemetry:PrometheusPort");
        return port is null
            ? services
            : services.AddCaseGrainsMetrics(metrics => metrics.AddPrometheusHttpListener(o => (o.Host, o.Port) = (configuration["Telemetry:PrometheusHost"] ?? "localhost", port.Value)));
    }
}
