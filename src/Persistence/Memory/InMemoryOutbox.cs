using CaseGrains.Persistence.Outbox;

namespace CaseGrains.Persistence.Memory;

/// <summary><see cref="ISupervisionOutbox"/> over an <see cref="InMemoryDatabase"/>.</summary>
public sealed class InMemoryOutbox(InMemoryDatabase database) : ISupervisionOutbox
{
    public Task<IReadOnlyList<PendingOutboxMessage>> PendingAsync(DateTimeOffset enqueuedBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (database.Gate)
        {
            IReadOnlyList<PendingOutboxMessage> pending = [.. database.Outbox.Values.Where(p => p.EnqueuedAt <= enqueuedBefore).Take(limit)];
            return Task.FromResult(pending);
        }
    }

    public Task AcknowledgeAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (database.Gate)
        {
            database.Acknowledge(message);
        }

        return Task.CompletedTask;
    }
}
