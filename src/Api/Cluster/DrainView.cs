using CaseGrains.Abstractions;
using CaseGrains.Persistence.Cluster;

namespace CaseGrains.Api.Cluster;

/// <summary>One drain request in <c>GET /api/v1/cluster/drains</c>: <c>Status</c> is <c>requested</c>, <c>draining</c>,
/// <c>unreachable</c>, <c>refused</c> (with <c>Refusal</c>, the problem code the request was answered with) or
/// <c>left</c> (with <c>LeftAt</c>, when the silo had shut down) or <c>died</c> (with <c>LeftAt</c>, when the silos still
/// running saw the cluster declare it dead before it had recorded leaving).</summary>
public sealed record DrainView(
    long Id,
    string SiloId,
    string SiloName,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string Reason,
    string Status,
    string? Refusal,
    DateTimeOffset? LeftAt)
{
    public static DrainView Of(DrainRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DrainView(record.Id, record.SiloId, record.SiloName, record.RequestedBy, record.RequestedAt, record.Reason,
            EnumNames.Of(record.Status), record.Refusal, record.LeftAt);
    }
}
