using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>A notice stopped absorbing new cases: its rectification was accepted, or it was discarded or closed
/// (<see cref="SupervisionInstrument.AbsorbsCases"/> turned false).</summary>
public sealed record RecordNoticeFinished : AgencyCommand
{
    public required string NoticeId { get; init; }

    [JsonIgnore]
    public override AgencyActionName Action => AgencyActionName.RecordNoticeFinished;
}
