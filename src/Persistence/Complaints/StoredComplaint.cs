namespace CaseGrains.Persistence.Complaints;

/// <summary>A complaint as last committed: its version (the sequence of its last history entry) and its snapshot, the same
/// JSON value as committed though not necessarily the same text.</summary>
public sealed record StoredComplaint(string ComplaintId, long Version, string SnapshotJson);
