using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Statistics;

/// <summary>
/// The counts every figure is made of, over a set of cases and a period. Two cohorts: the applications received in
/// the period (by date of receipt), and the cases that ended in it (by <see cref="CaseOutcome.EndedOn"/>). A case
/// received in March and decided in May is an application of March and a case ended in May.
/// <see cref="Of"/> counts one case; <c>+</c> adds, so a store may count in any grouping and sum.
/// </summary>
public sealed record CaseCounts
{
    public static CaseCounts Zero { get; } = new();

    /// <summary>收案: applications received in the period, however they ended or whether they are still open.</summary>
    public long ApplicationsReceived { get; init; }

    /// <summary>立案前化解: of <see cref="ApplicationsReceived"/>, those resolved before acceptance (by now).</summary>
    public long ResolvedBeforeFiling { get; init; }

    /// <summary>Cases that ended in the period, in any way (<see cref="CaseEnding"/>).</summary>
    public long CasesEnded { get; init; }

    /// <summary>Of <see cref="CasesEnded"/>, those substantively resolved (<see cref="CaseEndingFigures"/>).</summary>
    public long SubstantivelyResolved { get; init; }

    /// <summary>Of <see cref="CasesEnded"/>, those ended by mediation or settlement.</summary>
    public long MediatedOrSettled { get; init; }

    /// <summary>Of <see cref="CasesEnded"/>, those ended by a decision (every type, the dismissal of Art. 33 included).</summary>
    public long Decisions { get; init; }

    /// <summary>Of <see cref="Decisions"/>, those that alter, annul (wholly or partly), declare unlawful or void, or order
    /// performance (<see cref="DecisionTypeExtensions"/>).</summary>
    public long CorrectingDecisions { get; init; }

    /// <summary>Of <see cref="CasesEnded"/>, withdrawals after the agency corrected the act itself.</summary>
    public long WithdrawnAfterAgencyCorrected { get; init; }

    /// <summary>Of <see cref="CasesEnded"/>, those that had been accepted, so that a decision period ran.</summary>
    public long EndedAfterAcceptance { get; init; }

    /// <summary>Of <see cref="EndedAfterAcceptance"/>, those whose decision period never ran out (按期审结).</summary>
    public long EndedWithinDecisionPeriod { get; init; }

    /// <summary>What one case received on <paramref name="receivedOn"/> with <paramref name="outcome"/> adds to the
    /// counts of <paramref name="period"/>.</summary>
    public static CaseCounts Of(DateOnly receivedOn, CaseOutcome outcome, StatisticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(period);
        var received = period.Contains(receivedOn);
        var ended = outcome.Ending is { } ending && period.Contains(outcome.EndedOn) ? ending : (CaseEnding?)null;
        var decided = ended == CaseEnding.Decided;
        var accepted = ended is not null && outcome.AcceptedOn is not null;
        return new()
        {
            ApplicationsReceived = One(received),
            ResolvedBeforeFiling = One(received && outcome.Ending == CaseEnding.ResolvedBeforeFiling),
            CasesEnded = One(ended is not null),
            SubstantivelyResolved = One(ended?.IsSubstantiveResolution == true),
            MediatedOrSettled = One(ended?.IsMediationOrSettlement == true),
            Decisions = One(decided),
            CorrectingDecisions = One(decided && outcome.DecisionType?.IsCorrection == true),
            WithdrawnAfterAgencyCorrected = One(ended?.IsAgencySelfCorrection == true),
            EndedAfterAcceptance = One(accepted),
            EndedWithinDecisionPeriod = One(accepted && !outcome.DecisionOverdue),
        };
    }

    public static CaseCounts operator +(CaseCounts left, CaseCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new()
        {
            ApplicationsReceived = left.ApplicationsReceived + right.ApplicationsReceived,
            ResolvedBeforeFiling = left.ResolvedBeforeFiling + right.ResolvedBeforeFiling,
            CasesEnded = left.CasesEnded + right.CasesEnded,
            SubstantivelyResolved = left.SubstantivelyResolved + right.SubstantivelyResolved,
            MediatedOrSettled = left.MediatedOrSettled + right.MediatedOrSettled,
            Decisions = left.Decisions + right.Decisions,
            CorrectingDecisions = left.CorrectingDecisions + right.CorrectingDecisions,
            WithdrawnAfterAgencyCorrected = left.WithdrawnAfterAgencyCorrected + right.WithdrawnAfterAgencyCorrected,
            EndedAfterAcceptance = left.EndedAfterAcceptance + right.EndedAfterAcceptance,
            EndedWithinDecisionPeriod = left.EndedWithinDecisionPeriod + right.EndedWithinDecisionPeriod,
        };
    }

    public static CaseCounts Add(CaseCounts left, CaseCounts right) => left + right;

    private static long One(bool counts) => counts ? 1 : 0;
}
