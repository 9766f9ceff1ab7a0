using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>和解: the case ends by settlement.</summary>
public sealed record SettlementReached : CaseEvent
{
    public required string Terms { get; init; }

    public required DateOnly SettledOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Settle;
}
