using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Complaints;

/// <summary>A complaint's reminder ladder, in the shape of a case's (<see cref="ReminderLadder"/>), for the same scheduler.</summary>
public static class ComplaintReminders
{
    /// <summary>The steps still to fire; <see cref="ScheduledReminder.CaseId"/> is the complaint's id.</summary>
    public static IReadOnlyList<ScheduledReminder> For(EnforcementComplaint complaint, ReminderPolicy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return ReminderLadder.For(complaint.Id, complaint.Deadlines, complaint.FiredReminders, policy, calendar);
    }

    public static FireComplaintReminder ToCommand(ScheduledReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return new() { Kind = reminder.Kind, DeadlineId = reminder.DeadlineId, Step = reminder.Step, DueOn = reminder.DueOn };
    }

    /// <summary>The handling office's officers (<see cref="NotificationAudience.CaseOfficers"/>) are told of every step; its
    /// head as well once the answer is overdue.</summary>
    public static IReadOnlyList<NotificationAudience> AudiencesFor(ReminderStep step) => step == ReminderStep.Overdue
        ? [NotificationAudience.CaseOfficers, NotificationAudience.HeadOfBody]
        : [NotificationAudience.CaseOfficers];
}
