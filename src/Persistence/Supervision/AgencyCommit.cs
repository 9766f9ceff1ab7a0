using CaseGrains.Persistence.Outbox;

namespace CaseGrains.Persistence.Supervision;

/// <summary>
/// One change to an agency's record: the snapshot (the record without its findings and without its notices' cited cases)
/// replaces the stored one when the record is still at <see cref="ExpectedVersion"/> (0 for a new record);
/// <see cref="Findings"/>, the findings the change added or replaced and only those, are written over the stored findings
/// of the same cases, the others staying as they are; <see cref="Citations"/>, the cases the change's notices newly cite
/// and only those, are added to the stored ones; and <see cref="Outbox"/> (a pattern's notice to draft, cases for an open
/// notice to cite) is written in the same transaction. So a commit costs what changed, not what the record holds.
/// </summary>
public sealed record AgencyCommit(
    string AgencyId,
    long ExpectedVersion,
    string SnapshotJson,
    DateTimeOffset At,
    IReadOnlyList<OutboxMessage>? Outbox = null,
    IReadOnlyList<StoredFinding>? Findings = null,
    IReadOnlyList<StoredNoticeCitation>? Citations = null);
