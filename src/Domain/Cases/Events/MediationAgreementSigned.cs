using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>调解书 signed and sealed: the case ends by mediation.</summary>
public sealed record MediationAgreementSigned : CaseEvent
{
    public required string Terms { get; init; }

    public required DateOnly SignedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordMediationAgreement;
}
