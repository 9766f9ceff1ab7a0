using CaseGrains.Persistence.Outbox;

namespace CaseGrains.Persistence.Supervision;

/// <summary>
/// One change to an agency's record: the snapshot replaces the stored one when the record is still at
/// <see cref="ExpectedVersion"/> (0 for a new record), and <see cref="Outbox"/> (a pattern's notice to draft, cases for an
/// open notice to cite) is written in the same transaction.
/// </summary>
public sealed record AgencyCommit(
    string AgencyId,
    long ExpectedVersion,
    string SnapshotJson,
    DateTimeOffset At,
    IReadOnlyList<OutboxMessage>? Outbox = null);
