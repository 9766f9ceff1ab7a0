using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class PreFilingResolutionTests
{
    [Fact]
    public void A_dispute_resolved_before_acceptance_ends_the_case_and_its_review_period()
    {
        var transition = Given.CaseReceivedOn(D(2025, 3, 3)).On(D(2025, 3, 4))
            .When(new ResolveBeforeFiling { Summary = "交警部门当场撤销处罚，申请人表示满意" });

        var resolved = transition.ShouldRecord<ResolvedBeforeFiling>();
        var state = transition.State!;
        Assert.Equal((CaseStatus.ResolvedBeforeFiling, CaseEnding.ResolvedBeforeFiling), (state.Status, state.Ending));
        Assert.Equal(D(2025, 3, 4), state.PreFilingResolution!.ResolvedOn);
        Assert.Equal(DeadlineStatus.Cancelled, state.CurrentDeadline(DeadlineKind.Review)!.StatusOn(D(2025, 3, 4)));
        Assert.Equal(D(2025, 3, 4), resolved.ResolvedOn);
        Assert.Empty(state.AllowedActions());
    }

    [Fact]
    public void A_dispute_may_also_be_resolved_while_the_applicant_corrects_the_application()
    {
        var state = Given.CaseReceivedOn(D(2025, 3, 3)).CorrectionRequested().Then(new ResolveBeforeFiling { Summary = "化解" }).State;

        Assert.Equal(CaseStatus.ResolvedBeforeFiling, state.Status);
        Assert.Equal(DeadlineStatus.Cancelled, state.CurrentDeadline(DeadlineKind.Correction)!.StatusOn(D(2025, 3, 3)));
    }

    [Fact]
    public void The_resolution_must_be_described()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).When(new ResolveBeforeFiling { Summary = " " }).ShouldBeInvalid("summary");
    }

    [Fact]
    public void An_accepted_case_is_no_longer_resolved_before_filing()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().When(new ResolveBeforeFiling { Summary = "化解" }).ShouldNotBeAllowed(CaseStatus.UnderReview);
    }
}
