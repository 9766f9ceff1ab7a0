using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>提请行政复议委员会提出咨询意见 (Art. 52).</summary>
public sealed record RequestCommitteeConsultation : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RequestCommitteeConsultation;
}
