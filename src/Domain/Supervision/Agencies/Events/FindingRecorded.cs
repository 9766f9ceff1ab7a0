using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>A finding was recorded, first or replacing an earlier one of the same case, with the patterns it made.</summary>
public sealed record FindingRecorded : AgencyEvent
{
    public required AgencyFinding Finding { get; init; }

    /// <summary>Whether it replaced an earlier finding of the same case.</summary>
    public required bool Replaced { get; init; }

    /// <summary>One per flaw kind whose pattern the finding completed or extended; empty when it made none.</summary>
    public required IReadOnlyList<PatternMatch> Patterns { get; init; }

    [JsonIgnore]
    public override AgencyActionName Action => AgencyActionName.RecordFinding;
}
