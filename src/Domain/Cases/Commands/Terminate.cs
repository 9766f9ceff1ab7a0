using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>终止 (Art. 41).</summary>
public sealed record Terminate : CaseCommand
{
    public required TerminationGround Ground { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Terminate;
}
