namespace CaseGrains.Persistence.Cluster;

/// <summary>What a drain request says when it is recorded.</summary>
public sealed record DrainRequestEntry(string SiloId, string SiloName, string RequestedBy, DateTimeOffset RequestedAt, string Reason)
{
    /// <summary>The longest reason kept (the column's check).</summary>
    public const int MaxReasonLength = 500;
}
