using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Cluster;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CaseGrains.Grains.Cluster;

/// <summary>
/// Marks this silo's open drain requests <see cref="DrainStatus.Left"/> when it stops. It runs late in the shutdown
/// (after its grains are deactivated and the directory handed over, as the lifecycle stops stages in reverse), so
/// <c>leftAt</c> is when the silo had really finished; a silo killed instead leaves its request <c>Draining</c>.
/// </summary>
public sealed partial class DrainExitRecorder(
    ILocalSiloDetails localSilo,
    IDrainLog drains,
    PlatformClock clock,
    ILogger<DrainExitRecorder> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(DrainExitRecorder), ServiceLifecycleStage.RuntimeInitialize, _ => Task.CompletedTask, RecordAsync);
    }

    private async Task RecordAsync(CancellationToken cancellationToken)
    {
        var silo = localSilo.SiloAddress.ToParsableString();
        try
        {
            if (await drains.SiloLeftAsync(silo, clock.GetUtcNow(), cancellationToken) > 0)
            {
                LogLeft(logger, silo);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The silo leaves anyway; its request stays Draining, which the list shows.
            LogNotRecorded(logger, e, silo);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} has left the cluster; its drain request is recorded as done")]
    private static partial void LogLeft(ILogger logger, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} could not record that it left the cluster")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string silo);
}
