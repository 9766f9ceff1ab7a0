using CaseGrains.Grains.Tests.Support;
using CaseGrains.Hosting;

namespace CaseGrains.Grains.Tests.Supervision;

/// <summary>The embedded default on a clock the tests move; the scheduler and the outbox relay run only when a test runs
/// them.</summary>
public sealed class SupervisionInMemoryCluster : CaseCluster
{
    private readonly ShiftedClock clock = new();

    public override TimeProvider Clock => clock;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Supervision:RelayEnabled"] = "false",
    };

    protected override Task<PlatformOptions> CreatePlatformAsync() => Task.FromResult(new PlatformOptions { PersonalDataKey = Samples.PersonalDataKey });
}

/// <summary>PostgreSQL on a clock the tests move; the scheduler and the outbox relay run only when a test runs them.</summary>
public sealed class SupervisionPostgresCluster : PostgresCaseCluster
{
    private readonly ShiftedClock clock = new();

    public override TimeProvider Clock => clock;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Supervision:RelayEnabled"] = "false",
    };
}

/// <summary>PostgreSQL with one delivery after an answer at a time per silo, and the outbox relay run only by the
/// test.</summary>
public sealed class OneDeliveryPostgresCluster : PostgresCaseCluster
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Supervision:RelayEnabled"] = "false",
        ["Supervision:DeliveriesInFlight"] = "1",
    };
}

/// <summary>Two silos on PostgreSQL, the outbox relay run only by the test, so that a case and its agency can live on
/// different silos.</summary>
public sealed class TwoSiloSupervisionPostgresCluster : PostgresCaseCluster
{
    protected override short SiloCount => 2;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(QuietSettings)
    {
        ["Supervision:RelayEnabled"] = "false",
    };
}

/// <summary>
/// Commits do not deliver what they owe, as if every silo died right after committing: only the outbox relay, run by the
/// test, delivers. In memory.
/// </summary>
public sealed class UndeliveredInMemoryCluster : CaseCluster
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = UndeliveredSettings.Of(QuietSettings);

    protected override Task<PlatformOptions> CreatePlatformAsync() => Task.FromResult(new PlatformOptions { PersonalDataKey = Samples.PersonalDataKey });
}

/// <summary>The same on PostgreSQL, where the silo can really be replaced between the commit and the relay.</summary>
public sealed class UndeliveredPostgresCluster : PostgresCaseCluster
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = UndeliveredSettings.Of(QuietSettings);
}

internal static class UndeliveredSettings
{
    public static IReadOnlyDictionary<string, string?> Of(IReadOnlyDictionary<string, string?> quiet) => new Dictionary<string, string?>(quiet)
    {
        ["Supervision:DeliverAtOnce"] = "false",
        ["Supervision:RelayEnabled"] = "false",
    };
}
