using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class AcceptanceTests
{
    [Fact]
    public void Accepting_under_the_ordinary_procedure_starts_the_copy_and_decision_periods()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 7))
            .When(new Accept { Procedure = CaseProcedure.Ordinary });

        var accepted = transition.ShouldRecord<ApplicationAccepted>();
        var state = transition.State!;
        Assert.Equal((CaseStatus.UnderReview, CaseProcedure.Ordinary, D(2025, 2, 7)), (state.Status, state.Procedure, state.AcceptedOn));
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.Review)!.StatusOn(D(2025, 2, 7)));

        // Seven working days from 2-7: 2-8 (a Saturday worked in lieu), 2-10 to 2-14, 2-17.
        Assert.Equal(D(2025, 2, 17), state.CurrentDeadline(DeadlineKind.CopyToRespondent)!.DueOn);
        Assert.Equal(D(2025, 4, 8), state.CurrentDeadline(DeadlineKind.Decision)!.DueOn);
        Assert.Equal((D(2025, 2, 17), D(2025, 4, 8), false), (accepted.CopyDueOn, accepted.DecisionDueOn, accepted.ByOperationOfLaw));
        Assert.Equal(CaseActionName.Accept, accepted.Action);
    }

    [Fact]
    public void A_decision_period_ending_in_the_Labour_Day_holiday_runs_to_the_next_working_day()
    {
        // 3 March + 60 days is 2 May, inside the holiday of 1–5 May 2025.
        var state = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().State;

        Assert.Equal(D(2025, 5, 6), state.CurrentDeadline(DeadlineKind.Decision)!.DueOn);
    }

    [Fact]
    public void A_decision_period_ending_on_a_Sunday_runs_to_the_Monday()
    {
        // 12 March + 60 days is Sunday 11 May 2025.
        var state = Given.CaseReceivedOn(D(2025, 3, 12)).Accepted().State;

        Assert.Equal(D(2025, 5, 12), state.CurrentDeadline(DeadlineKind.Decision)!.DueOn);
    }

    [Fact]
    public void Accepting_under_the_simplified_procedure_uses_its_shorter_periods()
    {
        var state = Given.CaseReceivedOn(D(2025, 3, 3)).AcceptedSimplified().State;

        Assert.Equal((CaseProcedure.Simplified, SimplifiedProcedureGround.SmallAmount), (state.Procedure, state.SimplifiedGround));
        var copy = state.CurrentDeadline(DeadlineKind.CopyToRespondent)!;
        var decision = state.CurrentDeadline(DeadlineKind.Decision)!;
        Assert.Equal((3, D(2025, 3, 6)), (copy.Length, copy.DueOn));
        Assert.Equal((30, D(2025, 4, 2)), (decision.Length, decision.DueOn));
        Assert.Equal(StatutoryPeriods.DecisionSimplified.Basis, decision.Basis);
    }

    [Fact]
    public void Accepting_after_the_review_period_shows_the_review_as_missed()
    {
        var state = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 10)).Accepted().State;

        Assert.Equal(DeadlineStatus.Missed, state.CurrentDeadline(DeadlineKind.Review)!.StatusOn(D(2025, 2, 10)));
    }

    private static ReceiveApplication OutOfTime(ReceiveApplication application) =>
        application with { ChallengedAct = application.ChallengedAct with { ActOn = D(2024, 11, 1), KnownOn = D(2024, 11, 1) } };

    [Fact]
    public void An_application_out_of_time_is_not_accepted_without_a_justified_reason()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24), OutOfTime).When(new Accept { Procedure = CaseProcedure.Ordinary, JustifiedDelay = " " });

        transition.ShouldViolate("application_out_of_time", "第二十条");
    }

    [Fact]
    public void An_application_out_of_time_is_accepted_with_the_justified_reason_for_the_delay()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24), OutOfTime)
            .When(new Accept { Procedure = CaseProcedure.Ordinary, JustifiedDelay = "申请人住院治疗，耽误申请期限" });

        Assert.Equal("申请人住院治疗，耽误申请期限", transition.ShouldRecord<ApplicationAccepted>().JustifiedDelay);
        Assert.Equal("申请人住院治疗，耽误申请期限", transition.State!.JustifiedDelay);
    }

    public static TheoryData<SimplifiedProcedureGround, Func<ChallengedAct, ChallengedAct>> FittingActs => new()
    {
        { SimplifiedProcedureGround.OnTheSpotDecision, a => a with { MadeOnTheSpot = true } },
        { SimplifiedProcedureGround.WarningOrCriticism, a => a with { PenaltyKind = PenaltyKind.Warning } },
        { SimplifiedProcedureGround.WarningOrCriticism, a => a with { PenaltyKind = PenaltyKind.Criticism } },
        { SimplifiedProcedureGround.SmallAmount, a => a with { AmountYuan = 3_000m } },
        { SimplifiedProcedureGround.InformationDisclosure, a => a with { IsInformationDisclosure = true, PenaltyKind = null, AmountYuan = null } },
        { SimplifiedProcedureGround.PartiesAgree, a => a with { AmountYuan = 50_000m } },
    };

    [Theory]
    [MemberData(nameof(FittingActs))]
    public void The_simplified_procedure_applies_when_its_ground_fits_the_act(SimplifiedProcedureGround ground, Func<ChallengedAct, ChallengedAct> act)
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3), a => a with { ChallengedAct = act(a.ChallengedAct) })
            .When(new Accept { Procedure = CaseProcedure.Simplified, SimplifiedGround = ground });

        transition.ShouldRecord<ApplicationAccepted>();
    }

    public static TheoryData<SimplifiedProcedureGround, Func<ChallengedAct, ChallengedAct>> UnfittingActs => new()
    {
        { SimplifiedProcedureGround.OnTheSpotDecision, a => a with { MadeOnTheSpot = false } },
        { SimplifiedProcedureGround.WarningOrCriticism, a => a with { PenaltyKind = PenaltyKind.Fine } },
        { SimplifiedProcedureGround.SmallAmount, a => a with { AmountYuan = 3_000.01m } },
        { SimplifiedProcedureGround.SmallAmount, a => a with { AmountYuan = null } },
        { SimplifiedProcedureGround.InformationDisclosure, a => a with { IsInformationDisclosure = false } },
    };

    [Theory]
    [MemberData(nameof(UnfittingActs))]
    public void The_simplified_procedure_is_refused_when_its_ground_does_not_fit_the_act(
        SimplifiedProcedureGround ground, Func<ChallengedAct, ChallengedAct> act)
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3), a => a with { ChallengedAct = act(a.ChallengedAct) })
            .When(new Accept { Procedure = CaseProcedure.Simplified, SimplifiedGround = ground });

        transition.ShouldViolate("simplified_procedure_not_applicable", "第五十三条");
    }

    [Fact]
    public void A_major_case_cannot_take_the_simplified_procedure()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3))
            .When(new Accept { Procedure = CaseProcedure.Simplified, SimplifiedGround = SimplifiedProcedureGround.PartiesAgree, IsMajor = true });

        transition.ShouldViolate("simplified_procedure_not_for_major_case", "第五十三条");
    }

    [Fact]
    public void The_simplified_procedure_needs_its_ground()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).When(new Accept { Procedure = CaseProcedure.Simplified }).ShouldBeInvalid("simplifiedGround");
    }

    [Fact]
    public void The_ordinary_procedure_takes_no_simplified_ground()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3))
            .When(new Accept { Procedure = CaseProcedure.Ordinary, SimplifiedGround = SimplifiedProcedureGround.SmallAmount });

        transition.ShouldBeInvalid("simplifiedGround", "simplified_ground_not_applicable");
    }

    [Fact]
    public void A_major_case_is_accepted_under_the_ordinary_procedure()
    {
        Assert.True(Given.CaseReceivedOn(D(2025, 3, 3)).Accepted(isMajor: true).State.IsMajor);
    }

    [Fact]
    public void Silence_past_the_review_period_accepts_the_application_as_of_its_last_day()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 12)).When(new DeemAccepted());

        var accepted = transition.ShouldRecord<ApplicationAccepted>();
        var state = transition.State!;
        Assert.Equal((D(2025, 2, 7), true, CaseProcedure.Ordinary), (state.AcceptedOn, state.AcceptedByOperationOfLaw, state.Procedure));
        var review = state.CurrentDeadline(DeadlineKind.Review)!;
        Assert.Equal((D(2025, 2, 12), DeadlineStatus.Missed), (review.CompletedOn, review.StatusOn(D(2025, 2, 12))));
        Assert.Equal(D(2025, 2, 17), state.CurrentDeadline(DeadlineKind.CopyToRespondent)!.DueOn);
        Assert.Equal(D(2025, 4, 8), state.CurrentDeadline(DeadlineKind.Decision)!.DueOn);
        Assert.Equal((true, CaseActionName.DeemAccepted), (accepted.ByOperationOfLaw, accepted.Action));
    }

    [Fact]
    public void An_application_is_not_deemed_accepted_while_the_review_period_runs()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 7)).When(new DeemAccepted());

        transition.ShouldViolate("review_period_not_over", "第三十条");
    }

    [Fact]
    public void Not_accepting_ends_the_case_with_the_reasons()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).On(D(2025, 3, 5))
            .When(new NotAccept { Ground = NotAcceptanceGround.OutOfTime, Reasons = "超过法定申请期限且无正当理由" });

        var notAccepted = transition.ShouldRecord<ApplicationNotAccepted>();
        var state = transition.State!;
        Assert.Equal((CaseStatus.NotAccepted, CaseEnding.NotAccepted, D(2025, 3, 5)), (state.Status, state.Ending, state.EndedOn));
        Assert.Equal(NotAcceptanceGround.OutOfTime, state.NotAcceptance!.Ground);
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.Review)!.StatusOn(D(2025, 3, 5)));
        Assert.Equal(D(2025, 3, 5), notAccepted.DecidedOn);
        Assert.Empty(state.AllowedActions());
    }

    [Fact]
    public void Not_accepting_for_wrong_jurisdiction_names_the_competent_body()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3))
            .When(new NotAccept { Ground = NotAcceptanceGround.WrongJurisdiction, Reasons = "不属于本机关管辖", CompetentBodyId = "RB-DALIAN" });

        Assert.Equal("RB-DALIAN", transition.ShouldRecord<ApplicationNotAccepted>().CompetentBodyId);
        Assert.Equal("RB-DALIAN", transition.State!.NotAcceptance!.CompetentBodyId);
    }

    [Fact]
    public void Not_accepting_for_wrong_jurisdiction_without_the_competent_body_is_refused()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3))
            .When(new NotAccept { Ground = NotAcceptanceGround.WrongJurisdiction, Reasons = "不属于本机关管辖" });

        transition.ShouldBeInvalid("competentBodyId", "competent_body_required");
    }

    [Fact]
    public void A_competent_body_is_named_only_for_wrong_jurisdiction()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3))
            .When(new NotAccept { Ground = NotAcceptanceGround.NoStanding, Reasons = "申请人与行政行为无利害关系", CompetentBodyId = "RB-DALIAN" });

        transition.ShouldBeInvalid("competentBodyId", "competent_body_not_applicable");
    }

    [Fact]
    public void Not_accepting_needs_reasons()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).When(new NotAccept { Ground = NotAcceptanceGround.Other, Reasons = "" }).ShouldBeInvalid("reasons");
    }

    [Fact]
    public void An_application_is_accepted_only_once()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().When(new Accept { Procedure = CaseProcedure.Ordinary }).ShouldNotBeAllowed(CaseStatus.UnderReview);
    }
}
