namespace CaseGrains.Persistence.Cases;

/// <summary>
/// A case as it was last committed: its version (the sequence number of its last history entry) and snapshot.
/// The snapshot is the same JSON value that was committed, not necessarily the same text (PostgreSQL's jsonb
/// normalises whitespace and key order): deserialise it, do not compare strings.
/// </summary>
public sealed record StoredCase(string CaseId, long Version, string SnapshotJson);
