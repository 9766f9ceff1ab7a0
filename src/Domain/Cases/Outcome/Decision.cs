namespace CaseGrains.Domain.Cases;

/// <summary>The reconsideration decision (行政复议决定), approved by the head of the body.</summary>
public sealed record Decision
{
    public required DecisionType Type { get; init; }

    /// <summary>What was wrong with the act; empty unless the decision corrects it.</summary>
    public required IReadOnlyList<FlawKind> Findings { get; init; }

    public required string LegalBasis { get; init; }

    public required string Summary { get; init; }

    public required string ApprovedBy { get; init; }

    /// <summary>责令被申请人在一定期限内重新作出行政行为 (Art. 64).</summary>
    public bool OrderNewAct { get; init; }

    public required DateOnly DecidedOn { get; init; }
}
