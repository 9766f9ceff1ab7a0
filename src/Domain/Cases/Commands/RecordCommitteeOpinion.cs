using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>Records the committee's opinion.</summary>
public sealed record RecordCommitteeOpinion : CaseCommand
{
    public required string Opinion { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordCommitteeOpinion;
}
