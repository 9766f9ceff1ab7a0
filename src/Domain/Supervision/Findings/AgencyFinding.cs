using System.Text.Json.Serialization;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// What one case tells the agency it was about (办理一案): a decided reconsideration case, one that ended after the agency
/// corrected itself, or a substantiated complaint. Delivered at least once; <see cref="SourceVersion"/> orders deliveries
/// for the same case, so that a later finding replaces an earlier one and a stale one changes nothing. Case ids and
/// complaint ids carry distinct prefixes, so <see cref="CaseId"/> alone identifies the source.
/// </summary>
public sealed record AgencyFinding
{
    public required FindingSource Source { get; init; }

    public required string CaseId { get; init; }

    /// <summary>被申请人 or the agency complained of.</summary>
    public required string AgencyId { get; init; }

    /// <summary>The day of the decision, of the ending after self-correction, or of the complaint's handling: the day a
    /// pattern's window is measured by.</summary>
    public required DateOnly FoundOn { get; init; }

    /// <summary>Set for <see cref="FindingSource.Decision"/> only.</summary>
    public DecisionType? DecisionType { get; init; }

    /// <summary>What was wrong with the act; empty for a decision that did not correct it, and possibly for a
    /// self-correction nobody characterised.</summary>
    public required IReadOnlyList<FlawKind> Flaws { get; init; }

    public string? LegalBasis { get; init; }

    /// <summary>The source's version (its history position) when the finding was made.</summary>
    public required long SourceVersion { get; init; }

    /// <summary>Whether the finding corrects the agency: a correcting decision (直接纠错, <see cref="DecisionTypeExtensions"/>),
    /// a self-correction, or a substantiated complaint. Only corrections count toward a pattern and the correction rate's
    /// numerator.</summary>
    [JsonIgnore]
    public bool IsCorrection => Source != FindingSource.Decision || (DecisionType is { } type && type.IsCorrection);

    /// <summary>Whether the finding comes from a reconsideration case, the population of the correction rate.</summary>
    [JsonIgnore]
    public bool IsReconsideration => Source != FindingSource.Complaint;

    /// <summary>The finding the change <paramref name="event"/> left <paramref name="case"/> with, or null: only a decision, a
    /// withdrawal (after the agency corrected itself) or a settlement (on a correction the officer named) gives one; any
    /// other change of a case already decided leaves its finding where it was.</summary>
    public static AgencyFinding? AfterChange(ReconsiderationCase @case, CaseEvent @event, long version, IReadOnlyList<FlawKind>? correctedFlaws) =>
        @event is DecisionMade or ApplicationWithdrawn or SettlementReached
            ? FromCase(@case, version, @event is SettlementReached ? correctedFlaws : null)
            : null;

    /// <summary>
    /// The finding a reconsideration case gives its respondent, or null when it gives none: a decided case gives its
    /// decision; a case withdrawn after the agency corrected itself (<see cref="CaseEnding.WithdrawnAfterAgencyCorrected"/>)
    /// gives a self-correction; a settled case gives one only when the officer says the agency corrected itself and names
    /// what (<paramref name="correctedFlaws"/>), since a settlement alone does not say so. A decision already names its flaws.
    /// </summary>
    /// <exception cref="ArgumentException">Flaws were named for a decided case.</exception>
    public static AgencyFinding? FromCase(ReconsiderationCase @case, long version, IReadOnlyList<FlawKind>? correctedFlaws = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var named = (correctedFlaws ?? []).Distinct().Order().ToList();
        if (@case.Decision is { } decision)
        {
            if (named.Count > 0)
            {
                throw new ArgumentException("A decided case's flaws are those of its decision.", nameof(correctedFlaws));
            }

            return new()
            {
                Source = FindingSource.Decision,
                CaseId = @case.Id,
                AgencyId = @case.RespondentAgencyId,
                FoundOn = decision.DecidedOn,
                DecisionType = decision.Type,
                Flaws = decision.Findings,
                LegalBasis = decision.LegalBasis,
                SourceVersion = version,
            };
        }

        var selfCorrected = @case.Ending == CaseEnding.WithdrawnAfterAgencyCorrected
            || (@case.Ending == CaseEnding.Settled && named.Count > 0);
        return selfCorrected
            ? new()
            {
                Source = FindingSource.SelfCorrection,
                CaseId = @case.Id,
                AgencyId = @case.RespondentAgencyId,
                FoundOn = @case.EndedOn!.Value,
                Flaws = named,
                SourceVersion = version,
            }
            : null;
    }
}
