using System.Text.Json.Serialization;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Supervision;

/// <summary>A reminder step fired on the rectification or compliance deadline: the notifier tells <see cref="Audiences"/>. The
/// overdue step made the instrument overdue and sent the matter one level up (<see cref="Escalation"/>), or, when the
/// supervisor it sat with is the province's, recorded that there is no level above (<see cref="NoHigherSupervisor"/>): the
/// province deals with it itself.</summary>
public sealed record InstrumentReminderFired : InstrumentEvent
{
    public required DeadlineKind Kind { get; init; }

    public required int DeadlineId { get; init; }

    public required ReminderStep Step { get; init; }

    public required DateOnly DueOn { get; init; }

    public required DateOnly FiredOn { get; init; }

    public required IReadOnlyList<NotificationAudience> Audiences { get; init; }

    public Escalation? Escalation { get; init; }

    public bool NoHigherSupervisor { get; init; }

    [JsonIgnore]
    public override InstrumentActionName Action => InstrumentActionName.FireInstrumentReminder;
}
