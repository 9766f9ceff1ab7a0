namespace CaseGrains.Domain.Cases;

/// <summary>One post-decision Q&amp;A session with the parties (复议后答疑).</summary>
public sealed record PostDecisionQaEntry
{
    public required string Summary { get; init; }

    public required DateOnly RecordedOn { get; init; }
}
