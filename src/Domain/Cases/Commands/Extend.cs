using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>延长审理期限 (Art. 62(1)): once, by at most 30 days, with the approval of the head of the body.</summary>
public sealed record Extend : CaseCommand
{
    public required int Days { get; init; }

    public required string ApprovedBy { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Extend;
}
