using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class DecisionPeriodTests
{
    [Fact]
    public void Switching_to_the_ordinary_procedure_gives_the_decision_sixty_days_from_acceptance()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).AcceptedSimplified().On(D(2025, 3, 20))
            .When(new SwitchToOrdinary { ApprovedBy = "李主任" });

        var switched = transition.ShouldRecord<SwitchedToOrdinaryProcedure>();
        var state = transition.State!;
        var decision = state.CurrentDeadline(DeadlineKind.Decision)!;
        Assert.Equal(CaseProcedure.Ordinary, state.Procedure);
        Assert.Equal((60, StatutoryPeriods.Decision.Basis, D(2025, 3, 3), D(2025, 5, 6)), (decision.Length, decision.Basis, decision.StartedOn, decision.DueOn));
        Assert.Equal(("李主任", D(2025, 3, 20)), (state.SwitchedToOrdinary!.ApprovedBy, state.SwitchedToOrdinary.SwitchedOn));
        Assert.Equal(D(2025, 5, 6), switched.DecisionDueOn);
        Assert.DoesNotContain(CaseActionName.SwitchToOrdinary, state.AllowedActions());
    }

    [Fact]
    public void Switching_needs_the_approval_of_the_head_of_the_body()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).AcceptedSimplified().When(new SwitchToOrdinary { ApprovedBy = " " }).ShouldBeInvalid("approvedBy");
    }

    [Fact]
    public void Only_a_simplified_case_switches_to_the_ordinary_procedure()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().When(new SwitchToOrdinary { ApprovedBy = "李主任" }).ShouldNotBeAllowed(CaseStatus.UnderReview);
    }

    [Fact]
    public void An_extension_lengthens_the_decision_period_counted_from_acceptance()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().On(D(2025, 4, 1))
            .When(new Extend { Days = 30, ApprovedBy = "李主任", Reason = "案情复杂，需要调取补充证据" });

        var extended = transition.ShouldRecord<DecisionPeriodExtended>();
        var state = transition.State!;
        var decision = state.CurrentDeadline(DeadlineKind.Decision)!;

        // 3 March + 90 days is 1 June, in the Dragon Boat holiday (31 May – 2 June 2025).
        Assert.Equal((90, 30, D(2025, 6, 3)), (decision.Length, decision.ExtendedByDays, decision.DueOn));
        Assert.Equal((30, "李主任", D(2025, 4, 1)), (state.Extension!.Days, state.Extension.ApprovedBy, state.Extension.GrantedOn));
        Assert.Equal(D(2025, 6, 3), extended.DecisionDueOn);
    }

    [Fact]
    public void An_extension_may_be_granted_on_the_last_day_of_the_period()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().On(D(2025, 5, 6)).When(new Extend { Days = 10, ApprovedBy = "李主任" }).ShouldSucceed();
    }

    [Fact]
    public void A_simplified_case_cannot_be_extended()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).AcceptedSimplified().When(new Extend { Days = 10, ApprovedBy = "李主任" });

        transition.ShouldViolate("extension_not_allowed_for_simplified_procedure", "第六十二条");
    }

    [Fact]
    public void The_decision_period_is_extended_only_once()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().Then(new Extend { Days = 10, ApprovedBy = "李主任" })
            .When(new Extend { Days = 10, ApprovedBy = "李主任" });

        transition.ShouldViolate("extension_already_granted", "第六十二条");
    }

    [Fact]
    public void An_extension_is_at_most_thirty_days()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().When(new Extend { Days = 31, ApprovedBy = "李主任" });

        transition.ShouldViolate("extension_too_long", "第六十二条");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void An_extension_is_by_a_positive_number_of_days(int days)
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().When(new Extend { Days = days, ApprovedBy = "李主任" });

        transition.ShouldBeInvalid("days", "days_not_positive");
    }

    [Fact]
    public void An_extension_needs_the_approval_of_the_head_of_the_body()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().When(new Extend { Days = 10, ApprovedBy = "" }).ShouldBeInvalid("approvedBy");
    }

    [Fact]
    public void An_expired_decision_period_cannot_be_extended()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().On(D(2025, 5, 7)).When(new Extend { Days = 10, ApprovedBy = "李主任" });

        transition.ShouldViolate("decision_period_expired", "第六十二条");
    }
}
