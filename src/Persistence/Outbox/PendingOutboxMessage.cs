namespace CaseGrains.Persistence.Outbox;

/// <summary>A message still waiting for its target's acknowledgement, with when its commit wrote it.</summary>
public sealed record PendingOutboxMessage(long Id, OutboxMessage Message, DateTimeOffset EnqueuedAt);
