using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Bench.Transitions;

/// <summary>The baseline of <c>transitions-memory</c>: a grain call that carries what a case action carries and does
/// nothing with it, so that the ratio isolates what the case grain itself costs.</summary>
[Alias("CaseGrains.Bench.INoOpGrain")]
public interface INoOpGrain : IGrainWithStringKey
{
    [Alias("Perform")]
    Task<CaseResult?> Perform(CaseCommand command, CommandMetadata metadata);
}
