using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class SuspensionTests
{
    private static CaseBuilder AcceptedOnMarch3() => Given.CaseReceivedOn(D(2025, 3, 3)).Accepted();

    [Fact]
    public void Suspension_stops_every_running_period()
    {
        var transition = AcceptedOnMarch3().On(D(2025, 3, 5)).When(new Suspend { Ground = SuspensionGround.DependsOnOtherCase });

        var suspended = transition.ShouldRecord<CaseSuspended>();
        var state = transition.State!;
        Assert.Equal(CaseStatus.Suspended, state.Status);
        Assert.Equal((SuspensionGround.DependsOnOtherCase, D(2025, 3, 5), CaseStatus.UnderReview),
            (state.Suspension!.Ground, state.Suspension.SuspendedOn, state.Suspension.StatusBefore));
        Assert.All(state.DeadlineStatusesOn(D(2025, 6, 1)).Where(s => s.Key != DeadlineKind.Review), s => Assert.Equal(DeadlineStatus.Paused, s.Value));
        Assert.Null(state.NearestRunningDueOn());
        Assert.Equal(CaseStatus.UnderReview, suspended.StatusBefore);
    }

    [Fact]
    public void Resumption_runs_the_periods_on_with_the_days_that_were_left()
    {
        var transition = AcceptedOnMarch3().On(D(2025, 3, 5)).Suspended().On(D(2025, 4, 14)).When(new Resume());

        var resumed = transition.ShouldRecord<CaseResumed>();
        var state = transition.State!;
        Assert.Equal(CaseStatus.UnderReview, state.Status);

        // Two of sixty natural days were used: 58 from 14 April is 11 June.
        Assert.Equal(D(2025, 6, 11), state.CurrentDeadline(DeadlineKind.Decision)!.DueOn);

        // Two of seven working days were used: five from 14 April is 21 April.
        Assert.Equal(D(2025, 4, 21), state.CurrentDeadline(DeadlineKind.CopyToRespondent)!.DueOn);
        Assert.Equal((40, D(2025, 6, 11), CaseStatus.UnderReview), (resumed.SuspendedDays, resumed.DecisionDueOn, resumed.Status));
        Assert.Equal(D(2025, 4, 14), state.Suspension!.ResumedOn);
    }

    [Fact]
    public void A_decision_period_resumed_before_a_holiday_ends_after_it()
    {
        // Ten days used before the suspension; fifty from 14 April is 3 June, the day after the Dragon Boat holiday.
        var state = AcceptedOnMarch3().RespondentHeard().On(D(2025, 3, 13)).Suspended().On(D(2025, 4, 14)).Then(new Resume()).State;

        Assert.Equal(D(2025, 6, 3), state.CurrentDeadline(DeadlineKind.Decision)!.DueOn);
    }

    [Fact]
    public void A_case_suspended_during_mediation_returns_to_mediation()
    {
        var state = AcceptedOnMarch3().MediationStarted().Suspended().Then(new Resume()).State;

        Assert.Equal(CaseStatus.InMediation, state.Status);
    }

    [Fact]
    public void A_suspension_on_another_ground_must_say_why()
    {
        AcceptedOnMarch3().When(new Suspend { Ground = SuspensionGround.Other }).ShouldBeInvalid("reason", "suspension_reason_required");
        AcceptedOnMarch3().When(new Suspend { Ground = SuspensionGround.Other, Reason = "申请人申请鉴定" }).ShouldSucceed();
    }

    [Fact]
    public void A_suspended_case_is_not_suspended_again()
    {
        AcceptedOnMarch3().Suspended().When(new Suspend { Ground = SuspensionGround.ForceMajeure }).ShouldNotBeAllowed(CaseStatus.Suspended);
    }

    [Fact]
    public void Only_a_suspended_case_resumes()
    {
        AcceptedOnMarch3().When(new Resume()).ShouldNotBeAllowed(CaseStatus.UnderReview);
    }

    [Fact]
    public void An_application_not_yet_accepted_is_not_suspended()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).When(new Suspend { Ground = SuspensionGround.ForceMajeure }).ShouldNotBeAllowed(CaseStatus.Received);
    }
}
