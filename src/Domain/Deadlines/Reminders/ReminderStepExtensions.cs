namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>When a step may fire, judged by Beijing dates only so that it does not depend on the policy's times of day
/// or on a few seconds of clock skew between the scheduler and the case.</summary>
public static class ReminderStepExtensions
{
    extension(ReminderStep step)
    {
        /// <summary>Whether the step's day has come on <paramref name="today"/> for a deadline due on <paramref name="dueOn"/>:
        /// an advance warning any time, due-today from the due date, overdue only after it (the period has fully run).</summary>
        public bool HasComeOn(DateOnly dueOn, DateOnly today) => step switch
        {
            ReminderStep.DueToday => today >= dueOn,
            ReminderStep.Overdue => today > dueOn,
            _ => true,
        };

        /// <summary>Whether the next step's day has come, so that this one would only repeat it late: an advance warning
        /// from the due date on, due-today after it. Overdue is never superseded.</summary>
        public bool IsSupersededOn(DateOnly dueOn, DateOnly today) => step switch
        {
            ReminderStep.AdvanceWarning => today >= dueOn,
            ReminderStep.DueToday => today > dueOn,
            _ => false,
        };
    }
}
