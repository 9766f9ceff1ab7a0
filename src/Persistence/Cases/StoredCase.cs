namespace CaseGrains.Persistence.Cases;

/// <summary>A case as it was last committed: its version (the sequence number of its last history entry) and snapshot.</summary>
public sealed record StoredCase(string CaseId, long Version, string SnapshotJson);
