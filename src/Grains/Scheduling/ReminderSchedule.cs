using CaseGrains.Abstractions;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Grains.Scheduling;

/// <summary>A case's reminder ladder (<see cref="ReminderLadder"/>) in the form of the deadline index, written with every
/// commit of the case so that the index never disagrees with the case.</summary>
public static class ReminderSchedule
{
    public static IReadOnlyList<ScheduleEntry> EntriesFor(ReconsiderationCase @case, ReminderPolicy policy, WorkingDayCalendar calendar) =>
        [.. ReminderLadder.For(@case, policy, calendar).Select(r => new ScheduleEntry(
            r.CaseId, r.DeadlineId, EnumNames.Of(r.Kind), EnumNames.Of(r.Step), r.DueOn, r.FireAt))];
}
