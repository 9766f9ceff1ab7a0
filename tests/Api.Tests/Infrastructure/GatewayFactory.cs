using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>
/// The real gateway with its co-hosted silo, on a real PostgreSQL database (or, with no connection string, the
/// embedded in-memory default). Each factory gets its own ports and cluster id, so test classes run side by side.
/// With a <paramref name="clock"/>, the server reads the time from it instead of the system clock.
/// </summary>
public sealed class GatewayFactory(string? postgresConnectionString, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    private readonly string clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly int siloPort = FreePort.Next();
    private readonly int gatewayPort = FreePort.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", postgresConnectionString ?? string.Empty);
        builder.UseSetting("Platform:ClusterId", clusterId);
        builder.UseSetting("Platform:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Platform:GatewayPort", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
