using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class DecisionTests
{
    private static CaseBuilder Heard() => Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().On(D(2025, 3, 5)).RespondentHeard().On(D(2025, 4, 20));

    [Fact]
    public void A_decision_ends_the_case_and_meets_the_decision_period()
    {
        var transition = Heard().When(Decisions.Of(DecisionType.Annul, orderNewAct: true));

        var made = transition.ShouldRecord<DecisionMade>();
        var state = transition.State!;
        Assert.Equal((CaseStatus.Decided, CaseEnding.Decided, D(2025, 4, 20)), (state.Status, state.Ending, state.EndedOn));
        Assert.Equal((DecisionType.Annul, true, "李主任", D(2025, 4, 20)), (state.Decision!.Type, state.Decision.OrderNewAct, state.Decision.ApprovedBy, state.Decision.DecidedOn));
        Assert.Equal([FlawKind.Facts], state.Decision.Findings);
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.Decision)!.StatusOn(D(2025, 4, 20)));
        Assert.Equal((D(2025, 4, 20), D(2025, 5, 6)), (made.DecidedOn, made.DecisionDueOn));
    }

    [Fact]
    public void A_decision_after_the_period_shows_it_as_missed()
    {
        var state = Heard().On(D(2025, 5, 7)).Decided().State;

        Assert.Equal(DeadlineStatus.Missed, state.CurrentDeadline(DeadlineKind.Decision)!.StatusOn(D(2025, 5, 7)));
    }

    [Fact]
    public void Each_finding_is_recorded_once()
    {
        var command = Decisions.Of(DecisionType.DeclareUnlawful) with { Findings = [FlawKind.Procedure, FlawKind.Procedure, FlawKind.Facts] };

        Assert.Equal([FlawKind.Procedure, FlawKind.Facts], Heard().Then(command).State.Decision!.Findings);
    }

    public static TheoryData<DecisionType> CorrectingTypes =>
        [DecisionType.Alter, DecisionType.Annul, DecisionType.PartiallyAnnul, DecisionType.DeclareUnlawful, DecisionType.OrderPerformance, DecisionType.DeclareVoid];

    public static TheoryData<DecisionType> NonCorrectingTypes => [DecisionType.Uphold, DecisionType.RejectClaim, DecisionType.DismissApplication];

    [Theory]
    [MemberData(nameof(CorrectingTypes))]
    public void A_correcting_decision_names_what_was_wrong_with_the_act(DecisionType type)
    {
        Assert.True(type.IsCorrection);
        Heard().When(Decisions.Of(type) with { Findings = [] }).ShouldViolate("findings_required", "第六十三条至第六十七条");
    }

    [Theory]
    [MemberData(nameof(NonCorrectingTypes))]
    public void A_decision_that_does_not_correct_the_act_lists_no_flaws(DecisionType type)
    {
        Assert.False(type.IsCorrection);
        Heard().When(Decisions.Of(type) with { Findings = [FlawKind.Procedure] }).ShouldViolate("findings_not_allowed", "第六十八条");
    }

    [Theory]
    [InlineData(DecisionType.Annul)]
    [InlineData(DecisionType.PartiallyAnnul)]
    public void An_annulment_may_order_a_new_act(DecisionType type)
    {
        Assert.True(Heard().Then(Decisions.Of(type, orderNewAct: true)).State.Decision!.OrderNewAct);
    }

    [Theory]
    [InlineData(DecisionType.Alter)]
    [InlineData(DecisionType.DeclareUnlawful)]
    [InlineData(DecisionType.Uphold)]
    public void Only_an_annulment_orders_a_new_act(DecisionType type)
    {
        Heard().When(Decisions.Of(type, orderNewAct: true)).ShouldViolate("new_act_order_not_applicable", "第六十四条");
    }

    public static TheoryData<string, Func<Decide, Decide>> IncompleteDecisions => new()
    {
        { "legalBasis", d => d with { LegalBasis = "" } },
        { "summary", d => d with { Summary = " " } },
        { "approvedBy", d => d with { ApprovedBy = "" } },
    };

    [Theory]
    [MemberData(nameof(IncompleteDecisions))]
    public void A_decision_states_its_basis_and_reasons_and_who_approved_it(string field, Func<Decide, Decide> spoil)
    {
        Heard().When(spoil(Decisions.Of(DecisionType.Uphold))).ShouldBeInvalid(field);
    }

    [Fact]
    public void No_decision_before_the_respondent_was_sent_the_copy()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().When(Decisions.Of(DecisionType.Uphold));

        transition.ShouldViolate("respondent_not_heard", "第四十八条");
    }

    [Fact]
    public void No_decision_while_the_respondent_may_still_reply()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().CopySent().When(Decisions.Of(DecisionType.Uphold));

        transition.ShouldViolate("respondent_not_heard", "第七十条");
    }

    [Fact]
    public void A_respondent_that_did_not_reply_has_had_its_chance()
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().CopySent().On(D(2025, 3, 25)).Then(new RecordNoReply());

        Assert.Equal(CaseStatus.Decided, builder.Then(Decisions.Of(DecisionType.Annul)).State.Status);
    }

    [Theory]
    [InlineData(DecisionType.Uphold)]
    [InlineData(DecisionType.RejectClaim)]
    public void An_act_without_a_reply_is_treated_as_without_evidence_and_cannot_be_upheld(DecisionType type)
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().CopySent().On(D(2025, 3, 25)).Then(new RecordNoReply())
            .When(Decisions.Of(type));

        transition.ShouldViolate("act_without_evidence", "第七十条");
    }

    private static CaseBuilder MajorCaseHeard() =>
        Given.CaseReceivedOn(D(2025, 9, 1)).Accepted(isMajor: true).RespondentHeard().On(D(2025, 9, 22));

    [Fact]
    public void A_major_case_is_not_decided_without_a_hearing()
    {
        var transition = MajorCaseHeard().Then(new RequestCommitteeConsultation()).Then(new RecordCommitteeOpinion { Opinion = "建议维持" })
            .When(Decisions.Of(DecisionType.Uphold));

        transition.ShouldViolate("hearing_required", "第五十条");
    }

    [Fact]
    public void A_major_case_is_not_decided_without_the_committees_opinion()
    {
        var transition = MajorCaseHeard().HearingScheduledFor(D(2025, 10, 13)).Then(new SendHearingNotice())
            .On(D(2025, 10, 13)).Then(new HoldHearing { Summary = "听证" })
            .Then(new RequestCommitteeConsultation())
            .When(Decisions.Of(DecisionType.Uphold));

        transition.ShouldViolate("committee_opinion_required", "第五十二条");
    }

    [Fact]
    public void A_major_case_is_decided_after_a_hearing_and_the_committees_opinion()
    {
        var state = MajorCaseHeard().HearingScheduledFor(D(2025, 10, 13)).Then(new SendHearingNotice())
            .On(D(2025, 10, 13)).Then(new HoldHearing { Summary = "听证" })
            .Then(new RequestCommitteeConsultation()).On(D(2025, 10, 20)).Then(new RecordCommitteeOpinion { Opinion = "建议维持" })
            .Then(Decisions.Of(DecisionType.Uphold)).State;

        Assert.Equal(CaseStatus.Decided, state.Status);
    }

    [Fact]
    public void A_decision_ends_the_hearing_notice_period_that_no_longer_applies()
    {
        var state = Given.CaseReceivedOn(D(2025, 9, 1)).Accepted().RespondentHeard().On(D(2025, 9, 22)).HearingScheduledFor(D(2025, 10, 13))
            .Decided().State;

        Assert.Equal(DeadlineStatus.Cancelled, state.CurrentDeadline(DeadlineKind.HearingNotice)!.StatusOn(D(2025, 9, 22)));
    }

    [Fact]
    public void A_suspended_case_is_not_decided()
    {
        Heard().Suspended().When(Decisions.Of(DecisionType.Uphold)).ShouldNotBeAllowed(CaseStatus.Suspended);
    }
}
