using CaseGrains.Abstractions.Scheduling;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Supervision;
using Orleans.Concurrency;

namespace CaseGrains.Abstractions.Supervision;

/// <summary>
/// One supervised enforcement agency (行政执法机关), keyed by its organisation id: what the cases and complaints against it
/// found, and the supervision notices its patterns call for. Sources deliver findings at least once; the agency ignores a
/// repeat or a stale one (<see cref="AgencyFinding.SourceVersion"/>), so each finding counts once. Messages interleave:
/// the grain queues them itself and commits those that arrive during a commit together in the next one, in arrival order.
/// </summary>
[Alias("CaseGrains.IAgencyGrain")]
public interface IAgencyGrain : IGrainWithStringKey
{
    /// <summary>Records what a decided or self-corrected case, or a substantiated complaint, found; completes once the
    /// finding (and any notice its pattern drafted) is durable.</summary>
    [Alias("RecordFinding"), AlwaysInterleave]
    Task RecordFinding(AgencyFinding finding);

    /// <summary>Any message to the record (a finding, a notice tracked or finished), as the outbox relay delivers it;
    /// answers once the change and the messages it owes the notices are durable.</summary>
    [Alias("Handle"), AlwaysInterleave]
    Task<SystemCommandOutcome> Handle(AgencyCommand command);

    /// <summary>The record as <paramref name="principal"/> may read it: counts per flaw kind, correction rate, notices;
    /// not found when outside their scope.</summary>
    [Alias("Get")]
    Task<AgencyResult> Get(Principal principal);
}
