using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>A notice the record did not draft now absorbs new patterns of its flaws.</summary>
public sealed record NoticeTracked : AgencyEvent
{
    public required string NoticeId { get; init; }

    public required IReadOnlyList<FlawKind> Flaws { get; init; }

    public required IReadOnlyList<string> CaseIds { get; init; }

    public required DateOnly TrackedOn { get; init; }

    [JsonIgnore]
    public override AgencyActionName Action => AgencyActionName.TrackNotice;
}
