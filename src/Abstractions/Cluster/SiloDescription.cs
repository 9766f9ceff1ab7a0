namespace CaseGrains.Abstractions.Cluster;

/// <summary>What a silo says of itself: its id (<c>SiloAddress.ToParsableString()</c>, so the caller can tell an answer
/// from a control grain activated elsewhere) and the kind of process hosting it (<c>silo</c> or <c>coHosted</c>).</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.SiloDescription")]
public sealed record SiloDescription(
    [property: Id(0)] string SiloId,
    [property: Id(1)] string Role);
