using CaseGrains.Grains.Tests.Support;
using CaseGrains.Persistence.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Grains.Tests.Cluster;

/// <summary>A silo killed while it drains cannot record that it left; the silo still running records its request as
/// died once the cluster has declared it dead (issue 6).</summary>
public sealed class DeadSiloDrainTests(TwoSiloDrainCluster cluster) : IClassFixture<TwoSiloDrainCluster>
{
    [Fact]
    public async Task A_silo_killed_while_draining_has_its_request_recorded_as_died_by_the_silo_left()
    {
        var victim = cluster.Cluster.Silos[1];
        var drains = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IDrainLog>();
        var id = await drains.RecordAsync(
            new DrainRequestEntry(victim.SiloAddress.ToParsableString(), victim.Name, "admin-01", DateTimeOffset.UtcNow, "更换服务器"),
            DrainStatus.Requested,
            null);
        await drains.AnsweredAsync(id, DrainStatus.Draining);
        var killedAt = DateTimeOffset.UtcNow;

        await cluster.Cluster.KillSiloAsync(victim);

        DrainRecord? record = null;
        await Waiting.UntilAsync(async () => (record = await drains.FindAsync(id))!.Status != DrainStatus.Draining, "the drain to be recorded as died");
        Assert.Equal(DrainStatus.Died, record!.Status);
        Assert.InRange(record.LeftAt!.Value, killedAt.AddSeconds(-1), DateTimeOffset.UtcNow);
    }
}
