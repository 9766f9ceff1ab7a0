using CaseGrains.Abstractions;
using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Complaints;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Persistence.Reminders;

namespace CaseGrains.Grains.Complaints;

/// <summary>A complaint's reminder ladder (<see cref="ComplaintReminders"/>) in the form of the deadline index, written
/// with every commit of the complaint, as a case's is.</summary>
public static class ComplaintSchedule
{
    public static IReadOnlyList<ScheduleEntry> EntriesFor(EnforcementComplaint complaint, ReminderPolicy policy, WorkingDayCalendar calendar) =>
        [.. ComplaintReminders.For(complaint, policy, calendar).Select(r => new ScheduleEntry(
            r.CaseId, r.DeadlineId, EnumNames.Of(r.Kind), EnumNames.Of(r.Step), r.DueOn, r.FireAt))];
}
