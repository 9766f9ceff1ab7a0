using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Statistics;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Statistics;

public sealed class CaseFiguresTests
{
    private static readonly StatisticsPeriod Year2025 = new(D(2025, 1, 1), D(2025, 12, 31));

    /// <summary>Each named case as the workflow leaves it, and what it adds: ended, substantively resolved, mediated or
    /// settled, decided, correcting decision, agency self-correction, ended after acceptance.</summary>
    public static TheoryData<string, bool, bool, bool, bool, bool, bool, bool> Endings => new()
    {
        { "received", false, false, false, false, false, false, false },
        { "underReview", false, false, false, false, false, false, false },
        { "suspended", false, false, false, false, false, false, false },
        { "decided", true, true, false, true, false, false, true },
        { "closedAfterDecision", true, true, false, true, false, false, true },
        { "mediated", true, true, true, false, false, false, true },
        { "terminated", true, false, false, false, false, false, true },
        { "closedAfterWithdrawal", true, false, false, false, false, false, true },
        { "notAccepted", true, false, false, false, false, false, false },
        { "abandoned", true, false, false, false, false, false, false },
        { "resolvedBeforeFiling", true, true, false, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Endings))]
    public void What_each_way_of_ending_adds_to_the_counts(
        string name, bool ended, bool substantive, bool mediated, bool decided, bool correcting, bool selfCorrection, bool afterAcceptance)
    {
        var @case = CaseStates.Named(name).State;

        var counts = CaseCounts.Of(@case.ReceivedOn, CaseOutcome.Of(@case), Year2025);

        Assert.Equal(
            (1L, One(ended), One(substantive), One(mediated), One(decided), One(correcting), One(selfCorrection), One(afterAcceptance), One(afterAcceptance)),
            (counts.ApplicationsReceived, counts.CasesEnded, counts.SubstantivelyResolved, counts.MediatedOrSettled, counts.Decisions,
                counts.CorrectingDecisions, counts.WithdrawnAfterAgencyCorrected, counts.EndedAfterAcceptance, counts.EndedWithinDecisionPeriod));
    }

    [Fact]
    public void A_correcting_decision_carries_its_type_and_findings_into_the_outcome()
    {
        var @case = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().RespondentHeard().On(D(2025, 3, 20)).Decided(DecisionType.Annul).State;

        var outcome = CaseOutcome.Of(@case);
        var counts = CaseCounts.Of(@case.ReceivedOn, outcome, Year2025);

        Assert.Equal((CaseEnding.Decided, D(2025, 3, 20), DecisionType.Annul), (outcome.Ending!.Value, outcome.EndedOn!.Value, outcome.DecisionType!.Value));
        Assert.NotEmpty(outcome.Findings);
        Assert.Equal((1L, 1L), (counts.Decisions, counts.CorrectingDecisions));
    }

    [Fact]
    public void A_withdrawal_after_the_agency_corrected_itself_counts_toward_the_correction_rate_only()
    {
        var @case = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().Then(new Withdraw { AfterAgencyCorrected = true }).State;

        var figures = new CaseFigures(CaseCounts.Of(@case.ReceivedOn, CaseOutcome.Of(@case), Year2025));

        Assert.Equal((1L, 1L), (figures.CorrectionRate.Numerator, figures.CorrectionRate.Denominator));
        Assert.Equal((1L, 1L), (figures.ClosureRate.Numerator, figures.ClosureRate.Denominator));
        Assert.Null(figures.DirectCorrectionRate.Rate);
    }

    [Fact]
    public void A_case_whose_decision_period_ran_out_is_not_on_time_however_it_ends()
    {
        var outcome = new CaseOutcome { AcceptedOn = D(2025, 1, 2), Ending = CaseEnding.Mediated, EndedOn = D(2025, 4, 1), DecisionOverdue = true };

        var counts = CaseCounts.Of(D(2025, 1, 1), outcome, Year2025);

        Assert.Equal((1L, 0L), (counts.EndedAfterAcceptance, counts.EndedWithinDecisionPeriod));
    }

    [Fact]
    public void Each_cohort_is_placed_in_a_period_by_its_own_date()
    {
        var outcome = new CaseOutcome { AcceptedOn = D(2025, 3, 30), Ending = CaseEnding.Decided, EndedOn = D(2025, 5, 6), DecisionType = DecisionType.Uphold };
        var march = new StatisticsPeriod(D(2025, 3, 1), D(2025, 3, 31));
        var may = new StatisticsPeriod(D(2025, 5, 1), null);

        var inMarch = CaseCounts.Of(D(2025, 3, 28), outcome, march);
        var inMay = CaseCounts.Of(D(2025, 3, 28), outcome, may);

        Assert.Equal((1L, 0L), (inMarch.ApplicationsReceived, inMarch.CasesEnded));
        Assert.Equal((0L, 1L), (inMay.ApplicationsReceived, inMay.CasesEnded));
        Assert.Equal(CaseCounts.Zero, CaseCounts.Of(D(2025, 3, 28), CaseOutcome.None, may));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(0, 7, "0")]
    [InlineData(1, 3, "0.3333")]
    [InlineData(2, 3, "0.6667")]
    [InlineData(1, 16, "0.0625")]
    [InlineData(1, 32, "0.0313")]
    [InlineData(5, 5, "1")]
    public void A_rate_has_four_decimals_rounded_half_away_from_zero_and_none_over_nothing(long numerator, long denominator, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new Figure(numerator, denominator).Rate);

    [Fact]
    public void Counts_add_field_by_field()
    {
        var a = new CaseCounts { ApplicationsReceived = 2, CasesEnded = 1, CorrectingDecisions = 1, EndedWithinDecisionPeriod = 3 };
        var b = new CaseCounts { ApplicationsReceived = 5, Decisions = 4, CorrectingDecisions = 2 };

        Assert.Equal(
            new CaseCounts { ApplicationsReceived = 7, CasesEnded = 1, Decisions = 4, CorrectingDecisions = 3, EndedWithinDecisionPeriod = 3 },
            a + b);
    }

    [Fact]
    public void The_ranking_puts_the_highest_correction_rate_first_then_more_cases_then_no_rate_last()
    {
        static AgencyCorrections Agency(string id, long ended, long corrections) =>
            new(id, new CaseCounts { CasesEnded = ended, CorrectingDecisions = corrections, Decisions = corrections });

        var ranked = AgencyCorrections.Rank(
        [
            Agency("A-NONE", 0, 0),
            Agency("A-HALF-SMALL", 2, 1),
            Agency("A-LOW", 10, 1),
            Agency("A-HALF-LARGE", 8, 4),
            Agency("A-B-HALF-SMALL", 2, 1),
            Agency("A-ALL", 1, 1),
        ]);

        Assert.Equal(["A-ALL", "A-HALF-LARGE", "A-B-HALF-SMALL", "A-HALF-SMALL", "A-LOW", "A-NONE"], ranked.Select(a => a.AgencyId));
    }

    [Fact]
    public void The_ending_sets_follow_the_seed_table()
    {
        Assert.Equal(
            [CaseEnding.ResolvedBeforeFiling, CaseEnding.WithdrawnAfterAgencyCorrected, CaseEnding.Settled, CaseEnding.Mediated, CaseEnding.Decided],
            CaseEndingFigures.Where(e => e.IsSubstantiveResolution));
        Assert.Equal([CaseEnding.Settled, CaseEnding.Mediated], CaseEndingFigures.Where(e => e.IsMediationOrSettlement));
        Assert.Equal([CaseEnding.WithdrawnAfterAgencyCorrected], CaseEndingFigures.Where(e => e.IsAgencySelfCorrection));
    }

    private static long One(bool counts) => counts ? 1 : 0;
}
