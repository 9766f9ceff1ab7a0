using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Statistics;

/// <summary>
/// What a case contributes to the figures beyond its date of receipt: whether and when it was accepted, how and when
/// it ended, the decision's type and findings, and whether its decision period ran out (超期). Written beside the
/// case's list row by every commit, so the figures are counted from rows and never by replaying histories.
/// </summary>
public sealed record CaseOutcome
{
    /// <summary>A case that is still open and was never accepted.</summary>
    public static CaseOutcome None { get; } = new();

    /// <summary>受理 (also by operation of law, Art. 30); null while not accepted.</summary>
    public DateOnly? AcceptedOn { get; init; }

    public CaseEnding? Ending { get; init; }

    /// <summary>The day the case ended: the date that puts it in a period for every figure over ended cases.</summary>
    public DateOnly? EndedOn { get; init; }

    public DecisionType? DecisionType { get; init; }

    /// <summary>What a correcting decision found wrong with the act; empty otherwise.</summary>
    public IReadOnlyList<FlawKind> Findings { get; init; } = [];

    /// <summary>超期未决: the decision period ran out before the case was decided (kept however the case ended).</summary>
    public bool DecisionOverdue { get; init; }

    public static CaseOutcome Of(ReconsiderationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new()
        {
            AcceptedOn = @case.AcceptedOn,
            Ending = @case.Ending,
            EndedOn = @case.EndedOn,
            DecisionType = @case.Decision?.Type,
            Findings = @case.Decision?.Findings ?? [],
            DecisionOverdue = @case.DecisionOverdue,
        };
    }
}
