namespace CaseGrains.Persistence.Supervision;

/// <summary>An instrument as last committed: its version, its snapshot without the citations, and its citations in no
/// particular order (the instrument knows its citation order).</summary>
public sealed record StoredInstrument(string Id, long Version, string SnapshotJson, IReadOnlyList<StoredCitation> Citations);
