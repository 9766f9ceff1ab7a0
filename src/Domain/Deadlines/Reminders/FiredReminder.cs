namespace CaseGrains.Domain.Deadlines.Reminders;

/// <summary>
/// A reminder step the case has recorded, for the deadline at <see cref="DeadlineId"/> in
/// <see cref="Cases.ReconsiderationCase.Deadlines"/> and the due date it fired for. A step fires again only when the
/// due date moves (extension, resumption, a newly loaded holiday year): the ladder is then a new one.
/// </summary>
public sealed record FiredReminder
{
    /// <summary>The deadline's position in the case's deadline list (see <see cref="ScheduledReminder.DeadlineId"/>).</summary>
    public required int DeadlineId { get; init; }

    public required DeadlineKind Kind { get; init; }

    public required ReminderStep Step { get; init; }

    /// <summary>The due date the step fired for.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The Beijing date the case recorded the step.</summary>
    public required DateOnly FiredOn { get; init; }

    /// <summary>Whether this record is <paramref name="step"/> or a later one for the same deadline and due date.</summary>
    public bool Covers(int deadlineId, DateOnly dueOn, ReminderStep step) => DeadlineId == deadlineId && DueOn == dueOn && Step >= step;
}
