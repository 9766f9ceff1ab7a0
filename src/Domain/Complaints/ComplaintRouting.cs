using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Complaints;

/// <summary>What the grain resolves from the directory when a complaint arrives: the agency complained of, the path of its
/// region, and the supervision office that handles it (<see cref="SupervisingOffice.For"/>).</summary>
public sealed record ComplaintRouting(Organisation Agency, string RegionPath, string HandlingOfficeId);
