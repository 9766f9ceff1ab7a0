using CaseGrains.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CaseGrains.Persistence.Tests.OrleansAdoNet;

/// <summary>
/// The silo configuration under test: clustering, grain storage and reminders all on PostgreSQL through the
/// Orleans ADO.NET providers, sharing one <see cref="NpgsqlDataSource"/> from the container.
/// </summary>
public static class OrleansPostgres
{
    /// <summary>The ADO.NET invariant of Npgsql; every provider needs it (grain storage defaults to SQL Server's).</summary>
    public const string Invariant = "Npgsql";

    public static ISiloBuilder UsePostgres(this ISiloBuilder silo, string connectionString, string storageName)
    {
        // One pool for everything Orleans does; the container disposes it with the host. A silo that already
        // registers an NpgsqlDataSource for its own persistence can drop this line and share that one.
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));

        silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> options) =>
            options.Configure<NpgsqlDataSource>((o, dataSource) =>
            {
                o.Invariant = Invariant;
                o.DataSource = dataSource;
            }));
        silo.AddAdoNetGrainStorage(storageName, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<NpgsqlDataSource>((o, dataSource) =>
            {
                o.Invariant = Invariant;
                o.DataSource = dataSource;
            }));
        silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) =>
            options.Configure<NpgsqlDataSource>((o, dataSource) =>
            {
                o.Invariant = Invariant;
                o.DataSource = dataSource;
            }));
        return silo;
    }
}

/// <summary>
/// A fresh, migrated database and a two-silo in-process cluster on it, shared by the tests of one class.
/// </summary>
/// <remarks>
/// Uses <see cref="TestClusterBuilder"/>, not <c>InProcessTestClusterBuilder</c>: in 10.4 the latter always adds its
/// own in-memory membership table after the test's configuration (its <c>UseTestClusterMembership</c> switch is
/// internal), which would silently replace ADO.NET clustering. Here <see cref="TestClusterOptions.UseTestClusterMembership"/>
/// is off, so silos find each other and the client finds its gateways only through the database.
/// </remarks>
public sealed class OrleansClusterFixture : IAsyncLifetime
{
    public const string StorageName = "postgres";

    private const string ConnectionStringKey = "CaseGrainsTest:ConnectionString";

    public PostgresDatabase Database { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[ConnectionStringKey] = Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    // TestCluster creates configurators by type, so they reach the database through the cluster's configuration.
    private sealed class SiloConfigurator : IHostConfigurator
    {
        public void Configure(IHostBuilder hostBuilder) =>
            hostBuilder.UseOrleans((context, silo) =>
                silo.UsePostgres(context.Configuration[ConnectionStringKey]!, StorageName));
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansPostgres.Invariant;
                o.ConnectionString = configuration[ConnectionStringKey];
            });
    }
}
