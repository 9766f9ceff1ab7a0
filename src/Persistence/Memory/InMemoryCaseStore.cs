using CaseGrains.Domain.Statistics;
using CaseGrains.Persistence.Cases;

namespace CaseGrains.Persistence.Memory;

/// <summary>
/// <see cref="ICaseStore"/> over an <see cref="InMemoryDatabase"/>: same rules and errors as PostgreSQL, nothing durable.
/// The history is chained with <see cref="HistoryChain"/> like PostgreSQL's, except that the payload is hashed as the
/// committed text (PostgreSQL hashes its normalised <c>jsonb::text</c>), so the hashes differ between the two stores
/// while each store's own verification holds.
/// </summary>
public sealed class InMemoryCaseStore(InMemoryDatabase database) : ICaseStore
{
    public Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        lock (database.Gate)
        {
            return Task.FromResult(database.Cases.TryGetValue(caseId, out var row) ? row.Current : null);
        }
    }

    public Task AppendAsync(CaseCommit commit, CancellationToken cancellationToken = default)
    {
        CaseCommitRules.Validate(commit);
        cancellationToken.ThrowIfCancellationRequested();
        var newVersion = commit.ExpectedVersion + 1;
        var stored = new StoredCase(commit.CaseId, newVersion, commit.SnapshotJson);
        var index = commit.Index with { UpdatedAt = CaseCommitRules.NormaliseInstant(commit.Index.UpdatedAt) };
        var entry = commit.Entry with { At = CaseCommitRules.NormaliseInstant(commit.Entry.At) };
        var reminders = CaseCommitRules.NormalisedReminders(commit);
        lock (database.Gate)
        {
            database.Cases.TryGetValue(commit.CaseId, out var row);
            var current = row?.Current.Version ?? 0;
            if (current != commit.ExpectedVersion)
            {
                throw new ConcurrencyConflictException(commit.CaseId, commit.ExpectedVersion);
            }

            if (entry.IdempotencyKey is { } key && row is not null && row.ByIdempotencyKey.ContainsKey(key))
            {
                throw new DuplicateIdempotencyKeyException(commit.CaseId, key);
            }

            // Before anything changes: hashing refuses text that has no UTF-8 form, and then nothing is written.
            entry = HistoryChain.Link(commit.CaseId, entry, row is null || row.History.Count == 0 ? null : row.History[^1]);

            if (row is null)
            {
                row = new InMemoryDatabase.CaseRow(stored, index);
                database.Cases.Add(commit.CaseId, row);
            }
            else
            {
                row.Current = stored;
                row.Index = index;
            }

            row.Outcome = commit.Outcome ?? CaseOutcome.None;

            row.History.Add(entry);
            if (entry.IdempotencyKey is { } newKey)
            {
                row.ByIdempotencyKey.Add(newKey, entry);
            }

            database.ApplyCommitEffects(commit.CaseId, entry.At, reminders, commit.Notifications, commit.Outbox);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CaseHistoryEntry>> ReadHistoryAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        lock (database.Gate)
        {
            IReadOnlyList<CaseHistoryEntry> history = database.Cases.TryGetValue(caseId, out var row) ? [.. row.History] : [];
            return Task.FromResult(history);
        }
    }

    public Task<HistoryVerification> VerifyHistoryAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        List<CaseHistoryEntry> history;
        long version;
        lock (database.Gate)
        {
            database.Cases.TryGetValue(caseId, out var row);
            history = row is null ? [] : [.. row.History];
            version = row?.Current.Version ?? 0;
        }

        return Task.FromResult(HistoryChain.Verify(caseId, history, version));
    }

    public Task<CaseHistoryEntry?> FindByIdempotencyKeyAsync(string caseId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        lock (database.Gate)
        {
            return Task.FromResult(
                database.Cases.TryGetValue(caseId, out var row) ? row.ByIdempotencyKey.GetValueOrDefault(idempotencyKey) : null);
        }
    }
}
