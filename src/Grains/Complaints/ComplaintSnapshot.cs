using CaseGrains.Domain.Complaints;
using CaseGrains.Grains.Cases;

namespace CaseGrains.Grains.Complaints;

/// <summary>What the complaint grain stores: the domain state and the idempotency keys it has applied, as a case's
/// snapshot does (<see cref="CaseSnapshot"/>), so a retry is recognised after any restart.</summary>
public sealed record ComplaintSnapshot(EnforcementComplaint Complaint, IReadOnlyDictionary<string, AppliedRequest> Requests);
