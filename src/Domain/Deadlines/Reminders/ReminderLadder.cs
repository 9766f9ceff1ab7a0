using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>
/// The reminders a case still has to fire: for every running deadline, an advance warning, due-today and overdue,
/// each keyed by the deadline's current due date. Paused, completed (met or missed) and cancelled deadlines have
/// none. A step the case has recorded for the current due date is left out, and so is every earlier step once a later
/// one was recorded; when a due date moves, the ladder is a new one for the new date.
/// </summary>
public static class ReminderLadder
{
    /// <summary>The steps still to fire, ordered by <see cref="ScheduledReminder.FireAt"/>. Steps whose time has passed
    /// are included: the scheduler delivers them at once and the case decides whether they still apply.</summary>
    public static IReadOnlyList<ScheduledReminder> For(ReconsiderationCase @case, ReminderPolicy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return [.. @case.Deadlines
            .Select((deadline, id) => (deadline, id))
            .Where(d => d.deadline.Phase == DeadlinePhase.Running)
            .SelectMany(d => Steps(@case, d.id, d.deadline, policy, calendar))
            .OrderBy(r => r.FireAt)
            .ThenBy(r => r.DeadlineId)
            .ThenBy(r => r.Step)];
    }

    private static IEnumerable<ScheduledReminder> Steps(
        ReconsiderationCase @case, int id, Deadline deadline, ReminderPolicy policy, WorkingDayCalendar calendar)
    {
        var warningOn = policy.AdvanceWarningOn(deadline, calendar);
        foreach (var step in Enum.GetValues<ReminderStep>())
        {
            if ((step == ReminderStep.AdvanceWarning && warningOn is null)
                || @case.FiredReminders.Any(f => f.Covers(id, deadline.DueOn, step)))
            {
                continue;
            }

            var on = ReminderPolicy.DateOf(step, deadline.DueOn, warningOn);
            yield return new ScheduledReminder
            {
                CaseId = @case.Id,
                Kind = deadline.Kind,
                DeadlineId = id,
                Step = step,
                DueOn = deadline.DueOn,
                On = on,
                FireAt = ReminderPolicy.FireAt(step, on),
                Provisional = deadline.Provisional,
            };
        }
    }
}
