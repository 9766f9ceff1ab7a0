using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Bench.Transitions;

/// <summary>The second baseline of <c>transitions-memory</c>: a grain call that carries what a case action carries and
/// appends a commit of a walked case's size to the case store, as <c>transitions-http</c>'s baseline commits a row of a
/// comparable payload to the same PostgreSQL. The ratio against it is the platform's cost over its store's own.</summary>
[Alias("CaseGrains.Bench.IStoreCommitGrain")]
public interface IStoreCommitGrain : IGrainWithStringKey
{
    [Alias("Perform")]
    Task<CaseResult?> Perform(CaseCommand command, CommandMetadata metadata);
}
