namespace CaseGrains.Abstractions.Scheduling;

/// <summary>What one pass of a scheduler partition did: steps delivered and recorded by their cases, deliveries the cases
/// answered unchanged (already recorded, stale, superseded), deliveries left for a later pass (not yet due by the case's
/// clock, or failed), and when the partition next has something to fire.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.SchedulerTick")]
public sealed record SchedulerTick(
    [property: Id(0)] int Fired,
    [property: Id(1)] int Unchanged,
    [property: Id(2)] int Retried,
    [property: Id(3)] DateTimeOffset? NextFireAt);
