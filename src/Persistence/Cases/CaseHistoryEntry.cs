namespace CaseGrains.Persistence.Cases;

/// <summary>One entry of a case's history (办案全过程记录): who did what, when and why. Append-only.</summary>
public sealed record CaseHistoryEntry(
    long Sequence,
    DateTimeOffset At,
    string ActorUserId,
    string ActorOrganisationId,
    string Action,
    string? Reason,
    string PayloadJson,
    string? IdempotencyKey);
