using CaseGrains.Hosting.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseGrains.Hosting;

public static class SiloHostSetup
{
    /// <summary>How long a graceful stop (SIGTERM, or a drain through the administrators' API) may take: Orleans
    /// deactivates every grain and hands over its directory and reminders before the silo leaves; the host's default
    /// of 30 s can cut that short. Kubernetes' grace period must be longer (see deploy/k8s).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Everything a separate silo process runs besides logging: our stores, its metrics listener, the webhook
    /// dispatcher, and Orleans. One method, so that every silo host (src/Silo, the bench's) runs the same platform.</summary>
    public static IHostApplicationBuilder AddCaseGrainsSiloHost(this IHostApplicationBuilder builder, PlatformOptions platform)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(platform);
        platform.Role = PlatformRole.Silo;
        builder.Services.AddCaseGrainsStorage(platform);
        builder.Services.AddCaseGrainsSiloTelemetry(builder.Configuration);
        builder.Services.AddCaseGrainsWebhooks(builder.Configuration, builder.Environment);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.UseOrleans(silo => silo.ConfigureCaseGrainsSilo(platform));
        return builder;
    }
}
