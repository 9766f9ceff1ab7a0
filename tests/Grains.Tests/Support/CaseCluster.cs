using CaseGrains.Abstractions.Serialization;
using CaseGrains.Domain.Time;
using CaseGrains.Hosting;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CaseGrains.Grains.Tests.Support;

/// <summary>
/// An in-process Orleans cluster whose silos are configured exactly as the product's
/// (<see cref="SiloSetup.ConfigureCaseGrainsSilo"/> and <see cref="StorageRegistration.AddCaseGrainsStorage"/>), with
/// a client that registers the product's serialization. One cluster per test class (an xunit class fixture).
/// </summary>
/// <remarks>
/// The test host decides what the platform options cannot: its in-memory transport and ports (its endpoint options
/// are applied after ours), its membership table and grain directory, and fresh cluster and service ids. Grain
/// storage, reminders and our own stores are the product's, on the backend <see cref="CreatePlatformAsync"/> picks.
/// As in <c>src/Silo/Program.cs</c>, every silo prepares storage (schema, demo directory) before Orleans starts,
/// so a silo started later in a test is ready the same way.
/// </remarks>
public abstract class CaseCluster : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is deployed in InitializeAsync.");

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The case store the silos write to, read from a running silo's own services.</summary>
    public ICaseStore Store => Cluster.Silos[0].ServiceProvider.GetRequiredService<ICaseStore>();

    protected virtual short SiloCount => 1;

    /// <summary>The clock every silo runs on; null for the system clock.</summary>
    public virtual TimeProvider? Clock => null;

    /// <summary>Configuration every silo gets (<see cref="QuietSettings"/> unless a cluster says otherwise).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => QuietSettings;

    /// <summary>Nothing changes cases behind a test's back: the deadline scheduler does not wake by itself (scheduling
    /// tests drive it with <c>Tick</c> or turn it on), and a deadline recomputation, which loading a year starts, does
    /// not work through its batches by itself (recomputation tests turn it on or run its batches with <c>RunBatch</c>).</summary>
    protected static IReadOnlyDictionary<string, string?> QuietSettings { get; } = new Dictionary<string, string?>
    {
        ["Scheduling:Enabled"] = "false",
        ["Recomputation:RunsByItself"] = "false",
    };

    public async Task InitializeAsync()
    {
        var platform = await CreatePlatformAsync();
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            foreach (var (key, value) in Settings)
            {
                host.Configuration[key] = value;
            }

            host.Services.AddCaseGrainsStorage(platform);
            if (Clock is { } clock)
            {
                host.Services.AddSingleton(new PlatformClock(clock));
            }

            host.Services.AddHostedService(services => new PrepareStorageBeforeOrleans(services, platform));
            host.UseOrleans(silo =>
            {
                silo.ConfigureCaseGrainsSilo(platform);
                ConfigureSilo(silo);
            });
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddCaseGrainsSerialization()));
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }

        await DisposeBackendAsync();
    }

    /// <summary>The silo that holds the grain's activation now, or null when it is not active anywhere.</summary>
    public InProcessSiloHandle? SiloOf(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context)
            ? Cluster.Silos.Single(s => s.SiloAddress.Equals(context.Address.SiloAddress))
            : null;

    /// <summary>The implementations a silo really runs on: case store, directory, grain storage, reminder table.</summary>
    public (string CaseStore, string Directory, string GrainStorage, string Reminders) Backend()
    {
        var services = Cluster.Silos[0].ServiceProvider;
        return (
            services.GetRequiredService<ICaseStore>().GetType().Name,
            services.GetRequiredService<IOrganisationDirectory>().GetType().Name,
            services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default).GetType().Name,
            services.GetRequiredService<IReminderTable>().GetType().Name);
    }

    protected abstract Task<PlatformOptions> CreatePlatformAsync();

    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    protected virtual Task DisposeBackendAsync() => Task.CompletedTask;

    /// <summary>Registered before Orleans, so it runs to completion before the silo starts taking calls.</summary>
    private sealed class PrepareStorageBeforeOrleans(IServiceProvider services, PlatformOptions platform) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => services.PrepareStorageAsync(platform, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
