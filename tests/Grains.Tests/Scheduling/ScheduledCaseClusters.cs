using CaseGrains.Grains.Tests.Support;

namespace CaseGrains.Grains.Tests.Scheduling;

/// <summary>The embedded default on a clock the tests move; the scheduler runs only when a test ticks it.</summary>
public sealed class ScheduledInMemoryCaseCluster : CaseCluster
{
    private readonly ShiftedClock clock = new();

    public override TimeProvider Clock => clock;

    protected override Task<CaseGrains.Hosting.PlatformOptions> CreatePlatformAsync() =>
        Task.FromResult(new CaseGrains.Hosting.PlatformOptions { PersonalDataKey = Samples.PersonalDataKey });
}

/// <summary>PostgreSQL on a clock the tests move; the scheduler runs only when a test ticks it.</summary>
public sealed class ScheduledPostgresCaseCluster : PostgresCaseCluster
{
    private readonly ShiftedClock clock = new();

    public override TimeProvider Clock => clock;
}

/// <summary>
/// Two silos on PostgreSQL with the deadline scheduler running by itself, on a clock the tests move: partitions poll
/// every second and each silo's keeper checks every second that all partitions are active, so a killed silo's
/// partitions come back as soon as the cluster declares it dead (about two seconds with the tuned failure detection).
/// </summary>
public sealed class TwoSiloSchedulingCluster : PostgresCaseCluster
{
    private readonly ShiftedClock clock = new();

    public override TimeProvider Clock => clock;

    protected override short SiloCount => 2;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Scheduling:Enabled"] = "true",
        ["Scheduling:PollInterval"] = "00:00:01",
        ["Scheduling:KeeperInterval"] = "00:00:01",
        ["Scheduling:RetryDelay"] = "00:00:01",
    };

    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromMilliseconds(500);
            o.NumMissedProbesLimit = 2;
        });
}

/// <summary>
/// The embedded default with the deadline scheduler running by itself on a clock the tests move, polling every second,
/// and preloading at most three subjects per partition ahead of their steps.
/// </summary>
public sealed class PreloadingSchedulerCluster : CaseCluster
{
    public const int PreloadLimit = 3;

    private readonly ShiftedClock clock = new();

    public override TimeProvider Clock => clock;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Scheduling:Enabled"] = "true",
        ["Scheduling:PollInterval"] = "00:00:01",
        ["Scheduling:KeeperInterval"] = "00:00:01",
        ["Scheduling:RetryDelay"] = "00:00:01",
        ["Scheduling:PreloadLimit"] = PreloadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override Task<CaseGrains.Hosting.PlatformOptions> CreatePlatformAsync() =>
        Task.FromResult(new CaseGrains.Hosting.PlatformOptions { PersonalDataKey = Samples.PersonalDataKey });
}
