using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Statistics;
using CaseGrains.Domain.Supervision;
using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Statistics;
using CaseGrains.Persistence.Tests.Support;

namespace CaseGrains.Persistence.Tests.Specifications;

/// <summary>
/// Every <see cref="ICaseStatistics"/> counts <see cref="StatisticsWorld"/> to the values worked out by hand from its
/// table (the sums are spelled out beside each assertion): run against PostgreSQL and in memory.
/// </summary>
public abstract class CaseStatisticsSpecification(StatisticsWorld world)
{
    private static StatisticsQuery InMarch => new() { Period = StatisticsWorld.March };

    private static InstrumentStatisticsQuery LettersInMarch => new() { Period = StatisticsWorld.March };

    [Fact]
    public async Task The_province_in_March_counts_each_cohort_by_its_own_date()
    {
        var counts = await world.Backend.Statistics.CountAsync(InMarch);

        Assert.Equal(
            new CaseCounts
            {
                // Received in March: every group but g4 and g11 (January): 4+2+3+5+1+2+2+1+3 + 2+1 + 1+1 + 3+1 + 2.
                ApplicationsReceived = 34,
                ResolvedBeforeFiling = 3, // g8 2 + g13 1
                CasesEnded = 32, // every group but g10 (open) and g11 (February)
                SubstantivelyResolved = 27, // mediated 6, settled 2, withdrawn after correction 1, decisions 15, before filing 3
                MediatedOrSettled = 8, // g1 4 + g18 2 + g2 2
                Decisions = 15, // g3 3 + g4 1 + g5 5 + g12 2 + g14 1 + g16 3
                CorrectingDecisions = 9, // g3 3 + g4 1 + g12 2 + g16 3
                WithdrawnAfterAgencyCorrected = 1, // g6
                EndedAfterAcceptance = 27, // 32 less g8 2, g9 1, g13 1, g15 1
                EndedWithinDecisionPeriod = 25, // 27 less g4 and g14
            },
            counts);
    }

    [Fact]
    public async Task The_figures_of_the_province_in_March()
    {
        var figures = new CaseFigures(await world.Backend.Statistics.CountAsync(InMarch));

        Assert.Equal(27, figures.SubstantivelyResolved);
        Assert.Equal(0.8438m, figures.ClosureRate.Rate); // 27 / 32 = 0.84375
        Assert.Equal(0.25m, figures.MediationAndSettlementRate.Rate); // 8 / 32
        Assert.Equal(0.6m, figures.DirectCorrectionRate.Rate); // 9 / 15
        Assert.Equal(0.3125m, figures.CorrectionRate.Rate); // (9 + 1) / 32
        Assert.Equal(0.0882m, figures.ResolvedBeforeFiling.Rate); // 3 / 34
        Assert.Equal(0.9259m, figures.DeadlinesMetOnTime.Rate); // 25 / 27
    }

    [Fact]
    public async Task A_region_includes_its_subregions_and_not_a_sibling_whose_code_it_prefixes()
    {
        var dadong = await world.Backend.Statistics.CountAsync(InMarch with { RegionId = "R210104" });
        var shenyang = await world.Backend.Statistics.CountAsync(InMarch with { RegionId = "R210100" });

        // Dadong: A-DD-PSB (received 23, ended 21) and its township's A-DD-TWN (received 3, ended 3).
        Assert.Equal((26L, 24L, 6L, 1L), (dadong.ApplicationsReceived, dadong.CasesEnded, dadong.CorrectingDecisions, dadong.WithdrawnAfterAgencyCorrected));

        // Shenyang adds Heping's A-HP-MKT (received 2, ended 2); R2101's A-2101 is not in it.
        Assert.Equal((28L, 26L), (shenyang.ApplicationsReceived, shenyang.CasesEnded));
    }

