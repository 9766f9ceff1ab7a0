using CaseGrains.Grains.Tests.Support;

namespace CaseGrains.Grains.Tests.Cluster;

/// <summary>Two silos on PostgreSQL that declare a killed silo dead within seconds, and record its drain at once.</summary>
public sealed class TwoSiloDrainCluster : PostgresCaseCluster
{
    protected override short SiloCount => 2;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Drains:DeadSiloGrace"] = "00:00:00",
    };

    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromMilliseconds(500);
            o.NumMissedProbesLimit = 2;
        });
}
