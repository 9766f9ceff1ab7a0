using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.GrainDirectory;

namespace CaseGrains.Grains.Tests.Hosting;

/// <summary>The silo's directory cache is Orleans' own, registered so that Orleans' gauge of its size does not walk it
/// (<c>DirectoryCacheSetup</c>).</summary>
public sealed class DirectoryCacheTests(InMemoryCaseCluster cluster) : IClassFixture<InMemoryCaseCluster>
{
    [Fact]
    public async Task The_silo_caches_its_activations_in_the_registered_cache_and_the_size_gauge_walks_none_of_it()
    {
        var grain = cluster.Grains.GetGrain<IReconsiderationCaseGrain>($"directory-cache-{Guid.NewGuid():N}");
        await grain.Get(Samples.Clerk);

        var cache = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainDirectoryCache>();
        Assert.Contains(cache.KeyValues, entry => entry.ActivationAddress.GrainId == grain.GetGrainId());

        var observed = new ConcurrentQueue<int>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "orleans-directory-cache-size")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => observed.Enqueue(value));
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.NotEmpty(observed);
        Assert.All(observed, size => Assert.Equal(0, size));
    }
}
