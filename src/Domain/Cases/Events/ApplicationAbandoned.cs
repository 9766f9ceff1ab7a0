using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>视为放弃申请: the correction period ran out.</summary>
public sealed record ApplicationAbandoned : CaseEvent
{
    public required DateOnly AbandonedOn { get; init; }

    public required DateOnly CorrectionDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.DeclareAbandoned;
}
