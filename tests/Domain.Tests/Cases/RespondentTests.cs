using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Tests.Cases.Support;
using static CaseGrains.Domain.Tests.Cases.Support.CaseFixture;

namespace CaseGrains.Domain.Tests.Cases;

public sealed class RespondentTests
{
    private static CaseBuilder AcceptedOnFebruary7() => Given.CaseReceivedOn(D(2025, 1, 24)).On(D(2025, 2, 7)).Accepted();

    [Fact]
    public void Sending_the_copy_starts_the_respondents_ten_working_days_to_reply()
    {
        var transition = AcceptedOnFebruary7().On(D(2025, 2, 10)).When(new SendCopyToRespondent());

        var sent = transition.ShouldRecord<CopySentToRespondent>();
        var state = transition.State!;
        Assert.Equal(D(2025, 2, 10), state.CopySentOn);
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.CopyToRespondent)!.StatusOn(D(2025, 2, 10)));
        Assert.Equal(D(2025, 2, 24), state.CurrentDeadline(DeadlineKind.Reply)!.DueOn);
        Assert.Equal((D(2025, 2, 10), D(2025, 2, 10), D(2025, 2, 24)), (sent.SentOn, sent.ReceivedByRespondentOn, sent.ReplyDueOn));
    }

    [Fact]
    public void The_reply_period_runs_from_the_day_the_respondent_received_the_copy()
    {
        var transition = AcceptedOnFebruary7().On(D(2025, 2, 12)).When(new SendCopyToRespondent { ReceivedByRespondentOn = D(2025, 2, 10) });

        Assert.Equal(D(2025, 2, 24), transition.ShouldSucceed().State.CurrentDeadline(DeadlineKind.Reply)!.DueOn);
    }

    [Fact]
    public void A_copy_sent_after_seven_working_days_shows_the_period_as_missed()
    {
        var state = AcceptedOnFebruary7().On(D(2025, 2, 18)).CopySent().State;

        Assert.Equal(DeadlineStatus.Missed, state.CurrentDeadline(DeadlineKind.CopyToRespondent)!.StatusOn(D(2025, 2, 18)));
    }

    [Fact]
    public void Under_the_simplified_procedure_the_respondent_has_five_working_days()
    {
        var state = Given.CaseReceivedOn(D(2025, 3, 3)).AcceptedSimplified().On(D(2025, 3, 4)).CopySent().State;

        var reply = state.CurrentDeadline(DeadlineKind.Reply)!;
        Assert.Equal((5, D(2025, 3, 11), StatutoryPeriods.ReplySimplified.Basis), (reply.Length, reply.DueOn, reply.Basis));
    }

    [Fact]
    public void The_respondent_cannot_receive_the_copy_in_the_future()
    {
        var transition = AcceptedOnFebruary7().When(new SendCopyToRespondent { ReceivedByRespondentOn = D(2025, 2, 8) });

        transition.ShouldBeInvalid("receivedByRespondentOn", "date_in_the_future");
    }

    [Fact]
    public void The_respondent_cannot_receive_the_copy_before_acceptance()
    {
        var transition = AcceptedOnFebruary7().When(new SendCopyToRespondent { ReceivedByRespondentOn = D(2025, 2, 6) });

        transition.ShouldBeInvalid("receivedByRespondentOn", "received_before_acceptance");
    }

    [Fact]
    public void Recording_the_reply_completes_the_reply_period_on_the_day_it_arrived()
    {
        var transition = AcceptedOnFebruary7().On(D(2025, 2, 10)).CopySent().On(D(2025, 2, 26))
            .When(new RecordReply { ReceivedOn = D(2025, 2, 21) });

        var reply = transition.ShouldRecord<ReplyReceived>();
        var state = transition.State!;
        Assert.Equal(D(2025, 2, 21), state.ReplyReceivedOn);
        Assert.Equal(DeadlineStatus.Met, state.CurrentDeadline(DeadlineKind.Reply)!.StatusOn(D(2025, 2, 26)));
        Assert.Equal((D(2025, 2, 21), D(2025, 2, 24)), (reply.ReceivedOn, reply.ReplyDueOn));
        Assert.DoesNotContain(CaseActionName.RecordReply, state.AllowedActions());
        Assert.DoesNotContain(CaseActionName.RecordNoReply, state.AllowedActions());
    }

    [Fact]
    public void A_reply_cannot_arrive_in_the_future()
    {
        var transition = AcceptedOnFebruary7().On(D(2025, 2, 10)).CopySent().When(new RecordReply { ReceivedOn = D(2025, 2, 11) });

        transition.ShouldBeInvalid("receivedOn", "date_in_the_future");
    }

    [Fact]
    public void A_reply_cannot_arrive_before_the_respondent_had_the_copy()
    {
        var transition = AcceptedOnFebruary7().On(D(2025, 2, 12)).CopySent().When(new RecordReply { ReceivedOn = D(2025, 2, 11) });

        transition.ShouldBeInvalid("receivedOn", "reply_before_copy");
    }

    [Fact]
    public void No_reply_is_recorded_before_the_copy_was_sent()
    {
        AcceptedOnFebruary7().When(new RecordReply()).ShouldNotBeAllowed(CaseStatus.UnderReview);
    }

    [Fact]
    public void A_respondent_silent_past_its_period_is_recorded_as_not_replying()
    {
        var transition = AcceptedOnFebruary7().On(D(2025, 2, 10)).CopySent().On(D(2025, 2, 25)).When(new RecordNoReply());

        var noReply = transition.ShouldRecord<NoReplyRecorded>();
        var state = transition.State!;
        Assert.True(state.NoReplyRecorded);
        Assert.Equal(DeadlineStatus.Missed, state.CurrentDeadline(DeadlineKind.Reply)!.StatusOn(D(2025, 2, 25)));
        Assert.Equal((D(2025, 2, 25), D(2025, 2, 24)), (noReply.RecordedOn, noReply.ReplyDueOn));
        Assert.DoesNotContain(CaseActionName.RecordReply, state.AllowedActions());
    }

    [Fact]
    public void Silence_is_not_recorded_while_the_reply_period_runs()
    {
        var transition = AcceptedOnFebruary7().On(D(2025, 2, 10)).CopySent().On(D(2025, 2, 24)).When(new RecordNoReply());

        transition.ShouldViolate("reply_period_not_over", "第四十八条");
    }

    [Fact]
    public void The_copy_is_sent_only_once()
    {
        AcceptedOnFebruary7().CopySent().When(new SendCopyToRespondent()).ShouldNotBeAllowed(CaseStatus.UnderReview);
    }
}
