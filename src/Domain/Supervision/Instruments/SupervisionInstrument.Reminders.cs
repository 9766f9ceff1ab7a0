using CaseGrains.Domain.Cases;
using CaseGrains.Domain.Deadlines.Reminders;
using CaseGrains.Domain.Organisations;
using CaseGrains.Domain.Workflow;

namespace CaseGrains.Domain.Supervision;

public sealed partial record SupervisionInstrument
{
    /// <summary>
    /// Records a reminder step once per deadline, step and due date (<see cref="ReminderDelivery"/>). Every deadline an
    /// instrument runs waits for the agency's report, so an overdue step always means the agency let a period pass: the
    /// instrument becomes overdue, the Art. 77 follow-ups open up, and the matter goes one level up from the supervisor it
    /// sat with — unless that is the province's, which has no level above it and deals with the matter itself.
    /// </summary>
    private Transition<SupervisionInstrument, InstrumentEvent> Execute(FireInstrumentReminder command, CaseContext context)
    {
        var today = context.Today;
        if (ReminderDelivery.Judge(Deadlines, FiredReminders, command.Kind, command.DeadlineId, command.Step, command.DueOn, today) is { } refusal)
        {
            return refusal.Kind == CaseRefusalKind.Unchanged ? Unchanged(refusal) : Refuse(refusal);
        }

        var state = this with
        {
            FiredReminders = [.. FiredReminders, new() { DeadlineId = command.DeadlineId, Kind = command.Kind, Step = command.Step, DueOn = command.DueOn, FiredOn = today }],
        };
        Escalation? escalation = null;
        var atTop = false;
        if (command.Step == ReminderStep.Overdue)
        {
            state = state with { Status = InstrumentStatus.Overdue, RectificationOverdue = true };
            if (RegionPaths.Parent(SupervisorRegionPath) is { } above)
            {
                escalation = new Escalation
                {
                    FromRegionPath = SupervisorRegionPath,
                    ToRegionPath = above,
                    ToLevel = RegionPaths.LevelOf(above),
                    EscalatedOn = today,
                    Lapsed = command.Kind,
                    DueOn = command.DueOn,
                };
                state = state with { Escalations = [.. Escalations, escalation] };
            }
            else
            {
                atTop = true;
            }
        }

        return Succeed(state, new InstrumentReminderFired
        {
            Kind = command.Kind,
            DeadlineId = command.DeadlineId,
            Step = command.Step,
            DueOn = command.DueOn,
            FiredOn = today,
            Audiences = InstrumentReminders.AudiencesFor(command.Step),
            Escalation = escalation,
            NoHigherSupervisor = atTop,
        });
    }
}
