using System.Text.Json.Serialization;
using CaseGrains.Domain.Deadlines;
using CaseGrains.Domain.Deadlines.Reminders;

namespace CaseGrains.Domain.Cases;

/// <summary>
/// System action: a reminder step of a running deadline has come (<see cref="ScheduledReminder.ToCommand"/>). Delivered
/// at least once by the deadline scheduler, never by a user; the case makes it idempotent. It is recorded once per
/// deadline, step and due date; a delivery that was already recorded, that is for a due date the deadline no longer
/// has, for a deadline no longer running, or that a later step made pointless changes nothing
/// (<see cref="CaseTransition.IsUnchanged"/>). An overdue step applies the consequence the law attaches.
/// </summary>
public sealed record FireReminder : CaseCommand
{
    public required DeadlineKind Kind { get; init; }

    /// <summary>The deadline's position in <see cref="ReconsiderationCase.Deadlines"/> (<see cref="ScheduledReminder.DeadlineId"/>).</summary>
    public required int DeadlineId { get; init; }

    public required ReminderStep Step { get; init; }

    /// <summary>The due date the step was scheduled for.</summary>
    public required DateOnly DueOn { get; init; }

    [JsonIgnore]
    public override CaseActionName Action => CaseActionName.FireReminder;
}
