using CaseGrains.Domain.Supervision;

namespace CaseGrains.Abstractions.Supervision;

/// <summary>
/// What an agency's record tells a notice about a pattern it found (<see cref="PatternMatch"/>): draft the notice when
/// <see cref="PatternMatch.DraftsNotice"/>, otherwise cite the further cases. <see cref="Agency"/> is the record as the
/// draft needs it (its name, region and the notice to draft; its findings and other notices left out).
/// </summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.PatternDelivery")]
public sealed record PatternDelivery(
    [property: Id(0)] AgencyRecord Agency,
    [property: Id(1)] PatternMatch Match);
