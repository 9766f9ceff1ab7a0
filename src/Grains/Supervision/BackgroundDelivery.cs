using System.Collections.Concurrent;
using CaseGrains.Persistence.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// Delivers the findings a case's or a complaint's commit owes its agency after the commit's caller has been answered.
/// The finding is durable in the outbox with the commit, so the answer need not wait for the agency's own commit and the
/// notices that may follow it (more than half of a decision's time over HTTP when it did). Deliveries run outside the
/// grain's turn, at most <see cref="SupervisionOptions.DeliveriesInFlight"/> at once per silo; a commit that finds them
/// all under way leaves its messages to the outbox relay, so an unreachable agency costs memory only up to that bound
/// (and the log a line every <see cref="LeftToRelayWarning.Interval"/>, not one per commit). A
/// stopping silo waits for those under way as long as its stop allows, so a silo drained on purpose leaves none of them
/// to the relay.
/// </summary>
public sealed class BackgroundDelivery(
    SupervisionMessenger messenger,
    IOptions<SupervisionOptions> options,
    ILogger<BackgroundDelivery> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<long, Task> running = new();
    private readonly LeftToRelayWarning leftToRelay = new(logger, TimeProvider.System);
    private long started;

    /// <summary>Counted apart from <see cref="running"/> so that a slot is checked and taken in one step.</summary>
    private int underWay;

    /// <summary>Starts delivering what a commit owes, <paramref name="messages"/>, and returns at once. Leaves them to
    /// the relay when <see cref="SupervisionOptions.DeliverAtOnce"/> is off, or when the silo already has as many
    /// deliveries under way as it may.</summary>
    public void Start(IReadOnlyList<OutboxMessage>? messages)
    {
        if (messages is not { Count: > 0 } || !options.Value.DeliverAtOnce)
        {
            return;
        }

        var capacity = options.Value.DeliveriesInFlight;
        if (Interlocked.Increment(ref underWay) > capacity)
        {
            Interlocked.Decrement(ref underWay);
            leftToRelay.Add(messages.Count, capacity);
            return;
        }

        // Listed before it starts and removed before it completes, so that a waiter never misses one nor waits on one
        // that has ended.
        var id = Interlocked.Increment(ref started);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running[id] = ended.Task;

        // Off the grain's scheduler, so that the delivery is not a turn of the caller's activation, and without the
        // caller's execution context, so that the agency's call is not part of the request that was just answered.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await messenger.DeliverAsync(messages);
                }
                finally
                {
                    running.TryRemove(id, out _);
                    Interlocked.Decrement(ref underWay);
                    ended.SetResult();
                }
            });
        }
    }

    /// <summary>Completes when every delivery started before the call, and every one started while waiting, has ended.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (!running.IsEmpty)
        {
            await Task.WhenAll(running.Values).WaitAsync(cancellationToken);
        }
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(BackgroundDelivery), ServiceLifecycleStage.Active, _ => Task.CompletedTask, StopAsync);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("The silo stopped with {Count} outbox deliveries under way; the relay delivers them", running.Count);
        }
    }
}
