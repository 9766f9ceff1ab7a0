using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>复议后答疑 recorded.</summary>
public sealed record PostDecisionQaRecorded : CaseEvent
{
    public required string Summary { get; init; }

    public required DateOnly RecordedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordPostDecisionQa;
}
