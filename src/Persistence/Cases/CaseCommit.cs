namespace CaseGrains.Persistence.Cases;

/// <summary>
/// One change to a case, committed atomically: the history entry is appended, the snapshot and the index row
/// are replaced. <see cref="ExpectedVersion"/> is 0 for a new case; the new version is the entry's sequence,
/// which must be <c>ExpectedVersion + 1</c>. <see cref="Index"/> must be for the same case and carry the new
/// version. <see cref="SnapshotJson"/> and the entry's payload must be JSON. A commit that breaks these rules is
/// refused with an <see cref="ArgumentException"/> before anything is written.
/// </summary>
public sealed record CaseCommit(string CaseId, long ExpectedVersion, string SnapshotJson, CaseIndexEntry Index, CaseHistoryEntry Entry);
