using CaseGrains.Domain.Deadlines;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    private CaseTransition Execute(SendCopyToRespondent command, CaseContext context)
    {
        var today = context.Today;
        var receivedOn = command.ReceivedByRespondentOn ?? today;
        if (receivedOn > today)
        {
            return Refuse(CaseRefusal.InTheFuture("receivedByRespondentOn", receivedOn, today));
        }

        if (receivedOn < AcceptedOn)
        {
            return Refuse(CaseRefusal.Invalid(
                "receivedByRespondentOn",
                "received_before_acceptance",
                "被申请人收到副本的日期不能早于受理日期",
                $"receivedByRespondentOn {receivedOn:yyyy-MM-dd} is before the acceptance on {AcceptedOn:yyyy-MM-dd}."));
        }

        var period = Procedure == CaseProcedure.Simplified ? StatutoryPeriods.ReplySimplified : StatutoryPeriods.Reply;
        var reply = Deadline.Start(period, receivedOn, context.Calendar);
        var state = WithCurrent(DeadlineKind.CopyToRespondent, d => d.Complete(today)).WithStarted(reply) with { CopySentOn = today };
        return Succeed(state, new CopySentToRespondent { SentOn = today, ReceivedByRespondentOn = receivedOn, ReplyDueOn = reply.DueOn });
    }

    private CaseTransition Execute(RecordReply command, CaseContext context)
    {
        var today = context.Today;
        var receivedOn = command.ReceivedOn ?? today;
        var reply = Current(DeadlineKind.Reply);
        if (receivedOn > today)
        {
            return Refuse(CaseRefusal.InTheFuture("receivedOn", receivedOn, today));
        }

        if (receivedOn < reply.StartedOn)
        {
            return Refuse(CaseRefusal.Invalid(
                "receivedOn",
                "reply_before_copy",
                "答复日期不能早于被申请人收到申请书副本的日期",
                $"receivedOn {receivedOn:yyyy-MM-dd} is before the respondent received the copy on {reply.StartedOn:yyyy-MM-dd}."));
        }

        var state = WithCurrent(DeadlineKind.Reply, d => d.Complete(receivedOn)) with { ReplyReceivedOn = receivedOn };
        return Succeed(state, new ReplyReceived { ReceivedOn = receivedOn, ReplyDueOn = reply.DueOn });
    }

    private CaseTransition Execute(RecordNoReply command, CaseContext context)
    {
        var today = context.Today;
        var reply = Current(DeadlineKind.Reply);
        if (today <= reply.DueOn)
        {
            return Refuse(CaseRefusal.RuleViolation(
                "reply_period_not_over",
                "答复期限尚未届满",
                $"The respondent may reply until {reply.DueOn:yyyy-MM-dd}.",
                reply.Basis));
        }

        var state = WithCurrent(DeadlineKind.Reply, d => d.Complete(today)) with { NoReplyRecorded = true };
        return Succeed(state, new NoReplyRecorded { RecordedOn = today, ReplyDueOn = reply.DueOn });
    }
}
