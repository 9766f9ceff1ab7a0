using CaseGrains.Abstractions.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace CaseGrains.Grains.Cluster;

/// <summary>
/// A silo's control point (see <see cref="ISiloControlGrain"/>). Immovable, so the rebalancer never carries it to another
/// silo; an activation that finds itself on a silo its key does not name refuses and goes away.
/// </summary>
[Immovable]
public sealed partial class SiloControlGrain(ILocalSiloDetails localSilo, LocalSiloRole role, IHostApplicationLifetime lifetime, ILogger<SiloControlGrain> logger)
    : Grain, ISiloControlGrain
{
    /// <summary>How long the answer has to leave the silo before the shutdown starts.</summary>
    private static readonly TimeSpan AnswerGrace = TimeSpan.FromMilliseconds(200);

    public Task<DrainOutcome> Drain(DrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsOnItsSilo())
        {
            return Task.FromResult(DrainOutcome.NotHere);
        }

        LogDraining(logger, localSilo.SiloAddress.ToString(), request.RequestedBy, request.Reason);
        _ = Task.Delay(AnswerGrace).ContinueWith(_ => lifetime.StopApplication(), TaskScheduler.Default);
        return Task.FromResult(DrainOutcome.Started);
    }

    public Task<SiloDescription> Describe()
    {
        _ = IsOnItsSilo();
        return Task.FromResult(new SiloDescription(localSilo.SiloAddress.ToParsableString(), role.Name));
    }

    /// <summary>Whether this activation is on the silo its key names; one that is not goes away, so the next call may
    /// be placed right.</summary>
    private bool IsOnItsSilo()
    {
        if (localSilo.SiloAddress.ToParsableString() == this.GetPrimaryKeyString())
        {
            return true;
        }

        DeactivateOnIdle();
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining silo {Silo} at the request of {RequestedBy}: {Reason}")]
    private static partial void LogDraining(ILogger logger, string silo, string requestedBy, string reason);
}
