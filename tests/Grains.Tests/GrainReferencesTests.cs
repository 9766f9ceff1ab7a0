using CaseGrains.Abstractions.Calendar;
using CaseGrains.Abstractions.Cases;
using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Grains.Tests;

/// <summary>A reference taken through <see cref="GrainReferences"/> is the reference Orleans would give, for each
/// interface of a grain class apart, and reaches its grain.</summary>
public sealed class GrainReferencesTests(InMemoryCaseCluster cluster) : IClassFixture<InMemoryCaseCluster>
{
    [Fact]
    public async Task A_reference_by_key_is_the_one_Orleans_gives_for_its_interface_and_reaches_the_grain()
    {
        var references = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<GrainReferences>();

        foreach (var _ in Enumerable.Range(0, 2))
        {
            AssertSame(cluster.Grains.GetGrain<IReconsiderationCaseGrain>("RC-1"), references.Get<IReconsiderationCaseGrain>("RC-1"));
            AssertSame(cluster.Grains.GetGrain<ICaseDeadlinesGrain>("RC-1"), references.Get<ICaseDeadlinesGrain>("RC-1"));
            AssertSame(cluster.Grains.GetGrain<ICalendarGrain>(ICalendarGrain.Key), references.Get<ICalendarGrain>(ICalendarGrain.Key));
        }

        Assert.NotEmpty((await references.Get<ICalendarGrain>(ICalendarGrain.Key).GetArrangements()).Years);
    }

    [Fact]
    public void An_interface_no_silo_implements_is_refused_as_Orleans_refuses_it()
    {
        var services = cluster.Cluster.Silos[0].ServiceProvider;

        var orleans = Assert.Throws<ArgumentException>(() => services.GetRequiredService<IGrainFactory>().GetGrain<IUnimplementedGrain>("U-1"));
        var ours = Assert.Throws<ArgumentException>(() => services.GetRequiredService<GrainReferences>().Get<IUnimplementedGrain>("U-1"));
        Assert.Equal(orleans.Message, ours.Message);
    }

    private static void AssertSame(IAddressable expected, IAddressable actual)
    {
        Assert.Equal(expected.GetGrainId(), actual.GetGrainId());
        Assert.Equal(((GrainReference)expected).InterfaceType, ((GrainReference)actual).InterfaceType);
        Assert.Equal(expected.GetType(), actual.GetType());
    }
}

/// <summary>A grain interface with no grain class: Orleans has no grain type for it.</summary>
public interface IUnimplementedGrain : IGrainWithStringKey
{
    Task Ping();
}
