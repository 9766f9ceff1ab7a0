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
    private static readonly ReminderStep[] AllSteps = Enum.GetValues<ReminderStep>();

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
        // Written as loops and one sort rather than a LINQ pipeline: every commit of a case, a complaint or an
        // instrument builds its ladder, and the ordered iterator with its key arrays and closures was 3.5% of the
        // managed samples in a profile of bench transitions-memory's case phase.
        var ladder = new List<ScheduledReminder>();
        for (var id = 0; id < deadlines.Count; id++)
        {
            if (deadlines[id].Phase == DeadlinePhase.Running)
            {
                AddSteps(ladder, ownerId, fired, id, deadlines[id], policy, calendar);
            }
        }

        ladder.Sort(InFiringOrder);
        return ladder;
    }

    /// <summary>By <see cref="ScheduledReminder.FireAt"/>, then deadline, then step: a total order, since a deadline has
    /// one step of each kind.</summary>
    private static int InFiringOrder(ScheduledReminder x, ScheduledReminder y)
    {
        var byTime = x.FireAt.CompareTo(y.FireAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byDeadline = x.DeadlineId.CompareTo(y.DeadlineId);
        return byDeadline != 0 ? byDeadline : x.Step.CompareTo(y.Step);
    }

    private static void AddSteps(
        List<ScheduledReminder> ladder,
        string ownerId,
        IReadOnlyList<FiredReminder> fired,
        int id,
        Deadline deadline,
        ReminderPolicy policy,
        WorkingDayCalendar calendar)
    {
        var warningOn = policy.AdvanceWarningOn(deadline, calendar);
        foreach (var step in AllSteps)
        {
            if ((step == ReminderStep.AdvanceWarning && warningOn is null) || Recorded(fired, id, deadline.DueOn, step))
            {
                continue;
            }

            var on = ReminderPolicy.DateOf(step, deadline.DueOn, warningOn);
            ladder.Add(new ScheduledReminder
            {
                CaseId = ownerId,
                Kind = deadline.Kind,
                DeadlineId = id,
                Step = step,
                DueOn = deadline.DueOn,
                On = on,
                FireAt = ReminderPolicy.FireAt(step, on),
                Provisional = deadline.Provisional,
            });
        }
    }

    private static bool Recorded(IReadOnlyList<FiredReminder> fired, int id, DateOnly dueOn, ReminderStep step)
    {
        for (var i = 0; i < fired.Count; i++)
        {
            if (fired[i].Covers(id, dueOn, step))
            {
                return true;
            }
        }

        return false;
    }
}
