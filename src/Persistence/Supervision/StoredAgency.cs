namespace CaseGrains.Persistence.Supervision;

/// <summary>An agency's record as last committed: its version, its snapshot without the findings and the notices' cited
/// cases, the findings in <see cref="StoredFinding.Position"/> order, and every notice's citations in no particular order.</summary>
public sealed record StoredAgency(
    string Id, long Version, string SnapshotJson, IReadOnlyList<StoredFinding> Findings, IReadOnlyList<StoredNoticeCitation> Citations);
