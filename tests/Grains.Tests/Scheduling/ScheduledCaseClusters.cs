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
