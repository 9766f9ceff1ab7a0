using CaseGrains.Hosting.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseGrains.Hosting;

public static class SiloHostSetup
{
    /// <summary>Everything a separate silo process runs besides logging: our stores, its metrics listener, the webhook
    /// dispatcher, and Orleans. One method, so that every silo host (src/Silo, the bench's) runs the same platform.</summary>
    public static IHostApplicationBuilder AddCaseGrainsSiloHost(this IHostApplicationBuilder builder, PlatformOptions platform)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCaseGrainsStorage(platform);
        builder.Services.AddCaseGrainsSiloMetrics(builder.Configuration);
        builder.Services.AddCaseGrainsWebhooks(builder.Configuration, builder.Environment);
        builder.UseOrleans(silo => silo.ConfigureCaseGrainsSilo(platform));
        return builder;
    }
}
