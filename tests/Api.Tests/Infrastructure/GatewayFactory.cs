using System.Net;
using CaseGrains.Domain.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Api.Tests.Infrastructure;

/// <summary>
/// The real gateway with its co-hosted silo, on a real PostgreSQL database (or, with no connection string, the
/// embedded in-memory default). Each factory gets its own ports and cluster id, so test classes run side by side.
/// With a <paramref name="clock"/>, the server reads the time from it instead of the system clock;
/// <paramref name="settings"/> are added to (and override) the configuration, and <paramref name="environment"/>
/// is the host environment (the development token issuer exists only in <c>Development</c>).
/// </summary>
/// <remarks>
/// The test server has no client address. A request may name one in the <see cref="ClientAddressHeader"/> header,
/// so that limits counted per client address can be exercised with several clients.
/// </remarks>
public sealed class GatewayFactory(
    string? postgresConnectionString,
    TimeProvider? clock = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    string environment = "Testing") : WebApplicationFactory<Program>
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly string clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly int siloPort = FreePort.Next();
    private readonly int gatewayPort = FreePort.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Postgres", postgresConnectionString ?? string.Empty);
        builder.UseSetting("Platform:ClusterId", clusterId);
        builder.UseSetting("Platform:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Platform:GatewayPort", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Auth:SigningKey", TestKeys.SigningKey);
        builder.UseSetting("PersonalData:Key", TestKeys.PersonalDataKey);

        // No reminder fires behind a test's back (several travel the clock); tests of scheduling turn it on or tick it.
        builder.UseSetting("Scheduling:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(new PlatformClock(clock));
            }

            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>Sets the connection's remote address from <see cref="ClientAddressHeader"/>, before anything else runs.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
