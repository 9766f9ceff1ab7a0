using CaseGrains.Persistence.Cases;
using CaseGrains.Persistence.Supervision;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="ISupervisionStore"/> over an <see cref="InMemoryDatabase"/>: the same rules and errors as PostgreSQL,
/// each operation atomic under the database's lock, nothing durable.</summary>
public sealed class InMemorySupervisionStore(InMemoryDatabase database) : ISupervisionStore
{
    public Task<StoredAgency?> LoadAgencyAsync(string agencyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agencyId);
        lock (database.Gate)
        {
            if (database.Agencies.GetValueOrDefault(agencyId) is not { } record)
            {
                return Task.FromResult<StoredAgency?>(null);
            }

            IReadOnlyList<StoredFinding> findings = database.AgencyFindings.TryGetValue(agencyId, out var stored)
                ? [.. stored.Values.OrderBy(f => f.Position)]
                : [];
            IReadOnlyList<StoredNoticeCitation> citations = database.AgencyCitations.TryGetValue(agencyId, out var cited) ? [.. cited] : [];
            return Task.FromResult<StoredAgency?>(new StoredAgency(agencyId, record.Version, record.SnapshotJson, findings, citations));
        }
    }

    public Task CommitAgencyAsync(AgencyCommit commit, CancellationToken cancellationToken = default)
    {
        SupervisionCommitRules.Validate(commit);
        lock (database.Gate)
        {
            var current = database.Agencies.GetValueOrDefault(commit.AgencyId)?.Version ?? 0;
            if (current != commit.ExpectedVersion)
            {
                throw new ConcurrencyConflictException(commit.AgencyId, commit.ExpectedVersion);
            }

            database.Agencies[commit.AgencyId] = new StoredRecord(commit.AgencyId, commit.ExpectedVersion + 1, commit.SnapshotJson);
            if (commit.Findings is { Count: > 0 } findings)
            {
                if (!database.AgencyFindings.TryGetValue(commit.AgencyId, out var stored))
                {
                    stored = new Dictionary<string, StoredFinding>(StringComparer.Ordinal);
                    database.AgencyFindings.Add(commit.AgencyId, stored);
                }

                foreach (var finding in findings)
                {
                    stored[finding.CaseId] = finding;
                }
            }

            if (commit.Citations is { Count: > 0 } citations)
            {
                if (!database.AgencyCitations.TryGetValue(commit.AgencyId, out var cited))
                {
                    cited = [];
                    database.AgencyCitations.Add(commit.AgencyId, cited);
                }

                cited.UnionWith(citations);
            }

            database.Enqueue(commit.Outbox, CaseCommitRules.NormaliseInstant(commit.At));
        }

        return Task.CompletedTask;
    }

    public Task<StoredInstrument?> LoadInstrumentAsync(string instrumentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instrumentId);
        lock (database.Gate)
        {
            return Task.FromResult(database.Instruments.GetValueOrDefault(instrumentId) is { } row
                ? new StoredInstrument(instrumentId, row.Current.Version, row.Current.SnapshotJson, [.. row.Citations.Values])
                : null);
        }
    }

    public Task CommitInstrumentAsync(InstrumentCommit commit, CancellationToken cancellationToken = default)
    {
        SupervisionCommitRules.Validate(commit);
        lock (database.Gate)
        {
            Write(commit);
        }

        return Task.CompletedTask;
    }

    public Task<int?> CommitNumberedAsync(DocumentSeriesKey series, Func<int, InstrumentCommit?> build, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(build);
        lock (database.Gate)
        {
            var sequence = database.DocumentCounters.GetValueOrDefault(series) + 1;
            if (build(sequence) is not { } commit)
            {
                return Task.FromResult<int?>(null);
            }

            SupervisionCommitRules.Validate(commit);
            Write(commit);
            database.DocumentCounters[series] = sequence;
            return Task.FromResult<int?>(sequence);
        }
    }

    /// <summary>Checks and writes one commit (called under the lock); throws before changing anything.</summary>
    private void Write(InstrumentCommit commit)
    {
        database.Instruments.TryGetValue(commit.InstrumentId, out var row);
        if ((row?.Current.Version ?? 0) != commit.ExpectedVersion)
        {
            throw new ConcurrencyConflictException(commit.InstrumentId, commit.ExpectedVersion);
        }

        var entry = SupervisionCommitRules.Normalised(commit.Entry);
        if (entry.IdempotencyKey is { } key && row is not null && row.History.Any(e => string.Equals(e.IdempotencyKey, key, StringComparison.Ordinal)))
        {
            throw new DuplicateIdempotencyKeyException(commit.InstrumentId, key);
        }

        var stored = new StoredRecord(commit.InstrumentId, commit.ExpectedVersion + 1, commit.SnapshotJson);
        if (row is null)
        {
            row = new InMemoryDatabase.InstrumentRow(stored, commit.Index);
            database.Instruments.Add(commit.InstrumentId, row);
        }
        else
        {
            row.Current = stored;
            row.Index = commit.Index;
        }

        foreach (var citation in commit.Citations ?? [])
        {
            row.Citations[citation.CaseId] = citation;
        }

        row.History.Add(entry);
        database.ApplyCommitEffects(
            commit.InstrumentId, entry.At, CaseCommitRules.NormalisedReminders(commit.Reminders), commit.Notifications, commit.Outbox);
    }

    public Task<IReadOnlyList<CaseHistoryEntry>> ReadInstrumentHistoryAsync(string instrumentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instrumentId);
        lock (database.Gate)
        {
            IReadOnlyList<CaseHistoryEntry> history = database.Instruments.TryGetValue(instrumentId, out var row) ? [.. row.History] : [];
            return Task.FromResult(history);
        }
    }

    public Task<InstrumentPage> ListInstrumentsAsync(InstrumentListQuery query, CancellationToken cancellationToken = default)
    {
        InstrumentListRules.Validate(query);
        lock (database.Gate)
        {
            var matching = database.Instruments.Values
                .Where(r => InstrumentListRules.Matches(query, r.Index))
                .OrderByDescending(r => r.Index.DraftedOn)
                .ThenByDescending(r => r.Current.Id, StringComparer.Ordinal)
                .ToList();
            var page = matching
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize)
                .Select(r => new InstrumentSummary(r.Current.Id, r.Current.Version, r.Index))
                .ToList();
            return Task.FromResult(new InstrumentPage(page, matching.Count));
        }
    }
}
