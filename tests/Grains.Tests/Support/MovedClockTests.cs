using CaseGrains.Domain.Time;
using CaseGrains.Grains.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Grains.Tests.Support;

/// <summary>
/// A clock moved days ahead moves the platform, not Orleans: a silo started after the move joins the cluster and stays.
/// When the moved clock was also Orleans' <see cref="TimeProvider"/>, such a silo's start time (the system's) looked
/// days old to the membership, which voted it dead while it joined.
/// </summary>
public sealed class MovedClockTests(ScheduledInMemoryCaseCluster cluster) : IClassFixture<ScheduledInMemoryCaseCluster>
{
    [Fact]
    public async Task A_silo_started_after_the_clock_moved_days_ahead_joins_and_stays()
    {
        ((ShiftedClock)cluster.Clock).TravelTo(DateTimeOffset.UtcNow.AddDays(3));
        var services = cluster.Cluster.Silos[0].ServiceProvider;
        Assert.True(services.GetRequiredService<PlatformClock>().GetUtcNow() > DateTimeOffset.UtcNow.AddDays(2));
        Assert.True(services.GetRequiredService<TimeProvider>().GetUtcNow() < DateTimeOffset.UtcNow.AddMinutes(1));

        var added = await cluster.Cluster.StartAdditionalSiloAsync();
        await cluster.Cluster.WaitForLivenessToStabilizeAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));

        var hosts = await cluster.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Contains(added.SiloAddress, hosts.Keys);
        Assert.Equal(2, hosts.Count);
        await cluster.Cluster.StopSiloAsync(added);
    }
}
