using CaseGrains.Domain.Supervision;
using CaseGrains.Grains.Cases;

namespace CaseGrains.Grains.Supervision;

/// <summary>What an instrument grain stores: the domain state; the id the agency's record knows the notice by (the record's
/// own id for a pattern notice, the instrument id otherwise); and the idempotency keys it applied.</summary>
public sealed record InstrumentSnapshot(SupervisionInstrument Instrument, string AgencyNoticeId, IReadOnlyDictionary<string, AppliedRequest> Requests);
