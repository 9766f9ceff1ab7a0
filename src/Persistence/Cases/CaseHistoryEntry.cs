namespace CaseGrains.Persistence.Cases;

/// <summary>
/// One entry of a case's history (办案全过程记录): who did what, when and why. Append-only.
/// <see cref="At"/> is stored as a UTC instant with microsecond precision (PostgreSQL's), so it reads back in UTC.
/// <see cref="IdempotencyKey"/>, when set, is unique within the case.
/// <see cref="PreviousHash"/> and <see cref="Hash"/> chain the history (see <see cref="HistoryChain"/>): the store
/// computes them when it appends the entry and fills them when it reads entries back. A writer leaves them null;
/// whatever it passes is ignored.
/// </summary>
public sealed record CaseHistoryEntry(
    long Sequence,
    DateTimeOffset At,
    string ActorUserId,
    string ActorOrganisationId,
    string Action,
    string? Reason,
    string PayloadJson,
    string? IdempotencyKey,
    string? PreviousHash = null,
    string? Hash = null);
