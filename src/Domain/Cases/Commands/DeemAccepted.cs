using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>视为受理 (Art. 30): the review period ended without a decision on the application.</summary>
public sealed record DeemAccepted : CaseCommand
{
    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.DeemAccepted;
}
