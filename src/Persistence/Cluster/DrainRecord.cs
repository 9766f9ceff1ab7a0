namespace CaseGrains.Persistence.Cluster;

/// <summary>One drain request as recorded (<c>cluster_drains</c>): which silo, who asked, when and why, and its outcome.</summary>
public sealed record DrainRecord(
    long Id,
    string SiloId,
    string SiloName,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Reason,
    DrainStatus Status,
    string? Refusal,
    DateTimeOffset? LeftAt);
