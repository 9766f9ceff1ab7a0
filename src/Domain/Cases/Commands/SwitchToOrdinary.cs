using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>简易程序转普通程序 (Art. 55), with the approval of the head of the body.</summary>
public sealed record SwitchToOrdinary : CaseCommand
{
    public required string ApprovedBy { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.SwitchToOrdinary;
}
