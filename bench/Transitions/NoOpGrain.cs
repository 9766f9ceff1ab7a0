using CaseGrains.Abstractions.Cases;
using CaseGrains.Domain.Cases;

namespace CaseGrains.Bench.Transitions;

/// <summary>Answers every call at once and keeps nothing (bench only).</summary>
public sealed class NoOpGrain : Grain, INoOpGrain
{
    public Task<CaseResult?> Perform(CaseCommand command, CommandMetadata metadata) => Task.FromResult<CaseResult?>(null);
}
