namespace CaseGrains.Persistence.Outbox;

/// <summary>
/// A message one subject's commit owes another grain (发件箱): written in the same transaction as the change that caused it,
/// so a silo dying after the commit cannot lose it, and deleted once the target acknowledged it
/// (<see cref="ISupervisionOutbox.AcknowledgeAsync"/>). <see cref="TargetKind"/> names the kind of grain
/// (<see cref="OutboxTargets"/>), <see cref="TargetId"/> its key; <see cref="MessageKey"/> identifies the message for that
/// target, so enqueueing the same message twice keeps one; <see cref="PayloadJson"/> is a JSON object the target's relay
/// arm understands. Targets must take a message more than once without harm: delivery is at least once. Not sealed: the
/// silo that builds a message may keep its payload beside the JSON, so that delivering it from that silo does not parse
/// what was just written; a store keeps only these four fields.
/// </summary>
public record OutboxMessage(string TargetKind, string TargetId, string MessageKey, string PayloadJson);
