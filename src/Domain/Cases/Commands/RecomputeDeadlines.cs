using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// System action: a holiday year was loaded, so count every running deadline again on the calendar of the context
/// (<see cref="ReconsiderationCase.RecomputeDeadlines"/>). Unchanged when no due date or provisional flag moves.
/// </summary>
public sealed record RecomputeDeadlines : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecomputeDeadlines;
}
