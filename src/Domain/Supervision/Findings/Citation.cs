using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>A case an instrument cites (援引案件), with what the case found when it was cited. A case converted into a
/// supervision procedure before it was decided is cited by its id alone.</summary>
public sealed record Citation
{
    public required string CaseId { get; init; }

    public FindingSource? Source { get; init; }

    public DateOnly? FoundOn { get; init; }

    public DecisionType? DecisionType { get; init; }

    public IReadOnlyList<FlawKind> Flaws { get; init; } = [];

    public string? LegalBasis { get; init; }

    public static Citation Of(AgencyFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new()
        {
            CaseId = finding.CaseId,
            Source = finding.Source,
            FoundOn = finding.FoundOn,
            DecisionType = finding.DecisionType,
            Flaws = finding.Flaws,
            LegalBasis = finding.LegalBasis,
        };
    }

    /// <summary>The case as it stands: with its decision once decided.</summary>
    public static Citation Of(ReconsiderationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Decision is { } decision
            ? new()
            {
                CaseId = @case.Id,
                Source = FindingSource.Decision,
                FoundOn = decision.DecidedOn,
                DecisionType = decision.Type,
                Flaws = decision.Findings,
                LegalBasis = decision.LegalBasis,
            }
            : new() { CaseId = @case.Id };
    }
}