    [Fact]
    public async Task Body_and_agency_filters_and_an_unknown_region()
    {
        var dalianBody = await world.Backend.Statistics.CountAsync(InMarch with { CompetentBodyId = "B-DL" });
        var agency = await world.Backend.Statistics.CountAsync(InMarch with { RespondentAgencyId = "A-DD-TWN" });
        var unknown = await world.Backend.Statistics.CountAsync(InMarch with { RegionId = "R999999" });

        Assert.Equal((4L, 4L, 3L), (dalianBody.ApplicationsReceived, dalianBody.CasesEnded, dalianBody.CorrectingDecisions)); // A-ZS-PSB
        Assert.Equal((3L, 1L, 3L, 2L), (agency.ApplicationsReceived, agency.ResolvedBeforeFiling, agency.CasesEnded, agency.Decisions));
        Assert.Equal(CaseCounts.Zero, unknown);
    }

    [Fact]
    public async Task The_scope_limits_the_counts_to_the_cases_the_asker_may_list()
    {
        // B-DL decides A-ZS-PSB's cases and received A-DD-TWN's: 4 + 3 each way.
        var body = await world.Backend.Statistics.CountAsync(InMarch with { Scope = CaseListScope.Body("B-DL") });
        var regionScopeWithOtherRegion = await world.Backend.Statistics.CountAsync(
            InMarch with { Scope = CaseListScope.Region(Given.PathOf("R210200")), RegionId = "R210104" });
        var agencyScope = await world.Backend.Statistics.CountAsync(InMarch with { Scope = CaseListScope.RespondentAgency("A-HP-MKT") });

        Assert.Equal((7L, 7L, 5L), (body.ApplicationsReceived, body.CasesEnded, body.CorrectingDecisions));
        Assert.Equal(CaseCounts.Zero, regionScopeWithOtherRegion);
        Assert.Equal((2L, 2L, 1L, 1L), (agencyScope.ApplicationsReceived, agencyScope.CasesEnded, agencyScope.Decisions, agencyScope.EndedAfterAcceptance));
    }

    [Fact]
    public async Task Open_ended_and_narrow_periods()
    {
        var always = await world.Backend.Statistics.CountAsync(new StatisticsQuery { RespondentAgencyId = "A-DD-PSB" });
        var lateMarch = await world.Backend.Statistics.CountAsync(new StatisticsQuery
        {
            Period = new(new DateOnly(2025, 3, 26), new DateOnly(2025, 3, 28)),
        });
        var fromApril = await world.Backend.Statistics.CountAsync(new StatisticsQuery { Period = new(new DateOnly(2025, 4, 1), null) });

        // A-DD-PSB: 26 cases (g1 to g11); 23 ended (all but g10); the decisions of g3 3, g4 1, g5 5 and g11 2.
        Assert.Equal((26L, 23L, 11L, 6L), (always.ApplicationsReceived, always.CasesEnded, always.Decisions, always.CorrectingDecisions));

        // Ended 3-26 to 3-28: g5 (3-26) 5, g12 (3-27) 2, g4 (3-28) 1; nothing received then.
        Assert.Equal((0L, 8L, 3L), (lateMarch.ApplicationsReceived, lateMarch.CasesEnded, lateMarch.CorrectingDecisions));
        Assert.Equal(CaseCounts.Zero, fromApril);
    }

    [Fact]
    public async Task Counts_by_agency_rank_by_correction_rate()
    {
        var ranked = AgencyCorrections.Rank(await world.Backend.Statistics.CountByAgencyAsync(InMarch));

        // A-ZS-PSB 3/4, A-DD-TWN 2/3, A-DD-PSB (4 + 1)/21, then A-2101 0/2 and A-HP-MKT 0/2 by id.
        Assert.Equal(
            [("A-ZS-PSB", 4L, 0.75m), ("A-DD-TWN", 3L, 0.6667m), ("A-DD-PSB", 21L, 0.2381m), ("A-2101", 2L, 0m), ("A-HP-MKT", 2L, 0m)],
            ranked.Select(a => (a.AgencyId, a.Counts.CasesEnded, a.CorrectionRate.Rate!.Value)));
        Assert.All(ranked, a => Assert.Equal(0L, a.Counts.ApplicationsReceived));
    }

