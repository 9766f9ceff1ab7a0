using CaseGrains.Domain.Cases;

namespace CaseGrains.Grains.Cases;

/// <summary>
/// What the case grain stores as its snapshot: the domain state and the idempotency keys it has applied, each
/// with the hash of its request and the version it produced, so a retry is recognised after any restart.
/// </summary>
public sealed record CaseSnapshot(ReconsiderationCase Case, IReadOnlyDictionary<string, AppliedRequest> Requests);
