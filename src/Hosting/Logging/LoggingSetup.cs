using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CaseGrains.Hosting.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog for the whole process: readable lines in Development, compact JSON elsewhere (written in batches,
    /// <see cref="ConsoleBatchSink"/>), personal data masked. Levels can be changed under <c>Serilog</c> in configuration;
    /// sinks registered as services (<see cref="Serilog.Core.ILogEventSink"/>) receive every event too.
    /// </summary>
    public static IHostApplicationBuilder AddCaseGrainsLogging(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<PersonalDataRedactor>();
            if (development)
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Sink(ConsoleBatchSink.ToStandardOutput(new RenderedCompactJsonFormatter()), ConsoleBatchSink.Batching);
            }
        });
        return builder;
    }
}
