namespace CaseGrains.Abstractions.Cluster;

/// <summary>Who asked for a silo to be drained, and why: the silo logs both before it leaves.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.DrainRequest")]
public sealed record DrainRequest(
    [property: Id(0)] string RequestedBy,
    [property: Id(1)] string Reason);
