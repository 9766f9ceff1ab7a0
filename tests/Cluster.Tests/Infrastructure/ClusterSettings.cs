namespace CaseGrains.Cluster.Tests.Infrastructure;

/// <summary>Settings every process of a test cluster gets (through the environment scripts/cluster.sh passes on).</summary>
public static class ClusterSettings
{
    public static IReadOnlyDictionary<string, string> UnderTest { get; } = new Dictionary<string, string>
    {
        // One account makes all the load: the intake limit is for people, not for this.
        ["RateLimiting__StaffIntakePerMinute"] = "1000000",

        // A due step is picked up within two seconds rather than ten, so the run need not wait long for them.
        ["Scheduling__PollInterval"] = "00:00:02",
        ["Scheduling__KeeperInterval"] = "00:00:05",

        // Quiet logs: the test reads them only when it fails.
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };
}
