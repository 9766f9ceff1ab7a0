using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>补正通知 (Art. 31): sent within the review period, listing everything missing at once.</summary>
public sealed record RequestCorrection : CaseCommand
{
    public required IReadOnlyList<string> MissingItems { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RequestCorrection;
}
