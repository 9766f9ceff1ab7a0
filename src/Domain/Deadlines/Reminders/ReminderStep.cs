namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>The rungs of a deadline's reminder ladder, in the order they fire. Each fires at most once for a given
/// deadline and due date (<see cref="FiredReminder"/>).</summary>
public enum ReminderStep
{
    /// <summary>临期提醒: a configurable number of working days before the due date (<see cref="ReminderPolicy"/>).</summary>
    AdvanceWarning,

    /// <summary>到期提醒: on the due date itself, the last day the period runs.</summary>
    DueToday,

    /// <summary>逾期: the period has fully run; the law's consequence, if any, applies now.</summary>
    Overdue,
}
