namespace CaseGrains.Persistence.Supervision;

/// <summary>An agency's record or an instrument as last committed: its version and snapshot (the same JSON value that was
/// committed, not necessarily the same text).</summary>
public sealed record StoredRecord(string Id, long Version, string SnapshotJson);
