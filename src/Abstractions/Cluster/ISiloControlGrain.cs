namespace CaseGrains.Abstractions.Cluster;

/// <summary>
/// 节点控制: the control point of one silo, keyed by that silo's address (<c>SiloAddress.ToParsableString()</c>) and
/// activated on it through Orleans' placement hint. Orleans has no call that stops a chosen silo, so each silo answers
/// for itself: it checks that it is the silo its key names before it acts.
/// </summary>
[Alias("CaseGrains.ISiloControlGrain")]
public interface ISiloControlGrain : IGrainWithStringKey
{
    /// <summary>Starts a graceful shutdown of this silo's host (the same as SIGTERM): Orleans marks it shutting down, so
    /// no new activation is placed on it, deactivates its grains (their state is already in PostgreSQL) and hands over
    /// its directory partitions and reminders, then the silo leaves the membership table as Dead.</summary>
    [Alias("Drain")]
    Task<DrainOutcome> Drain(DrainRequest request);

    /// <summary>The silo's id and role. An activation on another silo answers for that silo, and goes away.</summary>
    [Alias("Describe")]
    Task<SiloDescription> Describe();
}
