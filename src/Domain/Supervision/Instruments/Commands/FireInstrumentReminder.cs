using System.Text.Json.Serialization;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Supervision;

/// <summary>System action: a reminder step of the rectification or compliance deadline has come
/// (<see cref="InstrumentReminders.ToCommand"/>), delivered at least once; recorded once per deadline, step and due date
/// (<see cref="Workflow.ReminderDelivery"/>). The overdue step makes the instrument overdue and escalates the matter.</summary>
public sealed record FireInstrumentReminder : InstrumentCommand
{
    public required DeadlineKind Kind { get; init; }

    /// <summary>The deadline's position in <see cref="SupervisionInstrument.Deadlines"/>.</summary>
    public required int DeadlineId { get; init; }

    public required ReminderStep Step { get; init; }

    public required DateOnly DueOn { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.FireInstrumentReminder;
}
