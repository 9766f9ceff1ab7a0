using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>行政复议委员会咨询意见 recorded.</summary>
public sealed record CommitteeOpinionRecorded : CaseEvent
{
    public required string Opinion { get; init; }

    public required DateOnly RecordedOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordCommitteeOpinion;
}
