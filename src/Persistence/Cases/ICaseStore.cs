namespace CaseGrains.Persistence.Cases;

/// <summary>Durable storage of cases: snapshot, append-only history and list index, changed in one transaction.</summary>
public interface ICaseStore
{
    Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits the change, or writes nothing and throws: <see cref="ConcurrencyConflictException"/> when the case
    /// is not at <see cref="CaseCommit.ExpectedVersion"/> (or already exists, for version 0),
    /// <see cref="DuplicateIdempotencyKeyException"/> when the entry's key was already used in this case, and
    /// <see cref="ArgumentException"/> for a malformed commit (see <see cref="CaseCommit"/>).
    /// </summary>
    Task AppendAsync(CaseCommit commit, CancellationToken cancellationToken = default);

    /// <summary>The case's history in sequence order; empty for an unknown case.</summary>
    Task<IReadOnlyList<CaseHistoryEntry>> ReadHistoryAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The history entry recorded with this idempotency key, if any: lets a retried command return the
    /// outcome of the first attempt instead of applying twice.</summary>
    async Task<CaseHistoryEntry?> FindByIdempotencyKeyAsync(string caseId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var history = await ReadHistoryAsync(caseId, cancellationToken).ConfigureAwait(false);
        return history.FirstOrDefault(e => string.Equals(e.IdempotencyKey, idempotencyKey, StringComparison.Ordinal));
    }

    /// <summary>
    /// Recomputes the case's history chain (<see cref="HistoryChain"/>) and reports the first entry that was altered,
    /// misplaced or removed. The stores also check, in the same read, that the history reaches the case's version,
    /// which catches entries removed from the end. An unknown case has an empty, intact history.
    /// </summary>
    async Task<HistoryVerification> VerifyHistoryAsync(string caseId, CancellationToken cancellationToken = default) =>
        HistoryChain.Verify(caseId, await ReadHistoryAsync(caseId, cancellationToken).ConfigureAwait(false));
}
