namespace CaseGrains.Persistence.Cases;

/// <summary>Durable storage of cases: snapshot, append-only history and list index, changed in one transaction.</summary>
public interface ICaseStore
{
    Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Commits the change, or throws <see cref="ConcurrencyConflictException"/> and writes nothing.</summary>
    Task AppendAsync(CaseCommit commit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseHistoryEntry>> ReadHistoryAsync(string caseId, CancellationToken cancellationToken = default);
}
