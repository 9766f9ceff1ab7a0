namespace CaseGrains.Persistence.Cases;

/// <summary>
/// One change to a case, committed atomically: the history entry is appended, the snapshot and the index row
/// are replaced. <see cref="ExpectedVersion"/> is 0 for a new case; the new version is the entry's sequence.
/// </summary>
public sealed record CaseCommit(string CaseId, long ExpectedVersion, string SnapshotJson, CaseIndexEntry Index, CaseHistoryEntry Entry);
