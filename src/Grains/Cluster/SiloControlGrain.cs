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
public sealed partial class SiloControlGrain(ILocalSiloDetails localSilo, IHostApplicationLifetime lifetime, ILogger<SiloControlGrain> logger)
    : Grain, ISiloControlGrain
{
    /// <summary>How long the answer has to leave the silo before the shutdown starts.</summary>
    private static readonly TimeSpan AnswerGrace = TimeSpan.FromMilliseconds(200);

    public Task<DrainOutcome> Drain(DrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (localSilo.SiloAddress.ToParsableString() != this.GetPrimaryKeyString())
        {
            DeactivateOnIdle();
            return Task.FromResult(DrainOutcome.NotHere);
        }

        LogDraining(logger, localSilo.SiloAddress.ToString(), request.RequestedBy, request.Reason);
        _ = Task.Delay(AnswerGrace).ContinueWith(_ => lifetime.StopApplication(), TaskScheduler.Default);
        return Task.FromResult(DrainOutcome.Started);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining silo {Silo} at the request of {RequestedBy}: {Reason}")]
    private static partial void LogDraining(ILogger logger, string silo, string requestedBy, string reason);
}
