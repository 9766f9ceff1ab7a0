using System.Text.Json.Serialization;

namespace CaseGrains.Domain.Cases;

/// <summary>作出行政复议决定 (Art. 63–69, 33), approved by the head of the body.</summary>
public sealed record Decide : CaseCommand
{
    public required DecisionType Type { get; init; }

    /// <summary>What was wrong with the act; required for a correcting decision, empty otherwise.</summary>
    public IReadOnlyList<FlawKind> Findings { get; init; } = [];

    public required string LegalBasis { get; init; }

    public required string Summary { get; init; }

    public required string ApprovedBy { get; init; }

    /// <summary>责令重新作出行政行为; only with an annulment (Art. 64).</summary>
    public bool OrderNewAct { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.Decide;
}
