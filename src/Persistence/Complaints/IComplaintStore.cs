using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Complaints;

/// <summary>Durable storage of complaints: snapshot, append-only chained history and list row, changed in one transaction
/// together with the complaint's reminder schedule and notifications.</summary>
public interface IComplaintStore
{
    Task<StoredComplaint?> LoadAsync(string complaintId, CancellationToken cancellationToken = default);

    /// <summary>Commits the change, or writes nothing and throws: <see cref="ConcurrencyConflictException"/> when the
    /// complaint is not at <see cref="ComplaintCommit.ExpectedVersion"/>, <see cref="DuplicateIdempotencyKeyException"/>
    /// when the entry's key was already used on it, <see cref="ArgumentException"/> for a malformed commit.</summary>
    Task AppendAsync(ComplaintCommit commit, CancellationToken cancellationToken = default);

    /// <summary>The history in sequence order; empty for an unknown complaint.</summary>
    Task<IReadOnlyList<CaseHistoryEntry>> ReadHistoryAsync(string complaintId, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the history's chain and checks that it reaches the complaint's version.</summary>
    Task<HistoryVerification> VerifyHistoryAsync(string complaintId, CancellationToken cancellationToken = default);
}
