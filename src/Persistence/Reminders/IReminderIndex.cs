namespace CaseGrains.Persistence.Reminders;

/// <summary>
/// The deadline index as the scheduler grains read it. It is written only by case commits
/// (<see cref="Cases.CaseCommit.Reminders"/>), which replace a case's whole schedule atomically with the case change,
/// and shrunk by the scheduler acknowledging deliveries. Delivery is at least once: a scheduler reads due entries,
/// delivers each to its case, then removes it; a crash in between means the entry is delivered again, and the case
/// ignores a step it has already recorded.
/// </summary>
public interface IReminderIndex
{
    /// <summary>Up to <paramref name="limit"/> entries of the partition whose fire time is at or before
    /// <paramref name="now"/>, ordered by fire time (ties by case id ordinal, deadline id, step ordinal); only those
    /// after <paramref name="after"/> in that order when it is given, so that a reader going through a burst page by page
    /// seeks past what it has read instead of scanning again the entries its deliveries just deleted.</summary>
    Task<IReadOnlyList<ScheduleEntry>> DueAsync(int partition, DateTimeOffset now, int limit, ScheduleEntry? after = null, CancellationToken cancellationToken = default);

    /// <summary>The earliest fire time in the partition (past or future), or null when it is empty: when to wake next.</summary>
    Task<DateTimeOffset?> NextFireAtAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>Removes the row of this case, deadline and step only while its due date and fire time are still those of
    /// <paramref name="entry"/>: an acknowledgement of a delivery that was rescheduled since leaves the new row alone.
    /// Returns whether a row was removed.</summary>
    Task<bool> RemoveAsync(ScheduleEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ids of the cases with at least one entry whose due date is on or after <paramref name="dueFrom"/>: each once,
    /// in ordinal order of case id, only those after <paramref name="after"/> (null: from the first), at most
    /// <paramref name="limit"/>. A keyset page: pass the last id of one page as <paramref name="after"/> of the next, so a
    /// walk through the whole index stays correct while cases commit meanwhile (a case that gains its first entry
    /// behind the cursor is simply not in the walk).
    /// </summary>
    Task<IReadOnlyList<string>> CasesDueFromAsync(DateOnly dueFrom, string? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>The number of entries in the whole index.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
