using CaseGrains.Abstractions.Serialization;
using CaseGrains.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;

namespace CaseGrains.Hosting;

public static class ClientSetup
{
    /// <summary>A gateway that is only an Orleans client: it finds the silos through the membership table, carries the
    /// trace context into grain calls and, unless <see cref="PlatformOptions.Dashboard"/> is off, serves the Orleans
    /// Dashboard from the silos' dashboard grains.</summary>
    public static IClientBuilder ConfigureCaseGrainsClient(this IClientBuilder client, PlatformOptions options)
    {
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        client.Services.AddSerializer(s => s.AddCaseGrainsSerialization());
        client.Services.AddSingleton<GrainReferences>();
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.GatewayResponseTimeout);
        client.AddActivityPropagation();
        if (options.Dashboard)
        {
            client.AddDashboard();
        }

        if (options.IsDurable)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.PostgresConnectionString;
            });
        }
        else
        {
            client.UseLocalhostClustering(options.GatewayPort);
        }

        return client;
    }
}
