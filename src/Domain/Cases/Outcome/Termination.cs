namespace CaseGrains.Domain.Cases;

/// <summary>The termination of the case on a ground of Art. 41.</summary>
public sealed record Termination
{
    public required TerminationGround Ground { get; init; }

    public string? Reason { get; init; }

    public required DateOnly TerminatedOn { get; init; }
}
