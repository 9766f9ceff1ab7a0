using CaseGrains.Abstractions.Cases;

namespace CaseGrains.Abstractions.Supervision;

/// <summary>The answer of an agency grain to a read: the record, or why not.</summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.AgencyResult")]
public sealed record AgencyResult([property: Id(0)] AgencyView? Agency, [property: Id(1)] CaseFailure? Failure);
