using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace CaseGrains.Grains.Scheduling;

/// <summary>
/// Makes sure, from every silo, that every scheduler partition is active somewhere: once the silo is active and then
/// every <see cref="DeadlineSchedulingOptions.KeeperInterval"/>. Orleans reminders would also bring a partition back, but only
/// on their next tick, a minute apart; the keeper brings a dead silo's partitions back as soon as the cluster has
/// declared it dead.
/// </summary>
public sealed class DeadlineSchedulerKeeper(
    IGrainFactory grains,
    IOptions<DeadlineSchedulingOptions> options,
    PlatformClock clock,
    ILogger<DeadlineSchedulerKeeper> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(DeadlineSchedulerKeeper), ServiceLifecycleStage.Active, StartAsync, StopAsync);
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            loop = Task.Run(() => KeepAsync(stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task KeepAsync(CancellationToken cancellationToken)
    {
        using var interval = new PeriodicTimer(options.Value.KeeperInterval, clock);
        try
        {
            do
            {
                await WakeEveryPartitionAsync();
            }
            while (await interval.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private async Task WakeEveryPartitionAsync()
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, ReminderPartitions.Count)
                .Select(partition => grains.GetGrain<IDeadlineSchedulerGrain>(partition).Wake()));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Expected while the cluster is still noticing a dead silo; the next round tries again.
            logger.LogWarning(e, "Could not wake every deadline scheduler partition; trying again in {Interval}", options.Value.KeeperInterval);
        }
    }
}
