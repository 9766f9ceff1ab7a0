using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>复议后答疑 with the parties.</summary>
public sealed record RecordPostDecisionQa : CaseCommand
{
    public required string Summary { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.RecordPostDecisionQa;
}
