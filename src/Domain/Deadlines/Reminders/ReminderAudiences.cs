namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>Who is told of each step. Warnings and due-today reminders go to the case officers; an overdue period goes
/// to whoever its consequence concerns.</summary>
public static class ReminderAudiences
{
    public static IReadOnlyList<NotificationAudience> For(DeadlineKind kind, ReminderStep step) => (kind, step) switch
    {
        (DeadlineKind.Review or DeadlineKind.Correction, ReminderStep.Overdue) => [NotificationAudience.Applicant, NotificationAudience.CaseOfficers],
        (DeadlineKind.Reply, ReminderStep.Overdue) => [NotificationAudience.CaseOfficers, NotificationAudience.RespondentAgency],
        (DeadlineKind.Decision, ReminderStep.Overdue) => [NotificationAudience.HeadOfBody, NotificationAudience.SupervisionOffice],
        _ => [NotificationAudience.CaseOfficers],
    };
}
