using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Complaints;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="IComplaintStore"/> over an <see cref="InMemoryDatabase"/>: the rules and errors of PostgreSQL,
/// nothing durable; the history is chained as the in-memory case store chains it.</summary>
public sealed class InMemoryComplaintStore(InMemoryDatabase database) : IComplaintStore
{
    public Task<StoredComplaint?> LoadAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaintId);
        lock (database.Gate)
        {
            return Task.FromResult(database.Complaints.TryGetValue(complaintId, out var row) ? row.Current : null);
        }
    }

    public Task AppendAsync(ComplaintCommit commit, CancellationToken cancellationToken = default)
    {
        ComplaintCommitRules.Validate(commit);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = new StoredComplaint(commit.ComplaintId, commit.ExpectedVersion + 1, commit.SnapshotJson);
        var index = commit.Index with { UpdatedAt = CaseCommitRules.NormaliseInstant(commit.Index.UpdatedAt) };
        var entry = commit.Entry with { At = CaseCommitRules.NormaliseInstant(commit.Entry.At) };
        var reminders = CaseCommitRules.NormalisedReminders(commit.Reminders);
        lock (database.Gate)
        {
            database.Complaints.TryGetValue(commit.ComplaintId, out var row);
            if ((row?.Current.Version ?? 0) != commit.ExpectedVersion)
            {
                throw new ConcurrencyConflictException(commit.ComplaintId, commit.ExpectedVersion);
            }

            if (entry.IdempotencyKey is { } key && row is not null && row.IdempotencyKeys.Contains(key))
            {
                throw new DuplicateIdempotencyKeyException(commit.ComplaintId, key);
            }

            entry = HistoryChain.Link(commit.ComplaintId, entry, row is null || row.History.Count == 0 ? null : row.History[^1]);
            if (row is null)
            {
                row = new InMemoryDatabase.ComplaintRow(stored, index);
                database.Complaints.Add(commit.ComplaintId, row);
            }
            else
            {
                row.Current = stored;
                row.Index = index;
            }

            row.History.Add(entry);
            if (entry.IdempotencyKey is { } newKey)
            {
                row.IdempotencyKeys.Add(newKey);
            }

            database.ApplyCommitEffects(commit.ComplaintId, entry.At, reminders, commit.Notifications, commit.Outbox);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CaseHistoryEntry>> ReadHistoryAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaintId);
        lock (database.Gate)
        {
            IReadOnlyList<CaseHistoryEntry> history = database.Complaints.TryGetValue(complaintId, out var row) ? [.. row.History] : [];
            return Task.FromResult(history);
        }
    }

    public Task<HistoryVerification> VerifyHistoryAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaintId);
        lock (database.Gate)
        {
            database.Complaints.TryGetValue(complaintId, out var row);
            return Task.FromResult(HistoryChain.Verify(complaintId, row is null ? [] : [.. row.History], row?.Current.Version ?? 0));
        }
    }
}
