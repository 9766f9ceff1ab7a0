namespace CaseGrains.Persistence.Cluster;

/// <summary>
/// The record of drain requests (集群节点下线记录). The gateway writes a request before it asks the silo, so that a silo
/// which leaves at once still finds it, then the answer; the silo marks its open requests <see cref="DrainStatus.Left"/>
/// as it stops, and the other silos mark those of a silo the cluster declared dead <see cref="DrainStatus.Died"/>. Each
/// call is atomic.
/// </summary>
public interface IDrainLog
{
    /// <summary>Records a request with its first status (<see cref="DrainStatus.Requested"/>, or
    /// <see cref="DrainStatus.Refused"/> with <paramref name="refusal"/>); returns its id.</summary>
    Task<long> RecordAsync(DrainRequestEntry request, DrainStatus status, string? refusal, CancellationToken cancellationToken = default);

    /// <summary>The silo's answer to a request still <see cref="DrainStatus.Requested"/>; a request the silo has
    /// already marked <see cref="DrainStatus.Left"/> keeps that.</summary>
    Task AnsweredAsync(long id, DrainStatus status, CancellationToken cancellationToken = default);

    /// <summary>Marks the silo's requests still requested or draining as <see cref="DrainStatus.Left"/> at <paramref name="at"/>;
    /// returns how many.</summary>
    Task<int> SiloLeftAsync(string siloId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Marks the silo's requests still requested or draining as <see cref="DrainStatus.Died"/> at
    /// <paramref name="at"/> (one it already marked <see cref="DrainStatus.Left"/> keeps that); returns how many.</summary>
    Task<int> SiloDiedAsync(string siloId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The request <paramref name="id"/>; null when there is none.</summary>
    Task<DrainRecord?> FindAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> requests, newest first.</summary>
    Task<IReadOnlyList<DrainRecord>> ListAsync(int limit, CancellationToken cancellationToken = default);
}
