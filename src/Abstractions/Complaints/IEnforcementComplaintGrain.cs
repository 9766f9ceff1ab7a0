using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Complaints;
using Orleans.Concurrency;

namespace CaseGrains.Abstractions.Complaints;

/// <summary>One enforcement complaint or report (行政执法投诉举报), keyed by its id (<c>CP-</c> and 16 hex digits).</summary>
[Alias("CaseGrains.IEnforcementComplaintGrain")]
public interface IEnforcementComplaintGrain : IGrainWithStringKey
{
    /// <summary>Registers the complaint (登记) under this grain's id; a retry with the same idempotency key returns it.</summary>
    [Alias("Receive")]
    Task<ComplaintResult> Receive(ReceiveComplaint complaint, CommandMetadata metadata);

    [Alias("Perform")]
    Task<ComplaintResult> Perform(ComplaintCommand command, CommandMetadata metadata);

    /// <summary>The complaint as <paramref name="principal"/> may see it; NotFound when it is out of their scope.</summary>
    [Alias("Get"), ReadOnly]
    Task<ComplaintResult> Get(Principal principal);
}
