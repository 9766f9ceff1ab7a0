using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Cases;

public sealed partial record ReconsiderationCase
{
    /// <summary>
    /// Records a reminder step once per deadline, step and due date. The scheduler delivers at least once, so every
    /// delivery that would repeat or contradict what the case knows is answered unchanged: the step was recorded
    /// already; the deadline was paused, met, missed and closed or cancelled; its due date moved since the step was
    /// scheduled (stale); or a later step's day has come or was recorded (superseded). A step delivered before its day
    /// is refused, so that the scheduler tries again: above all, no consequence applies before the period has run.
    /// </summary>
    private CaseTransition Execute(FireReminder command, CaseContext context)
    {
        var id = command.DeadlineId;
        if (id < 0 || id >= Deadlines.Count || Deadlines[id].Kind != command.Kind)
        {
            return Refuse(CaseRefusal.Invalid(
                "deadlineId",
                "deadline_not_found",
                "案件没有该期限",
                $"Case {Id} has no {command.Kind} deadline at position {id}."));
        }

        if (!Enum.IsDefined(command.Step))
        {
            return Refuse(CaseRefusal.Invalid("step", "unknown_reminder_step", "提醒环节无效", $"{command.Step} is not a reminder step."));
        }

        var deadline = Deadlines[id];
        var (step, dueOn, today) = (command.Step, command.DueOn, context.Today);
        if (FiredReminders.Any(f => f.DeadlineId == id && f.DueOn == dueOn && f.Step == step))
        {
            return Unchanged(
                "reminder_already_fired",
                "该提醒已经发出",
                $"The {step} step of the {deadline.Kind} deadline due on {dueOn:yyyy-MM-dd} was already recorded.");
        }

        if (deadline.Phase != DeadlinePhase.Running)
        {
            return Unchanged(
                "deadline_not_running",
                "该期限已不在计算中",
                $"The {deadline.Kind} deadline is {deadline.Phase}; only a running deadline is reminded of.");
        }

        if (deadline.DueOn != dueOn)
        {
            return Unchanged(
                "reminder_stale",
                "期限届满日已变更，该提醒已失效",
                $"The {deadline.Kind} deadline is now due on {deadline.DueOn:yyyy-MM-dd}, not {dueOn:yyyy-MM-dd}; its reminders were rescheduled.");
        }

        if (!step.HasComeOn(dueOn, today))
        {
            return Refuse(CaseRefusal.RuleViolation(
                "reminder_not_due",
                "提醒时间未到",
                $"The {step} step of the {deadline.Kind} deadline due on {dueOn:yyyy-MM-dd} cannot fire on {today:yyyy-MM-dd}.",
                deadline.Basis));
        }

        if (step.IsSupersededOn(dueOn, today) || FiredReminders.Any(f => f.Covers(id, dueOn, step)))
        {
            return Unchanged(
                "reminder_superseded",
                "已进入下一提醒环节，该提醒不再发出",
                $"On {today:yyyy-MM-dd} a later step than {step} applies to the {deadline.Kind} deadline due on {dueOn:yyyy-MM-dd}.");
        }

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
