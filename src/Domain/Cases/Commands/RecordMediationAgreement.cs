using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>调解书经各方签字、盖章: the mediation ends the case (Art. 73).</summary>
public sealed record RecordMediationAgreement : CaseCommand
{
    public required string Terms { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordMediationAgreement;
}
