using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>和解 (Art. 74): the parties settled and the case ends.</summary>
public sealed record Settle : CaseCommand
{
    public required string Terms { get; init; }

    /// <summary>What the respondent corrected when the settlement rests on its correcting its act (自行纠正), if anything:
    /// named here, the respondent's record counts the case as a self-correction (<see cref="Supervision.AgencyFinding.FromCase"/>).</summary>
    public IReadOnlyList<FlawKind> CorrectedFlaws { get; init; } = [];

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Settle;
}
