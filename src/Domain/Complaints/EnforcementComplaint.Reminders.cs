using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Complaints;

public sealed partial record EnforcementComplaint
{
    /// <summary>Records a reminder step once per deadline, step and due date (<see cref="ReminderDelivery"/>); the overdue step
    /// marks the answer overdue and tells the office's head.</summary>
    private Transition<EnforcementComplaint, ComplaintEvent> Execute(FireComplaintReminder command, CaseContext context)
    {
        var today = context.Today;
        if (ReminderDelivery.Judge(Deadlines, FiredReminders, command.Kind, command.DeadlineId, command.Step, command.DueOn, today) is { } refusal)
        {
            return refusal.Kind == CaseRefusalKind.Unchanged
                ? Transition<EnforcementComplaint, ComplaintEvent>.Unchanged(this, refusal)
                : Refuse(refusal);
        }

        var overdue = command.Step == ReminderStep.Overdue;
        var state = this with
        {
            AnswerOverdue = AnswerOverdue || overdue,
            FiredReminders = [.. FiredReminders, new() { DeadlineId = command.DeadlineId, Kind = command.Kind, Step = command.Step, DueOn = command.DueOn, FiredOn = today }],
        };
        return Succeed(state, new ComplaintReminderFired
        {
            Kind = command.Kind,
            DeadlineId = command.DeadlineId,
            Step = command.Step,
            DueOn = command.DueOn,
            FiredOn = today,
            Audiences = ComplaintReminders.AudiencesFor(command.Step),
            AnswerOverdue = overdue,
        });
    }
}
