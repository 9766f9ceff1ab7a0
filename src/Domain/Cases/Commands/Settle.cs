using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>和解 (Art. 74): the parties settled and the case ends.</summary>
public sealed record Settle : CaseCommand
{
    public required string Terms { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Settle;
}
