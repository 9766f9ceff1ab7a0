using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>中止: the running periods stand still.</summary>
public sealed record CaseSuspended : CaseEvent
{
    public required SuspensionGround Ground { get; init; }

    public required DateOnly SuspendedOn { get; init; }

    public required CaseStatus StatusBefore { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Suspend;
}