    [Fact]
    public async Task Counts_by_agency_in_a_region_and_scope()
    {
        var ranked = await world.Backend.Statistics.CountByAgencyAsync(InMarch with { RegionId = "R210100", Scope = CaseListScope.Body("B-DL") });

        Assert.Equal([("A-DD-TWN", 3L)], ranked.Select(a => (a.AgencyId, a.Counts.CasesEnded)));
    }

    [Fact]
    public async Task An_agencys_activity_shows_open_cases_decisions_by_type_and_flaws_by_month()
    {
        var march = await world.Backend.Statistics.ActivityAsync(InMarch with { RespondentAgencyId = "A-DD-PSB" });
        var always = await world.Backend.Statistics.ActivityAsync(new StatisticsQuery { RespondentAgencyId = "A-DD-PSB" });

        Assert.Equal(3, march.OpenCases);
        Assert.Equal([new(DecisionType.Annul, 4), new DecisionTypeCount(DecisionType.Uphold, 5)], march.DecisionsByType);
        var m3 = new DateOnly(2025, 3, 1);
        Assert.Equal([new(m3, FlawKind.Procedure, 4), new MonthlyFlawCount(m3, FlawKind.Facts, 3)], march.FlawsByMonth);

        var m2 = new DateOnly(2025, 2, 1);
        Assert.Equal(
            [new(DecisionType.Alter, 2), new(DecisionType.Annul, 4), new DecisionTypeCount(DecisionType.Uphold, 5)],
            always.DecisionsByType);
        Assert.Equal(
            [new(m2, FlawKind.LegalBasis, 2), new(m3, FlawKind.Procedure, 4), new MonthlyFlawCount(m3, FlawKind.Facts, 3)],
            always.FlawsByMonth);
    }

    [Fact]
    public async Task Nothing_in_scope_gives_zero_counts_and_rates_without_a_value()
    {
        var counts = await world.Backend.Statistics.CountAsync(InMarch with { Scope = CaseListScope.Applicant("nobody") });
        var figures = new CaseFigures(counts);

        Assert.Equal(CaseCounts.Zero, counts);
        Assert.Null(figures.ClosureRate.Rate);
        Assert.Null(figures.DirectCorrectionRate.Rate);
        Assert.Null(figures.ResolvedBeforeFiling.Rate);
    }

