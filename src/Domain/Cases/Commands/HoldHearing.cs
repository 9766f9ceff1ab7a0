using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>Records the hearing as held.</summary>
public sealed record HoldHearing : CaseCommand
{
    public required string Summary { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.HoldHearing;
}
