using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Workflow;

/// <summary>
/// Whether a reminder step delivered by the scheduler is to be recorded now, by the rules a reconsideration case
/// applies to its own deliveries (<see cref="Cases.FireReminder"/>), for any aggregate that keeps an append-only list of
/// deadlines and the steps it recorded. Delivery is at least once, so every delivery that would repeat or contradict what
/// the aggregate knows changes nothing: the step was recorded already; the deadline is no longer running; its due date
/// moved since the step was scheduled (stale); or a later step's day has come or was recorded (superseded). A step
/// delivered before its day is refused, so that the scheduler tries again and no consequence applies early.
/// </summary>
public static class ReminderDelivery
{
    /// <summary>The code of the refusal of a step delivered before its day: the scheduler keeps the entry and tries again.</summary>
    public const string NotDueCode = "reminder_not_due";

    /// <summary>Null when the step is to be recorded now; otherwise the refusal (invalid, not due) or the reason nothing
    /// changes (<see cref="Cases.CaseRefusalKind.Unchanged"/>).</summary>
    public static Refusal? Judge(
        IReadOnlyList<Deadline> deadlines,
        IReadOnlyList<FiredReminder> fired,
        DeadlineKind kind,
        int deadlineId,
        ReminderStep step,
        DateOnly dueOn,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(fired);
        if (deadlineId < 0 || deadlineId >= deadlines.Count || deadlines[deadlineId].Kind != kind)
        {
            return Refusal.Invalid("deadlineId", "deadline_not_found", "没有该期限", $"There is no {kind} deadline at position {deadlineId}.");
        }

        if (!Enum.IsDefined(step))
        {
            return Refusal.Invalid("step", "unknown_reminder_step", "提醒环节无效", $"{step} is not a reminder step.");
        }

        var deadline = deadlines[deadlineId];
        if (fired.Any(f => f.DeadlineId == deadlineId && f.DueOn == dueOn && f.Step == step))
        {
            return Refusal.NothingToDo(
                "reminder_already_fired",
                "该提醒已经发出",
                $"The {step} step of the {kind} deadline due on {dueOn:yyyy-MM-dd} was already recorded.");
        }

        if (deadline.Phase != DeadlinePhase.Running)
        {
            return Refusal.NothingToDo(
                "deadline_not_running",
                "该期限已不在计算中",
                $"The {kind} deadline is {deadline.Phase}; only a running deadline is reminded of.");
        }

        if (deadline.DueOn != dueOn)
        {
            return Refusal.NothingToDo(
                "reminder_stale",
                "期限届满日已变更，该提醒已失效",
                $"The {kind} deadline is now due on {deadline.DueOn:yyyy-MM-dd}, not {dueOn:yyyy-MM-dd}; its reminders were rescheduled.");
        }

        if (!step.HasComeOn(dueOn, today))
        {
            return Refusal.RuleViolation(
                NotDueCode,
                "提醒时间未到",
                $"The {step} step of the {kind} deadline due on {dueOn:yyyy-MM-dd} cannot fire on {today:yyyy-MM-dd}.",
                deadline.Basis);
        }

        if (step.IsSupersededOn(dueOn, today) || fired.Any(f => f.Covers(deadlineId, dueOn, step)))
        {
            return Refusal.NothingToDo(
                "reminder_superseded",
                "已进入下一提醒环节，该提醒不再发出",
                $"On {today:yyyy-MM-dd} a later step than {step} applies to the {kind} deadline due on {dueOn:yyyy-MM-dd}.");
        }

        return null;
    }
}
