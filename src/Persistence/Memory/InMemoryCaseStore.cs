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

        // The hash is computed between two turns of the gate, which every store and query of the database shares: held
        // for the hash, it kept every other case's commit spinning (bench transitions-memory). Every commit of a case
        // raises its version, so finding the version unchanged on the second turn means the entry read on the first is
        // still the last.
        CaseHistoryEntry? previous;
        lock (database.Gate)
        {
            previous = Check(commit, entry.IdempotencyKey) is { History.Count: > 0 } existing ? existing.History[^1] : null;
        }

        // Before anything changes: hashing refuses text that has no UTF-8 form, and then nothing is written.
        entry = HistoryChain.Link(commit.CaseId, entry, previous);
        lock (database.Gate)
        {
            var row = Check(commit, entry.IdempotencyKey);
            // The row's region path follows the directory, as PostgreSQL's does: taken from the agency's region at
            // receipt, moved with the region since, and never written back from a case's own (older) copy.
            if (row is null)
            {
                row = new InMemoryDatabase.CaseRow(stored, index with { RegionPath = database.RegionPathOfAgency(index.RespondentAgencyId) ?? index.RegionPath });
                database.Cases.Add(commit.CaseId, row);
            }
            else
            {
                row.Current = stored;
                row.Index = index with { RegionPath = row.Index.RegionPath };
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

    /// <summary>The case's row, after checking (under the gate) that the commit is at its version and that its idempotency
    /// key is new.</summary>
    private InMemoryDatabase.CaseRow? Check(CaseCommit commit, string? idempotencyKey)
    {
        database.Cases.TryGetValue(commit.CaseId, out var row);
        if ((row?.Current.Version ?? 0) != commit.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(commit.CaseId, commit.ExpectedVersion);
        }

        if (idempotencyKey is not null && row is not null && row.ByIdempotencyKey.ContainsKey(idempotencyKey))
        {
            throw new DuplicateIdempotencyKeyException(commit.CaseId, idempotencyKey);
        }

        return row;
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
