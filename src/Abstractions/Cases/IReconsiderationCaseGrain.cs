using Orleans.Concurrency;
using CaseGrains.Domain.Access;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Abstractions.Cases;

/// <summary>One reconsideration case (行政复议案件), keyed by its case id.</summary>
[Alias("CaseGrains.IReconsiderationCaseGrain")]
public interface IReconsiderationCaseGrain : IGrainWithStringKey
{
    /// <summary>Registers the application (申请) under this grain's id; a retry with the same idempotency key
    /// returns the case it created.</summary>
    [Alias("Receive")]
    Task<CaseResult> Receive(ReceiveApplication application, CommandMetadata metadata);

    [Alias("Perform")]
    Task<CaseResult> Perform(CaseCommand command, CommandMetadata metadata);

    /// <summary>The case as <paramref name="principal"/> may see it; NotFound when it is out of their scope.</summary>
    [Alias("Get"), ReadOnly]
    Task<CaseResult> Get(Principal principal);
}
