using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>撤回申请: the case ends.</summary>
public sealed record ApplicationWithdrawn : CaseEvent
{
    public required bool AfterAgencyCorrected { get; init; }

    public required DateOnly WithdrawnOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Withdraw;
}
