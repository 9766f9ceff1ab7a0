using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Supervision;

/// <summary>A case or complaint against the agency was decided, ended after self-correction, or substantiated. Delivered at
/// least once, in any order (<see cref="AgencyFinding.SourceVersion"/>).</summary>
public sealed record RecordFinding : AgencyCommand
{
    public required AgencyFinding Finding { get; init; }

    [JsonIgnore]
    public override AgencyActionName Action => AgencyActionName.RecordFinding;
}
