namespace CaseGrains.Persistence.Cases;

/// <summary>The case's history already holds an entry with this idempotency key; nothing was written.</summary>
public sealed class DuplicateIdempotencyKeyException(string caseId, string idempotencyKey)
    : Exception($"Case {caseId} already has a history entry with idempotency key '{idempotencyKey}'.")
{
    public string CaseId { get; } = caseId;

    public string IdempotencyKey { get; } = idempotencyKey;
}
