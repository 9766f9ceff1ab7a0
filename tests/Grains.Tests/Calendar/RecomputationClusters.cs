using CaseGrains.Grains.Tests.Support;
using CaseGrains.Hosting;

namespace CaseGrains.Grains.Tests.Calendar;

/// <summary>The embedded default on a clock the tests move; a recomputation runs by itself, as in production.</summary>
public sealed class RecomputingInMemoryCaseCluster : CaseCluster
{
    private readonly ShiftedClock clock = new();

    public override TimeProvider Clock => clock;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Recomputation:RunsByItself"] = "true",
    };

    protected override Task<PlatformOptions> CreatePlatformAsync() => Task.FromResult(new PlatformOptions { PersonalDataKey = Samples.PersonalDataKey });
}

/// <summary>PostgreSQL on a clock the tests move; a recomputation runs by itself, as in production.</summary>
public sealed class RecomputingPostgresCaseCluster : PostgresCaseCluster
{
    private readonly ShiftedClock clock = new();

    public override TimeProvider Clock => clock;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Recomputation:RunsByItself"] = "true",
    };
}

/// <summary>PostgreSQL on a clock the tests move; a recomputation runs a batch of two cases only when the test says so,
/// so that the silo can be stopped between two batches.</summary>
public sealed class SteppedRecomputationPostgresCaseCluster : PostgresCaseCluster
{
    private readonly ShiftedClock clock = new();

    public override TimeProvider Clock => clock;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Recomputation:BatchSize"] = "2",
    };
}
