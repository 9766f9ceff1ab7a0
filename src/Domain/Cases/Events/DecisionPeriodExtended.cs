using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>审理期限延长.</summary>
public sealed record DecisionPeriodExtended : CaseEvent
{
    public required int Days { get; init; }

    public required string ApprovedBy { get; init; }

    public required DateOnly ExtendedOn { get; init; }

    public required DateOnly DecisionDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Extend;
}
