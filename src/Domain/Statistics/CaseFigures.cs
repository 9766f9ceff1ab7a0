namespace CaseGrains.Domain.Statistics;

/// <summary>
/// The figures of the seed's table (see the README's Statistics section for each definition), computed from
/// <see cref="CaseCounts"/>. Rates are null when their denominator is 0.
/// </summary>
public sealed record CaseFigures(CaseCounts Counts)
{
    /// <summary>实质化解: cases substantively resolved among those ended in the period.</summary>
    public long SubstantivelyResolved => Counts.SubstantivelyResolved;

    /// <summary>案结事了率: substantively resolved / cases ended.</summary>
    public Figure ClosureRate => new(Counts.SubstantivelyResolved, Counts.CasesEnded);

    /// <summary>调解和解率: ended by mediation or settlement / cases ended.</summary>
    public Figure MediationAndSettlementRate => new(Counts.MediatedOrSettled, Counts.CasesEnded);

    /// <summary>直接纠错率: correcting decisions / decisions.</summary>
    public Figure DirectCorrectionRate => new(Counts.CorrectingDecisions, Counts.Decisions);

    /// <summary>纠错率: (correcting decisions + withdrawals after the agency corrected itself) / cases ended.</summary>
    public Figure CorrectionRate => new(Counts.CorrectingDecisions + Counts.WithdrawnAfterAgencyCorrected, Counts.CasesEnded);

    /// <summary>立案前化解: received applications resolved before acceptance / applications received.</summary>
    public Figure ResolvedBeforeFiling => new(Counts.ResolvedBeforeFiling, Counts.ApplicationsReceived);

    /// <summary>按期审结: accepted cases ended within their decision period / accepted cases ended.</summary>
    public Figure DeadlinesMetOnTime => new(Counts.EndedWithinDecisionPeriod, Counts.EndedAfterAcceptance);
}
