using CaseGrains.Domain.Time;
using CaseGrains.Persistence.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// Delivers what the commits' own deliveries missed: a silo died between a commit and its delivery, or the target was
/// unreachable. Every silo runs it every <see cref="SupervisionOptions.RelayInterval"/> over the messages older than
/// <see cref="SupervisionOptions.RelayGrace"/>, oldest first. Two silos may deliver the same message; every target takes a
/// repeat as a no-op, so delivery is at least once and the effect once.
/// </summary>
public sealed class SupervisionOutboxRelay(
    ISupervisionOutbox outbox,
    SupervisionMessenger messenger,
    IOptions<SupervisionOptions> options,
    PlatformClock clock,
    ILogger<SupervisionOutboxRelay> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    /// <summary>One round: delivers up to a batch of the messages written at or before <paramref name="enqueuedBefore"/>;
    /// answers how many were taken.</summary>
    public async Task<int> RelayAsync(DateTimeOffset enqueuedBefore, CancellationToken cancellationToken = default)
    {
        var pending = await outbox.PendingAsync(enqueuedBefore, options.Value.RelayBatchSize, cancellationToken);
        return pending.Count == 0 ? 0 : await messenger.DeliverAsync(pending.Select(p => p.Message));
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(SupervisionOutboxRelay), ServiceLifecycleStage.Active, Start, Stop);
    }

    private Task Start(CancellationToken cancellationToken)
    {
        if (options.Value.RelayEnabled)
        {
            loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var interval = new PeriodicTimer(options.Value.RelayInterval, clock);
        try
        {
            while (await interval.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await RelayAsync(clock.GetUtcNow() - options.Value.RelayGrace, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The supervision outbox relay failed a round; trying again in {Interval}", options.Value.RelayInterval);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
