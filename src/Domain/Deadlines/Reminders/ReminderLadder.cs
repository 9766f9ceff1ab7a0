using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>
/// The reminders a case (or a supervision instrument, or a complaint) still has to fire: for every running deadline, an
/// advance warning, due-today and overdue, each keyed by the deadline's current due date. Paused, completed (met or
/// missed) and cancelled deadlines have none. A step the case has recorded for the current due date is left out, and so is every earlier step once a later
/// one was recorded; when a due date moves, the ladder is a new one for the new date.
/// </summary>
public static class ReminderLadder
{
    /// <summary>The steps still to fire, ordered by <see cref="ScheduledReminder.FireAt"/>. Steps whose time has passed
    /// are included: the scheduler delivers them at once and the case decides whether they still apply.</summary>
    public static IReadOnlyList<ScheduledReminder> For(ReconsiderationCase @case, ReminderPolicy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return For(@case.Id, @case.Deadlines, @case.FiredReminders, policy, calendar);
    }

    /// <summary>The same ladder for anything else that runs deadlines the same way (a supervision instrument, an enforcement
    /// complaint): an append-only list of deadlines, whose positions are their ids, and the steps it recorded.
    /// <see cref="ScheduledReminder.CaseId"/> is then <paramref name="ownerId"/>.</summary>
    public static IReadOnlyList<ScheduledReminder> For(
        string ownerId,
        IReadOnlyList<Deadline> deadlines,
        IReadOnlyList<FiredReminder> fired,
        ReminderPolicy policy,
        WorkingDayCalendar calendar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(fired);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return [.. deadlines
            .Select((deadline, id) => (deadline, id))
            .Where(d => d.deadline.Phase == DeadlinePhase.Running)
            .SelectMany(d => Steps(ownerId, fired, d.id, d.deadline, policy, calendar))
            .OrderBy(r => r.FireAt)
            .ThenBy(r => r.DeadlineId)
            .ThenBy(r => r.Step)];
    }

    private static IEnumerable<ScheduledReminder> Steps(
        string ownerId, IReadOnlyList<FiredReminder> fired, int id, Deadline deadline, ReminderPolicy policy, WorkingDayCalendar calendar)
    {
        var warningOn = policy.AdvanceWarningOn(deadline, calendar);
        foreach (var step in Enum.GetValues<ReminderStep>())
        {
            if ((step == ReminderStep.AdvanceWarning && warningOn is null)
                || fired.Any(f => f.Covers(id, deadline.DueOn, step)))
            {
                continue;
            }

            var on = ReminderPolicy.DateOf(step, deadline.DueOn, warningOn);
            yield return new ScheduledReminder
            {
                CaseId = ownerId,
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
