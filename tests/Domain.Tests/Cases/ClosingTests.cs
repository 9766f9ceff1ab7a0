using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class ClosingTests
{
    private static CaseBuilder Decided() =>
        Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().RespondentHeard().On(D(2025, 4, 1)).Decided().On(D(2025, 4, 3));

    public static TheoryData<string> ClosableEndings => ["decided", "mediated", "terminated"];

    [Theory]
    [MemberData(nameof(ClosableEndings))]
    public void A_decided_mediated_or_terminated_case_is_closed(string ending)
    {
        var builder = ending switch
        {
            "decided" => Decided(),
            "mediated" => Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().MediationStarted().Then(new RecordMediationAgreement { Terms = "调解" }),
            _ => Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().Then(new Withdraw()),
        };

        var transition = builder.On(D(2025, 4, 3)).When(new Close());

        Assert.Equal(D(2025, 4, 3), transition.ShouldRecord<CaseClosed>().ClosedOn);
        Assert.Equal((CaseStatus.Closed, D(2025, 4, 3)), (transition.State!.Status, transition.State.ClosedOn));
    }

    [Fact]
    public void Closing_keeps_how_and_when_the_case_ended()
    {
        var state = Decided().Then(new Close()).State;

        Assert.Equal((CaseEnding.Decided, D(2025, 4, 1)), (state.Ending, state.EndedOn));
    }

    [Fact]
    public void An_application_that_was_not_accepted_has_nothing_to_close()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).Then(new NotAccept { Ground = NotAcceptanceGround.NotReviewable, Reasons = "不属于行政复议范围" })
            .When(new Close()).ShouldNotBeAllowed(CaseStatus.NotAccepted);
    }

    [Fact]
    public void A_closed_case_is_not_closed_again()
    {
        Decided().Then(new Close()).When(new Close()).ShouldNotBeAllowed(CaseStatus.Closed);
    }

    [Fact]
    public void Questions_after_the_decision_are_recorded_before_and_after_closing()
    {
        var builder = Decided().Then(new RecordPostDecisionQa { Summary = "向申请人解释决定理由" }).Then(new Close()).On(D(2025, 4, 10));

        var transition = builder.When(new RecordPostDecisionQa { Summary = "被申请人询问整改要求" });

        Assert.Equal(D(2025, 4, 10), transition.ShouldRecord<PostDecisionQaRecorded>().RecordedOn);
        Assert.Equal(
            [("向申请人解释决定理由", D(2025, 4, 3)), ("被申请人询问整改要求", D(2025, 4, 10))],
            transition.State!.PostDecisionQa.Select(e => (e.Summary, e.RecordedOn)));
    }

    [Fact]
    public void Post_decision_questions_follow_a_decision_only()
    {
        Given.CaseReceivedOn(D(2025, 3, 3)).Accepted().Then(new Withdraw()).Then(new Close())
            .When(new RecordPostDecisionQa { Summary = "答疑" }).ShouldNotBeAllowed(CaseStatus.Closed);
    }

    [Fact]
    public void A_post_decision_session_has_a_summary()
    {
        Decided().When(new RecordPostDecisionQa { Summary = "" }).ShouldBeInvalid("summary");
    }
}
