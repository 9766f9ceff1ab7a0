using CaseGrains.Abstractions;

namespace CaseGrains.Api.Cluster;

/// <summary>
/// One silo as the membership table (集群成员) and its runtime statistics show it. <c>Id</c> names it in the drain route;
/// <c>Role</c> (<c>silo</c> or <c>coHosted</c>, what the silo says of itself) and <c>ActivationCount</c> are null when the
/// silo did not answer in time (it may be dying) or is not active.
/// </summary>
public sealed record ClusterMemberView(
    string Id,
    string Address,
    int SiloPort,
    int GatewayPort,
    string Status,
    string? Role,
    string SiloName,
    string HostName,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAliveAt,
    int? ActivationCount)
{
    public static ClusterMemberView Of(MembershipEntry entry, string? role, int? activationCount)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ClusterMemberView(
            entry.SiloAddress.ToParsableString(),
            entry.SiloAddress.Endpoint.Address.ToString(),
            entry.SiloAddress.Endpoint.Port,
            entry.ProxyPort,
            EnumNames.Of(entry.Status),
            role,
            entry.SiloName ?? string.Empty,
            entry.HostName ?? string.Empty,
            new DateTimeOffset(DateTime.SpecifyKind(entry.StartTime, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(entry.IAmAliveTime, DateTimeKind.Utc)),
            activationCount);
    }
}
