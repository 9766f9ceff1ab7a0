using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class TerminationTests
{
    private static CaseBuilder AcceptedOnMarch3() => Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();

    [Fact]
    public void Termination_ends_the_case_on_its_ground()
    {
        var transition = AcceptedOnMarch3().On(D(2025, 3, 20))
            .When(new Terminate { Ground = TerminationGround.CriminalCompulsoryMeasures, Reason = "申请人因同一违法行为被刑事拘留" });

        var terminated = transition.ShouldRecord<CaseTerminated>();
        var state = transition.State!;
        Assert.Equal((CaseStatus.Terminated, CaseEnding.Terminated, D(2025, 3, 20)), (state.Status, state.Ending, state.EndedOn));
        Assert.Equal((TerminationGround.CriminalCompulsoryMeasures, "申请人因同一违法行为被刑事拘留"), (state.Termination!.Ground, state.Termination.Reason));
        Assert.Equal(TerminationGround.CriminalCompulsoryMeasures, terminated.Ground);
    }

    [Fact]
    public void A_suspension_for_the_applicants_death_lapses_after_sixty_days()
    {
        var transition = AcceptedOnMarch3().On(D(2025, 3, 10)).Suspended(SuspensionGround.ApplicantDied)
            .On(D(2025, 5, 9)).When(new Terminate { Ground = TerminationGround.SuspensionLapsed });

        var state = transition.ShouldSucceed().State;
        Assert.Equal(CaseEnding.Terminated, state.Ending);

        // The decision period stood still during the suspension, so ending now meets it.
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.Decision)!.StatusOn(D(2025, 5, 9)));
        Assert.Equal(DeadlineStatus.Cancelled, state.CurrentDeadline(DeadlineKind.CopyToRespondent)!.StatusOn(D(2025, 5, 9)));
    }

    [Fact]
    public void A_suspension_does_not_lapse_before_sixty_days()
    {
        var transition = AcceptedOnMarch3().On(D(2025, 3, 10)).Suspended(SuspensionGround.OrganisationDissolved)
            .On(D(2025, 5, 8)).When(new Terminate { Ground = TerminationGround.SuspensionLapsed });

        transition.ShouldViolate("suspension_not_lapsed", "第四十一条");
    }

    [Fact]
    public void A_case_that_is_not_suspended_cannot_lapse()
    {
        AcceptedOnMarch3().When(new Terminate { Ground = TerminationGround.SuspensionLapsed }).ShouldViolate("suspension_not_lapsed", "第四十一条");
    }

    [Fact]
    public void Only_a_death_incapacity_or_dissolution_lapses()
    {
        var transition = AcceptedOnMarch3().On(D(2025, 3, 10)).Suspended(SuspensionGround.DependsOnOtherCase)
            .On(D(2025, 6, 10)).When(new Terminate { Ground = TerminationGround.SuspensionLapsed });

        transition.ShouldViolate("suspension_ground_does_not_lapse", "第四十一条");
    }

    [Fact]
    public void An_application_not_yet_accepted_is_not_terminated()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).When(new Terminate { Ground = TerminationGround.ApplicantDiedNoHeir }).ShouldNotBeAllowed(CaseStatus.Received);
    }

    public static TheoryData<string> WithdrawableStates => ["received", "awaitingCorrection", "underReview", "inMediation", "suspended"];

    [Theory]
    [MemberData(nameof(WithdrawableStates))]
    public void The_applicant_may_withdraw_until_the_case_ends(string state)
    {
        var builder = Given.CaseReceivedOn(D(2025, 3, 3));
        _ = state switch
        {
            "awaitingCorrection" => builder.CorrectionRequested(),
            "underReview" => builder.Accepted(),
            "inMediation" => builder.Accepted().MediationStarted(),
            "suspended" => builder.Accepted().Suspended(),
            _ => builder,
        };

        var transition = builder.On(D(2025, 3, 6)).When(new Withdraw());

        Assert.False(transition.ShouldRecord<ApplicationWithdrawn>().AfterAgencyCorrected);
        Assert.Equal((CaseStatus.Terminated, CaseEnding.Withdrawn, D(2025, 3, 6)), (transition.State!.Status, transition.State.Ending, transition.State.EndedOn));
        Assert.DoesNotContain(transition.State.Deadlines, d => d.Phase is DeadlinePhase.Running or DeadlinePhase.Paused);
    }

    [Fact]
    public void A_withdrawal_after_the_agency_corrected_its_act_counts_as_a_correction()
    {
        var transition = AcceptedOnMarch3().When(new Withdraw { AfterAgencyCorrected = true, Reason = "被申请人已撤销原处罚决定" });

        Assert.True(transition.ShouldRecord<ApplicationWithdrawn>().AfterAgencyCorrected);
        Assert.Equal(CaseEnding.WithdrawnAfterAgencyCorrected, transition.State!.Ending);
    }

    [Fact]
    public void A_decided_case_is_not_withdrawn()
    {
        AcceptedOnMarch3().RespondentHeard().Decided().When(new Withdraw()).ShouldNotBeAllowed(CaseStatus.Decided);
    }
}
