using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Statistics;

/// <summary>
/// Which endings count toward which figure: the one definition that both the in-memory tally and the SQL of the
/// PostgreSQL store use (the store passes these sets as parameters rather than spelling them again).
/// </summary>
public static class CaseEndingFigures
{
    extension(CaseEnding ending)
    {
        /// <summary>
        /// 实质化解: the dispute ended for good. Mediation (including 立案前化解, a mediation before acceptance),
        /// settlement, a withdrawal after the agency corrected itself, or a decision. A decision counts because
        /// "not followed by a lawsuit" cannot be known yet: the platform records no lawsuits, so every decision is
        /// taken as not followed by one until it does. A plain withdrawal, a refusal to accept, an abandoned
        /// application and a termination under Art. 41 do not count: nothing says the dispute was resolved.
        /// </summary>
        public bool IsSubstantiveResolution => ending is CaseEnding.Mediated or CaseEnding.Settled
            or CaseEnding.WithdrawnAfterAgencyCorrected or CaseEnding.Decided or CaseEnding.ResolvedBeforeFiling;

        /// <summary>调解和解: a signed mediation document (Art. 73) or a settlement (Art. 74), after acceptance.</summary>
        public bool IsMediationOrSettlement => ending is CaseEnding.Mediated or CaseEnding.Settled;

        /// <summary>被申请人自行纠正后申请人撤回: counts toward the correction rate beside correcting decisions.</summary>
        public bool IsAgencySelfCorrection => ending is CaseEnding.WithdrawnAfterAgencyCorrected;
    }

    /// <summary>The endings for which <paramref name="holds"/> is true, for a store to match against.</summary>
    public static IReadOnlyList<CaseEnding> Where(Func<CaseEnding, bool> holds) => [.. Enum.GetValues<CaseEnding>().Where(holds)];
}
