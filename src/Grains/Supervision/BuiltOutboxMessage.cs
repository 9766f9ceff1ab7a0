using CaseGrains.Persistence.Outbox;

namespace CaseGrains.Grains.Supervision;

/// <summary>
/// An outbox message as this silo built it, with the payload it serialised into <see cref="OutboxMessage.PayloadJson"/>:
/// a delivery straight after the commit hands the grain that payload instead of parsing the JSON again (3.6% of the
/// managed samples in a profile of bench transitions-memory's case phase). What the relay reads back from the store is
/// a plain <see cref="OutboxMessage"/> and is parsed.
/// </summary>
internal sealed record BuiltOutboxMessage<TPayload>(string TargetKind, string TargetId, string MessageKey, string PayloadJson, TPayload Payload)
    : OutboxMessage(TargetKind, TargetId, MessageKey, PayloadJson)
    where TPayload : class;
