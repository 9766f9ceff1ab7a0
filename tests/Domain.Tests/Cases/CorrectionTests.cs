using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class CorrectionTests
{
    [Fact]
    public void A_correction_notice_stops_the_review_and_gives_the_applicant_ten_working_days()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 1, 27))
            .When(new RequestCorrection { MissingItems = ["申请人身份证明", "行政处罚决定书复印件"] });

        var requested = transition.ShouldRecord<CorrectionRequested>();
        var state = transition.State!;
        Assert.Equal(CaseStatus.AwaitingCorrection, state.Status);
        Assert.Equal(DeadlineStatus.Cancelled, state.CurrentDeadline(DeadlineKind.Review)!.StatusOn(D(2025, 1, 27)));

        // 2-5, 2-6, 2-7, 2-8 (a Saturday worked in lieu), 2-10 to 2-14, 2-17.
        Assert.Equal(D(2025, 2, 17), state.CurrentDeadline(DeadlineKind.Correction)!.DueOn);
        Assert.Equal((D(2025, 2, 17), D(2025, 1, 27)), (requested.CorrectionDueOn, requested.RequestedOn));
        Assert.Equal(["申请人身份证明", "行政处罚决定书复印件"], state.Correction!.MissingItems);
    }

    [Fact]
    public void A_correction_may_be_requested_on_the_last_day_of_the_review_period()
    {
        Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 7)).When(new RequestCorrection { MissingItems = ["身份证明"] }).ShouldSucceed();
    }

    [Fact]
    public void A_correction_notice_after_the_review_period_is_too_late()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 10)).When(new RequestCorrection { MissingItems = ["身份证明"] });

        transition.ShouldViolate("correction_notice_too_late", "第三十一条");
    }

    [Fact]
    public void Everything_missing_must_be_listed_at_once_so_a_second_notice_is_refused()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 1, 27)).CorrectionRequested()
            .On(D(2025, 2, 5)).Then(new SubmitCorrection())
            .When(new RequestCorrection { MissingItems = ["证据材料"] });

        transition.ShouldViolate("correction_already_requested", "第三十一条");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ;")]
    public void A_correction_notice_must_list_what_is_missing(string items)
    {
        var missing = items.Length == 0 ? [] : items.Split(';');

        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).When(new RequestCorrection { MissingItems = missing });

        transition.ShouldBeInvalid("missingItems");
    }

    [Fact]
    public void A_submitted_correction_starts_the_review_period_again()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 1, 27)).CorrectionRequested()
            .On(D(2025, 2, 10)).When(new SubmitCorrection());

        var submitted = transition.ShouldRecord<CorrectionSubmitted>();
        var state = transition.State!;
        Assert.Equal(CaseStatus.Received, state.Status);
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.Correction)!.StatusOn(D(2025, 2, 10)));
        Assert.Equal(2, state.Deadlines.Count(d => d.Kind == DeadlineKind.Review));
        Assert.Equal((D(2025, 2, 10), D(2025, 2, 17)), (state.CurrentDeadline(DeadlineKind.Review)!.StartedOn, submitted.ReviewDueOn));
        Assert.Equal(D(2025, 2, 10), state.Correction!.SubmittedOn);
    }

    [Fact]
    public void An_applicant_who_lets_the_correction_period_run_out_abandons_the_application()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 1, 27)).CorrectionRequested()
            .On(D(2025, 2, 18)).When(new DeclareAbandoned());

        var abandoned = transition.ShouldRecord<ApplicationAbandoned>();
        var state = transition.State!;
        Assert.Equal((CaseStatus.Abandoned, CaseEnding.Abandoned, D(2025, 2, 18)), (state.Status, state.Ending, state.EndedOn));
        Assert.Equal(DeadlineStatus.Missed, state.CurrentDeadline(DeadlineKind.Correction)!.StatusOn(D(2025, 2, 18)));
        Assert.Equal(D(2025, 2, 17), abandoned.CorrectionDueOn);
        Assert.Empty(state.AllowedActions());
    }

    [Fact]
    public void The_application_is_not_abandoned_while_the_correction_period_runs()
    {
        var transition = Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 1, 27)).CorrectionRequested()
            .On(D(2025, 2, 17)).When(new DeclareAbandoned());

        transition.ShouldViolate("correction_period_not_over", "第三十一条");
    }

    [Fact]
    public void A_correction_cannot_be_submitted_when_none_was_requested()
    {
        Given.CaseReceivedOn(D(2025, 1, 24)).When(new SubmitCorrection()).ShouldNotBeAllowed(CaseStatus.Received);
    }
}
