using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Cluster;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CaseGrains.Grains.Cluster;

/// <summary>
/// Records as <see cref="DrainStatus.Died"/> the open drain requests of a silo the cluster declared dead: one killed or
/// lost while draining cannot record that it left (<see cref="DrainExitRecorder"/>), and its request would otherwise read
/// <c>draining</c> for ever. Every running silo watches the membership and records it, after
/// <see cref="DrainOptions.DeadSiloGrace"/>; the log's update touches only requests still open, so the first silo wins
/// and a silo that recorded <see cref="DrainStatus.Left"/> keeps it.
/// </summary>
public sealed partial class DeadSiloDrainRecorder(
    IClusterMembershipService membership,
    IDrainLog drains,
    IOptions<DrainOptions> options,
    PlatformClock clock,
    ILogger<DeadSiloDrainRecorder> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly HashSet<SiloAddress> seenDead = [];
    private Task watching = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(DeadSiloDrainRecorder), ServiceLifecycleStage.Active, StartAsync, StopAsync);
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        watching = Task.Run(WatchAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await watching.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => stopping.Dispose();

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stopping.Token))
            {
                foreach (var (silo, member) in snapshot.Members)
                {
                    if (member.Status == SiloStatus.Dead && seenDead.Add(silo))
                    {
                        _ = RecordAfterGraceAsync(silo);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RecordAfterGraceAsync(SiloAddress silo)
    {
        var id = silo.ToParsableString();
        var declaredDeadBy = clock.GetUtcNow();
        try
        {
            await Task.Delay(options.Value.DeadSiloGrace, stopping.Token);
            if (await drains.SiloDiedAsync(id, declaredDeadBy, stopping.Token) > 0)
            {
                LogDied(logger, id);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Another running silo records it too; the request stays open only if none of them can.
            LogNotRecorded(logger, e, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} was declared dead before it recorded leaving; its drain request is recorded as died")]
    private static partial void LogDied(ILogger logger, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record that silo {Silo} died")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string silo);
}
