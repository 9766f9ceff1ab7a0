using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Supervision;

/// <summary>Durable storage of agencies' records and supervision instruments (snapshot, append-only history, list columns),
/// each change in one transaction with the outbox messages, reminders and notifications it causes.</summary>
public interface ISupervisionStore
{
    /// <summary>The record's snapshot, all its findings in position order and all its notices' citations; null when the
    /// agency has no record.</summary>
    Task<StoredAgency?> LoadAgencyAsync(string agencyId, CancellationToken cancellationToken = default);

    /// <summary>Commits the change (the snapshot, the findings it carries over the stored ones of the same cases, and the
    /// citations it carries added to the stored ones), or writes nothing and throws
    /// <see cref="ConcurrencyConflictException"/> when the record is not at <see cref="AgencyCommit.ExpectedVersion"/>.</summary>
    Task CommitAgencyAsync(AgencyCommit commit, CancellationToken cancellationToken = default);

    /// <summary>The instrument's snapshot and all its citations; null when there is no such instrument.</summary>
    Task<StoredInstrument?> LoadInstrumentAsync(string instrumentId, CancellationToken cancellationToken = default);

    /// <summary>Commits the change (the snapshot, and the citations it carries over the stored ones of the same cases), or
    /// writes nothing and throws: <see cref="ConcurrencyConflictException"/> when the
    /// instrument is not at <see cref="InstrumentCommit.ExpectedVersion"/>, <see cref="DuplicateIdempotencyKeyException"/>
    /// when the entry's key was already used on it.</summary>
    Task CommitInstrumentAsync(InstrumentCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Draws the next number of <paramref name="series"/> and commits what <paramref name="build"/> makes of it, in one
    /// transaction: the counter moves exactly when the commit is written, so numbers run without gaps or repeats however
    /// many issue at once. When <paramref name="build"/> answers null (the issue was refused) or the commit fails, the
    /// counter stays where it was. Returns the sequence drawn, or null when nothing was written.
    /// </summary>
    Task<int?> CommitNumberedAsync(DocumentSeriesKey series, Func<int, InstrumentCommit?> build, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseHistoryEntry>> ReadInstrumentHistoryAsync(string instrumentId, CancellationToken cancellationToken = default);

    Task<InstrumentPage> ListInstrumentsAsync(InstrumentListQuery query, CancellationToken cancellationToken = default);
}
