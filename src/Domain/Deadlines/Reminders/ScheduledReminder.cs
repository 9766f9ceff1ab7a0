using CaseGrains.Domain.Cases;

namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>
/// One step still to fire on one running deadline of a case (<see cref="ReminderLadder.For"/>): what the scheduler
/// keeps in its index and delivers, at least once, as <see cref="ToCommand"/> at <see cref="FireAt"/>.
/// </summary>
public sealed record ScheduledReminder
{
    /// <summary>The case the deadline runs on, or the supervision instrument or complaint for their ladders
    /// (<see cref="ReminderLadder.For(string, IReadOnlyList{Deadline}, IReadOnlyList{FiredReminder}, ReminderPolicy, Calendar.WorkingDayCalendar)"/>);
    /// their ids carry distinct prefixes.</summary>
    public required string CaseId { get; init; }

    public required DeadlineKind Kind { get; init; }

    /// <summary>
    /// The deadline's identity: its position (from 0) in <see cref="ReconsiderationCase.Deadlines"/>. That list is
    /// append-only: a new deadline is added at the end, and pausing, resuming, extending, switching procedure,
    /// recomputing, completing and cancelling change a deadline in place. So the position never changes for the life of
    /// the case, unlike the start date and kind, which two hearing notices scheduled on the same day share.
    /// </summary>
    public required int DeadlineId { get; init; }

    public required ReminderStep Step { get; init; }

    /// <summary>The due date the step is for; a delivery for another due date than the deadline's current one is stale.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The Beijing date the step fires on.</summary>
    public required DateOnly On { get; init; }

    /// <summary>The UTC instant the step fires: <see cref="On"/> at the step's Beijing time of day
    /// (<see cref="ReminderPolicy.TimeOf"/>).</summary>
    public required DateTimeOffset FireAt { get; init; }

    /// <summary>Whether the due date was computed across a year with no holiday arrangement loaded, so it may move
    /// when that year is loaded.</summary>
    public bool Provisional { get; init; }

    /// <summary>The command the scheduler delivers to the case.</summary>
    public FireReminder ToCommand() => new() { Kind = Kind, DeadlineId = DeadlineId, Step = Step, DueOn = DueOn };
}
