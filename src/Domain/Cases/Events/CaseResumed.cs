using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>恢复审理: the periods run on with the days that were left.</summary>
public sealed record CaseResumed : CaseEvent
{
    public required DateOnly ResumedOn { get; init; }

    public required int SuspendedDays { get; init; }

    public required CaseStatus Status { get; init; }

    public DateOnly? DecisionDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Resume;
}
