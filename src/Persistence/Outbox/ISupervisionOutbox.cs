namespace CaseGrains.Persistence.Outbox;

/// <summary>
/// The outbox's reading side. Writers do not use it: a message is written by the commit of the subject that owes it
/// (<see cref="Cases.CaseCommit.Outbox"/>, <see cref="Supervision.AgencyCommit.Outbox"/>,
/// <see cref="Supervision.InstrumentCommit.Outbox"/>), so it exists exactly when that commit does.
/// </summary>
public interface ISupervisionOutbox
{
    /// <summary>Up to <paramref name="limit"/> messages written at or before <paramref name="enqueuedBefore"/>, oldest first
    /// (by id: a target sees one writer's messages in the order written).</summary>
    Task<IReadOnlyList<PendingOutboxMessage>> PendingAsync(DateTimeOffset enqueuedBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>Deletes the message once its target took it; nothing happens when it is already gone.</summary>
    Task AcknowledgeAsync(OutboxMessage message, CancellationToken cancellationToken = default);
}
