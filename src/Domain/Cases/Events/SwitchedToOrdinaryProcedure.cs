using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>简易程序转为普通程序; the decision period becomes 60 days.</summary>
public sealed record SwitchedToOrdinaryProcedure : CaseEvent
{
    public required string ApprovedBy { get; init; }

    public required DateOnly SwitchedOn { get; init; }

    public required DateOnly DecisionDueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.SwitchToOrdinary;
}
