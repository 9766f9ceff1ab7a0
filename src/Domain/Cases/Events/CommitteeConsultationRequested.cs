using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>提请行政复议委员会提出咨询意见.</summary>
public sealed record CommitteeConsultationRequested : CaseEvent
{
    public required DateOnly RequestedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RequestCommitteeConsultation;
}
