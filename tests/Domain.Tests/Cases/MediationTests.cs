using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class MediationTests
{
    private static CaseBuilder UnderReview() => Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().On(D(2025, 3, 10));

    [Fact]
    public void Starting_mediation_puts_the_case_in_mediation()
    {
        var transition = UnderReview().When(new StartMediation());

        Assert.Equal(D(2025, 3, 10), transition.ShouldRecord<MediationStarted>().StartedOn);
        Assert.Equal((CaseStatus.InMediation, D(2025, 3, 10)), (transition.State!.Status, transition.State.Mediation!.StartedOn));
    }

    [Fact]
    public void A_signed_mediation_document_ends_the_case_within_its_decision_period()
    {
        var transition = UnderReview().MediationStarted().On(D(2025, 3, 20)).When(new RecordMediationAgreement { Terms = "被申请人将罚款降为500元" });

        Assert.Equal("被申请人将罚款降为500元", transition.ShouldRecord<MediationAgreementSigned>().Terms);
        var state = transition.State!;
        Assert.Equal((CaseStatus.Mediated, CaseEnding.Mediated, D(2025, 3, 20)), (state.Status, state.Ending, state.EndedOn));
        Assert.Equal(("被申请人将罚款降为500元", D(2025, 3, 20)), (state.Mediation!.AgreementTerms, state.Mediation.AgreedOn));
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.Decision)!.StatusOn(D(2025, 3, 20)));

        // The copy was never sent: that period no longer applies rather than being missed.
        Assert.Equal(DeadlineStatus.Cancelled, state.CurrentDeadline(DeadlineKind.CopyToRespondent)!.StatusOn(D(2025, 3, 20)));
    }

    [Fact]
    public void The_mediation_document_states_its_terms()
    {
        UnderReview().MediationStarted().When(new RecordMediationAgreement { Terms = "" }).ShouldBeInvalid("terms");
    }

    [Fact]
    public void A_failed_mediation_returns_the_case_to_review()
    {
        var transition = UnderReview().MediationStarted().On(D(2025, 3, 14)).When(new RecordMediationFailure());

        Assert.Equal(D(2025, 3, 14), transition.ShouldRecord<MediationFailed>().FailedOn);
        Assert.Equal((CaseStatus.UnderReview, D(2025, 3, 14)), (transition.State!.Status, transition.State.Mediation!.FailedOn));
    }

    [Fact]
    public void No_decision_is_made_while_mediation_is_under_way()
    {
        UnderReview().RespondentHeard().MediationStarted().When(Decisions.Of(DecisionType.Uphold)).ShouldNotBeAllowed(CaseStatus.InMediation);
    }

    [Fact]
    public void The_statutory_steps_go_on_during_mediation()
    {
        var state = UnderReview().MediationStarted().CopySent().State;

        Assert.Equal(CaseStatus.InMediation, state.Status);
        Assert.Contains(CaseActionName.RecordReply, state.AllowedActions());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_settlement_ends_the_case_from_review_or_mediation(bool inMediation)
    {
        var builder = UnderReview();
        if (inMediation)
        {
            builder.MediationStarted();
        }

        var transition = builder.When(new Settle { Terms = "双方达成和解，申请人撤回申请" });

        Assert.Equal("双方达成和解，申请人撤回申请", transition.ShouldRecord<SettlementReached>().Terms);
        var state = transition.State!;
        Assert.Equal((CaseStatus.Terminated, CaseEnding.Settled), (state.Status, state.Ending));
        Assert.Equal(D(2025, 3, 10), state.Settlement!.SettledOn);
    }

    [Fact]
    public void A_settlement_states_its_terms()
    {
        UnderReview().When(new Settle { Terms = " " }).ShouldBeInvalid("terms");
    }

    [Fact]
    public void Mediation_outcomes_are_recorded_only_during_mediation()
    {
        UnderReview().When(new RecordMediationFailure()).ShouldNotBeAllowed(CaseStatus.UnderReview);
    }
}
