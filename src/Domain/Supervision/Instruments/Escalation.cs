using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Organisations;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// The matter went up one level (逐级上报) because the agency let a period run out: from the supervisor it sat with to the one
/// of the region above (county → city → province). The grain finds the supervision office of <see cref="ToRegionPath"/>
/// (<see cref="SupervisingOffice.For"/>) and tells it.
/// </summary>
public sealed record Escalation
{
    public required string FromRegionPath { get; init; }

    public required string ToRegionPath { get; init; }

    public required RegionLevel ToLevel { get; init; }

    public required DateOnly EscalatedOn { get; init; }

    /// <summary>The period that ran out: <see cref="DeadlineKind.Rectification"/> or <see cref="DeadlineKind.ComplianceOrder"/>.</summary>
    public required DeadlineKind Lapsed { get; init; }

    public required DateOnly DueOn { get; init; }
}
