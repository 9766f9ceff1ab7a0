using CaseGrains.Abstractions;

namespace CaseGrains.Api.Cluster;

/// <summary>
/// One silo as the membership table (集群成员) and its runtime statistics show it. <c>Id</c> names it in the drain route;
/// <c>ActivationCount</c> is null when the silo did not answer in time (it may be dying).
/// </summary>
public sealed record ClusterMemberView(
    string Id,
    string Address,
    int SiloPort,
    int GatewayPort,
    string Status,
    string Role,
    string SiloName,
    string HostName,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAliveAt,
    int? ActivationCount)
{
    public static ClusterMemberView Of(MembershipEntry entry, int? activationCount)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ClusterMemberView(
            entry.SiloAddress.ToParsableString(),
            entry.SiloAddress.Endpoint.Address.ToString(),
            entry.SiloAddress.Endpoint.Port,
            entry.ProxyPort,
            EnumNames.Of(entry.Status),
            entry.RoleName ?? string.Empty,
            entry.SiloName ?? string.Empty,
            entry.HostName ?? string.Empty,
            new DateTimeOffset(DateTime.SpecifyKind(entry.StartTime, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(entry.IAmAliveTime, DateTimeKind.Utc)),
            activationCount);
    }
}
