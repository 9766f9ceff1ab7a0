namespace CaseGrains.Persistence.Reminders;

/// <summary>
/// One row of the deadline index: a reminder step still to fire for one deadline of a case (the persistence form of
/// the domain's <c>ScheduledReminder</c>). Keyed by (<see cref="CaseId"/>, <see cref="DeadlineId"/>, <see cref="Step"/>);
/// <see cref="DueOn"/> and <see cref="FireAt"/> identify the version of the row, so that a stale acknowledgement
/// (<see cref="IReminderIndex.RemoveAsync"/>) cannot remove a rescheduled one. <see cref="Kind"/> and <see cref="Step"/>
/// are the domain enums' names. <see cref="FireAt"/> is stored as a UTC instant to the microsecond.
/// </summary>
public sealed record ScheduleEntry(string CaseId, int DeadlineId, string Kind, string Step, DateOnly DueOn, DateTimeOffset FireAt)
{
    /// <summary>The scheduler partition that owns this entry (<see cref="ReminderPartitions.Of"/>).</summary>
    public int Partition => ReminderPartitions.Of(CaseId);
}
