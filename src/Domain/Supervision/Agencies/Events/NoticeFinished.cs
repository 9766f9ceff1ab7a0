using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>A notice stopped absorbing new cases; the next pattern of its flaws gets a notice of its own.</summary>
public sealed record NoticeFinished : AgencyEvent
{
    public required string NoticeId { get; init; }

    public required DateOnly FinishedOn { get; init; }

    [JsonIgnore]
    public override AgencyActionName Action => AgencyActionName.RecordNoticeFinished;
}
