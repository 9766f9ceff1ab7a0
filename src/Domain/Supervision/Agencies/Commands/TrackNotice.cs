using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>A supervision notice against the agency that the record did not draft itself (a case converted into a
/// supervision procedure): from now on it absorbs new patterns of its <see cref="Flaws"/> instead of a second notice being
/// drafted for them.</summary>
public sealed record TrackNotice : AgencyCommand
{
    public required string NoticeId { get; init; }

    public IReadOnlyList<FlawKind> Flaws { get; init; } = [];

    public required IReadOnlyList<string> CaseIds { get; init; }

    [JsonIgnore]
    public override AgencyActionName Action => AgencyActionName.TrackNotice;
}
