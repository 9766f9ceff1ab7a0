using CaseGrains.Domain.Calendar;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Supervision;

/// <summary>
/// An instrument's reminder ladder, in the shape a case's has (<see cref="ReminderLadder"/>), so that the same scheduler
/// index and delivery drive it: every running deadline warns ahead (by <see cref="ReminderPolicy"/> for its kind), on the
/// due date, and when overdue; each step is delivered as <see cref="ToCommand"/> and recorded once.
/// </summary>
public static class InstrumentReminders
{
    /// <summary>The steps still to fire; <see cref="ScheduledReminder.CaseId"/> is the instrument's id.</summary>
    public static IReadOnlyList<ScheduledReminder> For(SupervisionInstrument instrument, ReminderPolicy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return ReminderLadder.For(instrument.Id, instrument.Deadlines, instrument.FiredReminders, policy, calendar);
    }

    public static FireInstrumentReminder ToCommand(ScheduledReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return new() { Kind = reminder.Kind, DeadlineId = reminder.DeadlineId, Step = reminder.Step, DueOn = reminder.DueOn };
    }

    /// <summary>
    /// Who is told. Before and on the due date: the agency, which must report, and the issuer's officers
    /// (<see cref="NotificationAudience.CaseOfficers"/> are the issuing body's). When overdue, also the issuer's head and the
    /// supervision office the matter now sits with (<see cref="SupervisionInstrument.SupervisorRegionPath"/>, after escalation).
    /// </summary>
    public static IReadOnlyList<NotificationAudience> AudiencesFor(ReminderStep step) => step == ReminderStep.Overdue
        ? [NotificationAudience.RespondentAgency, NotificationAudience.CaseOfficers, NotificationAudience.HeadOfBody, NotificationAudience.SupervisionOffice]
        : [NotificationAudience.RespondentAgency, NotificationAudience.CaseOfficers];
}
