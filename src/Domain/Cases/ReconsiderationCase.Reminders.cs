using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>
    /// Records a reminder step once per deadline, step and due date, by the delivery rules every remindable aggregate
    /// shares (<see cref="ReminderDelivery"/>): a repeated, stale, superseded or no-longer-running delivery is answered
    /// unchanged, and a step delivered before its day is refused so that the scheduler tries again — above all, no
    /// consequence applies before the period has run.
    /// </summary>
    private CaseTransition Execute(FireReminder command, CaseContext context)
    {
        var (id, step, dueOn, today) = (command.DeadlineId, command.Step, command.DueOn, context.Today);
        if (ReminderDelivery.Judge(Deadlines, FiredReminders, command.Kind, id, step, dueOn, today) is { } refusal)
        {
            return refusal.Kind == CaseRefusalKind.Unchanged
                ? CaseTransition.Unchanged(this, refusal.ToCaseRefusal())
                : Refuse(refusal.ToCaseRefusal());
        }

        var deadline = Deadlines[id];
        var (state, consequence, consequenceEvent) = (this, (ReminderConsequence?)null, (CaseEvent?)null);
        if (step == ReminderStep.Overdue && deadline.Kind == DeadlineKind.Decision)
        {
            (state, consequence) = (this with { DecisionOverdue = true }, ReminderConsequence.DecisionOverdue);
        }
        else if (step == ReminderStep.Overdue && OverdueAction(deadline.Kind) is { } action)
        {
            // Through the workflow's own action, so that the case ends up exactly as if the body had taken it today.
            var applied = Handle(action.Command, context);
            if (applied.IsSuccess)
            {
                (state, consequence, consequenceEvent) = (applied.State, action.Consequence, applied.Event);
            }
            else if (applied.Refusal.Kind != CaseRefusalKind.NotAllowed)
            {
                return applied;
            }
        }

        state = state with
        {
            FiredReminders = [.. state.FiredReminders, new() { DeadlineId = id, Kind = deadline.Kind, Step = step, DueOn = dueOn, FiredOn = today }],
        };
        return Succeed(state, new ReminderFired
        {
            Kind = deadline.Kind,
            DeadlineId = id,
            Step = step,
            DueOn = dueOn,
            FiredOn = today,
            Audiences = ReminderAudiences.For(deadline.Kind, step),
            Consequence = consequence,
            ConsequenceEvent = consequenceEvent,
        });
    }

    /// <summary>
    /// The workflow action the law attaches to an overdue period: the review period → accepted by operation of law
    /// (Art. 30, <see cref="DeemAccepted"/>); the correction period → abandoned (Art. 31, <see cref="DeclareAbandoned"/>);
    /// the reply → no reply, the act is treated as having no evidence (Art. 70, <see cref="RecordNoReply"/>). The overdue
    /// decision is a flag (<see cref="DecisionOverdue"/>); other periods only notify. When the case's state does not
    /// admit the action, the step only notifies.
    /// </summary>
    private static (ReminderConsequence Consequence, CaseCommand Command)? OverdueAction(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Review => (ReminderConsequence.AcceptedByOperationOfLaw, new DeemAccepted()),
        DeadlineKind.Correction => (ReminderConsequence.ApplicationAbandoned, new DeclareAbandoned()),
        DeadlineKind.Reply => (ReminderConsequence.NoReplyRecorded, new RecordNoReply()),
        _ => null,
    };
}
