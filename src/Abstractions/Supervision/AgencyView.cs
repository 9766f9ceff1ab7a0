using CaseGrains.Domain.Cases;

namespace CaseGrains.Abstractions.Supervision;

/// <summary>
/// An agency's record as the API shows it: <see cref="FlawCounts"/> (corrections per flaw kind), the
/// <see cref="CorrectionRate"/> over the reconsideration findings it was told of (null before any), how many findings it
/// holds (<see cref="Findings"/>, one per case or complaint) and how many of them correct it, and its notices with the
/// instrument each one is.
/// </summary>
[GenerateSerializer, Immutable, Alias("CaseGrains.AgencyView")]
public sealed record AgencyView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string RegionPath,
    [property: Id(3)] long Version,
    [property: Id(4)] Dictionary<FlawKind, int> FlawCounts,
    [property: Id(5)] decimal? CorrectionRate,
    [property: Id(6)] int Findings,
    [property: Id(7)] int Corrections,
    [property: Id(8)] AgencyNoticeView[] Notices);
