using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Supervision;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Supervision;

/// <summary>What a reconsideration case tells its respondent agency when it ends.</summary>
public sealed class AgencyFindingTests
{
    private static CaseBuilder Heard() => CaseStates.Named("heard").On(D(2025, 4, 20));

    [Fact]
    public void A_decided_case_tells_the_agency_its_decision()
    {
        var @case = Heard().Then(Decisions.Of(DecisionType.DeclareUnlawful) with { Findings = [FlawKind.Procedure, FlawKind.Facts] }).State;

        var finding = AgencyFinding.FromCase(@case, version: 7)!;

        Assert.Equal(
            new AgencyFinding
            {
                Source = FindingSource.Decision, CaseId = "FY-2025-0001", AgencyId = Agency.Id, FoundOn = D(2025, 4, 20),
                DecisionType = DecisionType.DeclareUnlawful, Flaws = finding.Flaws, LegalBasis = "《中华人民共和国行政复议法》第六十四条", SourceVersion = 7,
            },
            finding);
        Assert.Equal([FlawKind.Procedure, FlawKind.Facts], finding.Flaws);
        Assert.True(finding.IsCorrection);
    }

    [Fact]
    public void Only_the_change_that_ends_a_case_gives_a_finding_not_a_later_change_of_the_decided_case()
    {
        var decided = Heard().Then(Decisions.Of(DecisionType.Annul) with { Findings = [FlawKind.Procedure] });
        var settled = CaseStates.Named("underReview").On(D(2025, 3, 20)).Then(new Settle { Terms = "被申请人撤销原处罚决定" });

        Assert.Equal(AgencyFinding.FromCase(decided.State, 7), AgencyFinding.AfterChange(decided.State, decided.Events[^1], 7, correctedFlaws: null));
        Assert.Null(AgencyFinding.AfterChange(decided.State, new DeadlinesRecomputed { RecomputedOn = D(2025, 5, 6), Changes = [] }, 8, correctedFlaws: null));
        Assert.Equal([FlawKind.Facts], AgencyFinding.AfterChange(settled.State, settled.Events[^1], 5, [FlawKind.Facts])!.Flaws);
    }

    [Theory]
    [InlineData(DecisionType.Uphold)]
    [InlineData(DecisionType.RejectClaim)]
    [InlineData(DecisionType.DismissApplication)]
    public void A_decision_that_does_not_correct_is_told_but_is_no_correction(DecisionType type)
    {
        var finding = AgencyFinding.FromCase(Heard().Decided(type).State, version: 7)!;

        Assert.Equal((FindingSource.Decision, type, false), (finding.Source, finding.DecisionType, finding.IsCorrection));
        Assert.Empty(finding.Flaws);
    }

    [Fact]
    public void A_withdrawal_after_the_agency_corrected_itself_is_a_correction_even_when_nobody_named_the_flaw()
    {
        var @case = CaseStates.Named("underReview").On(D(2025, 3, 20)).Then(new Withdraw { AfterAgencyCorrected = true }).State;

        var plain = AgencyFinding.FromCase(@case, version: 4)!;
        var named = AgencyFinding.FromCase(@case, version: 4, [FlawKind.ImproperDiscretion, FlawKind.ImproperDiscretion])!;

        Assert.Equal((FindingSource.SelfCorrection, D(2025, 3, 20), null, true), (plain.Source, plain.FoundOn, plain.DecisionType, plain.IsCorrection));
        Assert.Empty(plain.Flaws);
        Assert.Equal([FlawKind.ImproperDiscretion], named.Flaws);
    }

    [Fact]
    public void A_settlement_counts_only_when_the_officer_says_what_the_agency_corrected()
    {
        var @case = CaseStates.Named("underReview").On(D(2025, 3, 20)).Then(new Settle { Terms = "被申请人撤销原处罚决定" }).State;

        Assert.Null(AgencyFinding.FromCase(@case, version: 4));
        var finding = AgencyFinding.FromCase(@case, version: 4, [FlawKind.Facts])!;
        Assert.Equal((FindingSource.SelfCorrection, true), (finding.Source, finding.IsCorrection));
        Assert.Equal([FlawKind.Facts], finding.Flaws);
    }

    [Theory]
    [InlineData("underReview")]
    [InlineData("closedAfterWithdrawal")]
    [InlineData("mediated")]
    [InlineData("notAccepted")]
    public void A_case_that_neither_was_decided_nor_ended_after_self_correction_tells_nothing(string state)
    {
        Assert.Null(AgencyFinding.FromCase(CaseStates.Named(state).State, version: 3));
    }

    [Fact]
    public void A_decided_case_takes_its_flaws_from_the_decision()
    {
        var @case = Heard().Decided(DecisionType.Annul).State;

        Assert.Throws<ArgumentException>(() => AgencyFinding.FromCase(@case, version: 7, [FlawKind.Procedure]));
    }
}
