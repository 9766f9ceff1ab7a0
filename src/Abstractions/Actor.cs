namespace CaseGrains.Abstractions;

/// <summary>Who performs an action: the user and the organisation they act for. Recorded on every history entry.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.Actor")]
public sealed record Actor([property: Id(0)] string UserId, [property: Id(1)] string OrganisationId);