    [Fact]
    public async Task Opinion_letters_count_by_their_issue_date_never_a_draft_or_a_notice()
    {
        var statistics = world.Backend.Statistics;

        // March: i1 (3-05), i3 (3-12), i7 (3-15), i6 (3-28); not i2 (January), i10 (February), the notices i5 and i8,
        // the draft i4 nor the discarded i9.
        Assert.Equal(4, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch));
        Assert.Equal(6, await statistics.CountOpinionLettersIssuedAsync(new InstrumentStatisticsQuery()));
        Assert.Equal(2, await statistics.CountOpinionLettersIssuedAsync(new InstrumentStatisticsQuery
        {
            Period = new(new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 15)), // i3, i7: both ends included
        }));
    }

    [Fact]
    public async Task Opinion_letters_by_region_body_agency_and_scope()
    {
        var statistics = world.Backend.Statistics;

        // Dadong and its township: i1, i3, i6; Shenyang the same (Heping's i9 was discarded), not R2101's i10.
        Assert.Equal(3, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch with { RegionId = "R210104" }));
        Assert.Equal(3, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch with { RegionId = "R210100" }));
        Assert.Equal(0, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch with { RegionId = "R999999" }));
        Assert.Equal(1, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch with { IssuingBodyId = "B-DL" })); // i7
        Assert.Equal(2, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch with { AgencyId = "A-DD-PSB" })); // i1, i3

        // Scopes as the instrument list's: a body's own, a township supervisor's region, an agency's own.
        Assert.Equal(3, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch with { ScopeIssuingBodyId = "B-SY" }));
        Assert.Equal(1, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch with { ScopeRegionPath = Given.PathOf("R210104001") }));
        Assert.Equal(1, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch with { ScopeRegionPath = Given.PathOf("R210200") }));
        Assert.Equal(0, await statistics.CountOpinionLettersIssuedAsync(LettersInMarch with { ScopeAgencyId = "A-HP-MKT" }));
    }

    [Fact]
    public async Task Open_instruments_by_agency_whatever_the_period()
    {
        var statistics = world.Backend.Statistics;
        var all = await statistics.CountOpenInstrumentsByAgencyAsync(LettersInMarch);
        var byBody = await statistics.CountOpenInstrumentsByAgencyAsync(new InstrumentStatisticsQuery { ScopeIssuingBodyId = "B-SY", RegionId = "R210100" });

        // Open: i1, i2, i5 (A-DD-PSB; i2 and i5 overdue), i6 (A-DD-TWN), i8 (A-ZS-PSB), i10 (A-2101, overdue).
        Assert.Equal(
            [new("A-2101", 1, 1), new("A-DD-PSB", 3, 2), new("A-DD-TWN", 1, 0), new AgencyInstrumentCounts("A-ZS-PSB", 1, 0)],
            all.OrderBy(a => a.AgencyId, StringComparer.Ordinal));

        // B-SY's own in Shenyang: i1, i2 (overdue), i6; S-SY's notice i5 is not B-SY's.
        Assert.Equal(
            [new("A-DD-PSB", 2, 1), new AgencyInstrumentCounts("A-DD-TWN", 1, 0)],
            byBody.OrderBy(a => a.AgencyId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_agencys_open_instruments_earliest_due_first()
    {
        var open = await world.Backend.Statistics.ListOpenInstrumentsAsync(new InstrumentStatisticsQuery { AgencyId = "A-DD-PSB" });
        var township = await world.Backend.Statistics.ListOpenInstrumentsAsync(new InstrumentStatisticsQuery { AgencyId = "A-DD-TWN" });

        Assert.Equal(
            [
                new("i2", InstrumentKind.OpinionLetter, InstrumentStatus.Overdue, "B-SY〔2025〕i2号", new DateOnly(2025, 3, 11), true),
                new("i5", InstrumentKind.SupervisionNotice, InstrumentStatus.RectificationReported, "S-SY〔2025〕i5号", new DateOnly(2025, 4, 20), true),
                new OpenInstrument("i1", InstrumentKind.OpinionLetter, InstrumentStatus.Received, "B-SY〔2025〕i1号", new DateOnly(2025, 5, 4), false),
            ],
            open);
        Assert.Equal([new OpenInstrument("i6", InstrumentKind.OpinionLetter, InstrumentStatus.Issued, "B-SY〔2025〕i6号", null, false)], township);
    }

    [Fact]
    public async Task The_supervisors_view_ranks_by_overdue_rectifications_then_open_notices_then_correction_rate()
    {
        var statistics = world.Backend.Statistics;
        var open = (await statistics.CountOpenInstrumentsByAgencyAsync(LettersInMarch)).ToDictionary(a => a.AgencyId);
        var rows = (await statistics.CountByAgencyAsync(InMarch)).Select(c =>
            new AgencySupervision(c, open.GetValueOrDefault(c.AgencyId)?.OpenNotices ?? 0, open.GetValueOrDefault(c.AgencyId)?.OverdueRectifications ?? 0));

        // Overdue: A-DD-PSB 2, A-2101 1; then open notices: A-ZS-PSB 1 and A-DD-TWN 1 in rate order (3/4 before 2/3),
        // A-HP-MKT none.
        Assert.Equal(
            ["A-DD-PSB", "A-2101", "A-ZS-PSB", "A-DD-TWN", "A-HP-MKT"],
            AgencySupervision.Rank(rows, AgencyRankingOrder.OverdueRectifications).Select(a => a.Corrections.AgencyId));
        Assert.Equal(
            ["A-ZS-PSB", "A-DD-TWN", "A-DD-PSB", "A-2101", "A-HP-MKT"],
            AgencySupervision.Rank(rows, AgencyRankingOrder.CorrectionRate).Select(a => a.Corrections.AgencyId));
    }
}
