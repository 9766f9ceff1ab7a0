using CaseGrains.Api.Health;
using CaseGrains.Api.Http;
using CaseGrains.Domain.Serialization;
using CaseGrains.Grains.Calendar;
using CaseGrains.Hosting;
using CaseGrains.Hosting.Webhooks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace CaseGrains.Api.Hosting;

public static partial class PlatformSetup
{
    /// <summary>Storage, the webhook dispatcher, and either a co-hosted silo or an Orleans client of the cluster.</summary>
    public static WebApplicationBuilder AddCaseGrainsPlatform(this WebApplicationBuilder builder, PlatformOptions options)
    {
        builder.Services.AddCaseGrainsStorage(options);
        builder.Services.AddCaseGrainsWebhooks(builder.Configuration, builder.Environment);
        if (options.Role == PlatformRole.Gateway)
        {
            if (!options.IsDurable)
            {
                throw new InvalidOperationException("A gateway-only process needs ConnectionStrings:Postgres to find the cluster.");
            }

            builder.UseOrleansClient(client => client.ConfigureCaseGrainsClient(options));
            builder.Services.AddSingleton<ICalendarSource, CalendarSource>();
        }
        else
        {
            builder.UseOrleans(silo => silo.ConfigureCaseGrainsSilo(options));
        }

        var health = builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        if (options.IsDurable)
        {
            health.AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        }

        return builder;
    }

    /// <summary>JSON shape, problem details, OpenAPI, rate limits, telemetry (metrics for Prometheus, traces when exported).</summary>
    public static IServiceCollection AddCaseGrainsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseGrainsRateLimits(configuration);
        services.ConfigureHttpJsonOptions(o => DomainJson.Apply(o.SerializerOptions, strict: false));
        services.AddProblemDetails();
        services.AddExceptionHandler<PlatformExceptionHandler>();
        services.AddOpenApi();
        services.AddCaseGrainsTelemetry(
            configuration,
            "casegrains-gateway",
            metrics => metrics.AddPrometheusExporter().AddAspNetCoreInstrumentation(),
            traces => traces.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperational(http.Request.Path)));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = JsonBody.MaxBytes);
        return services;
    }

    public static WebApplication MapCaseGrainsOperations(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapPrometheusScrapingEndpoint();
        return app;
    }

    /// <summary>Scrapes and probes, which would drown the traces of real requests.</summary>
    private static bool IsOperational(PathString path) => path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health");

    /// <summary>Says loudly, at start-up, whether what users enter will survive a restart.</summary>
    public static void AnnounceDurability(this WebApplication app, PlatformOptions options)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CaseGrains.Platform");
        if (options.IsDurable)
        {
            LogDurable(logger, options.Role);
        }
        else
        {
            LogNotDurable(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DATA IS DURABLE: PostgreSQL holds clustering, grain state, reminders and cases (role {Role}).")]
    private static partial void LogDurable(ILogger logger, PlatformRole role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DATA IS NOT DURABLE: embedded in-memory store. Everything is lost when this process stops. Set ConnectionStrings__Postgres to keep data.")]
    private static partial void LogNotDurable(ILogger logger);
}
